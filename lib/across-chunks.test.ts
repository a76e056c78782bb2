// Checks that what must be one per process stays one when Next loads a module more than once.
import { describe, expect, it, vi } from "vitest";

// Next bundles a module into more than one server chunk; the shared objects on globalThis run one
// chunk's copy. Two imports after resetModules stand for two chunks' copies of the same module.
async function twoCopies<T>(load: () => Promise<T>): Promise<[T, T]> {
  vi.resetModules();
  const first = await load();
  vi.resetModules();
  const second = await load();
  return [first, second];
}

describe("errors thrown by one chunk's copy of a module are recognised by another's", () => {
  it("AppError", async () => {
    const [a, b] = await twoCopies(() => import("./errors"));
    expect(a.AppError).not.toBe(b.AppError);
    const error = new a.AppError("conflict", "Already recorded.");
    expect(error instanceof b.AppError).toBe(true);
    expect(b.isAppError(error)).toBe(true);
    expect(new Error("plain") instanceof b.AppError).toBe(false);
    expect({ code: "conflict", message: "forged" } instanceof b.AppError).toBe(false);
  });

  it("the append hot path's HotRaced and HotBusy (a race on PostgreSQL must be retried, not answered 500)", async () => {
    const [a, b] = await twoCopies(() => import("./db/hot-append"));
    expect(a.HotRaced).not.toBe(b.HotRaced);
    expect(new a.HotRaced("c1") instanceof b.HotRaced).toBe(true);
    expect(new a.HotBusy() instanceof b.HotBusy).toBe(true);
    expect(new a.HotBusy() instanceof b.HotRaced).toBe(false);
    expect(new a.HotRaced("c1") instanceof b.HotBusy).toBe(false);
    // The retry loop of one copy sees the other copy's race as contention.
    const [contention] = await twoCopies(() => import("./db/contention"));
    expect(contention.isContention(new a.HotRaced("c1"))).toBe(true);
    expect(contention.isContention(new b.HotRaced("c1"))).toBe(true);
    expect(contention.isContention(new Error("Case c1 was appended to by another writer first"))).toBe(false);
  });
});

describe("one write queue per process, whichever chunk's copy of the module queues the write", () => {
  it("a write queued by one copy waits for a write queued by another", async () => {
    const [a, b] = await twoCopies(() => import("./db/write-lock"));
    expect(a.serialiseWrite).not.toBe(b.serialiseWrite);
    const order: string[] = [];
    let release!: () => void;
    const first = a.serialiseWrite(async () => {
      order.push("first starts");
      await new Promise<void>((resolve) => (release = resolve));
      order.push("first ends");
    });
    const second = b.serialiseWrite(async () => void order.push("second"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first starts", "first ends", "second"]);
  });
});
