import { describe, expect, it, vi } from "vitest";

describe("engine tags", () => {
  // A production build bundles lib/db/engine.ts into several chunks: the client one chunk made and
  // tagged (getDb keeps it on globalThis) is read by routes in another chunk, with its own copy of
  // this module. Each copy must see the tag (docs/decisions/0025).
  it("are seen by another copy of the module", async () => {
    const first = await import("./engine");
    vi.resetModules();
    const second = await import("./engine");
    expect(second).not.toBe(first);
    const client = first.tagEngine({}, "postgresql");
    expect(second.engineOf(client)).toBe("postgresql");
    expect(second.engineOf({})).toBe("sqlite");
  });
});
