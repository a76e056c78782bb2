import { describe, expect, it } from "vitest";
import { loadOnce } from "./load-once";

describe("loadOnce", () => {
  it("fetches a module once and shares it", async () => {
    let calls = 0;
    const load = loadOnce(async () => ({ n: ++calls }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(calls).toBe(1);
  });

  it("tries again after a failed fetch (offline, never kept)", async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls++;
      if (calls === 1) throw new Error("offline");
      return "module";
    });
    await expect(load()).rejects.toThrow("offline");
    await expect(load()).resolves.toBe("module");
    expect(calls).toBe(2);
  });
});
