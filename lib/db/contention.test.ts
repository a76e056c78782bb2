import { afterEach, describe, expect, it, vi } from "vitest";
import { retryOnContention } from "./contention";
import { HotRaced } from "./hot-append";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** An attempt that loses to another writer until `busyFor` ms of the (fake) clock have passed. */
function contendedFor(busyFor: number) {
  const started = Date.now();
  let calls = 0;
  const attempt = async () => {
    calls++;
    if (Date.now() - started < busyFor) throw new HotRaced("case-1");
    return "stored";
  };
  return { attempt, calls: () => calls };
}

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

describe("retryOnContention", () => {
  // Two instances appending to one case: the loser re-reads the row and tries again, but a writer
  // that keeps appending can win many times in a row, more so when the box is loaded and the
  // loser's read-then-write window is long (CI saw a step lost after 8 quick tries). The retries
  // back off exponentially, so a contended step outlasts half a second of another writer's run.
  it("outlasts another writer holding the case for half a second", async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const contended = contendedFor(500);
    const { value, error } = await settle(retryOnContention(contended.attempt));
    expect(error).toBeUndefined();
    expect(value).toBe("stored");
    expect(contended.calls()).toBeGreaterThan(1);
  });

  it("gives up after its tries, with the last error, when the case never frees", async () => {
    vi.useFakeTimers();
    const contended = contendedFor(Infinity);
    const { error } = await settle(retryOnContention(contended.attempt, 5));
    expect(error).toBeInstanceOf(HotRaced);
    expect(contended.calls()).toBe(5);
  });

  it("does not retry an error that is not contention", async () => {
    let calls = 0;
    await expect(
      retryOnContention(async () => {
        calls++;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(calls).toBe(1);
  });

  it("waits a random share of a doubling pause, never more than its cap", async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    const pauses: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number) => {
      pauses.push(ms ?? 0);
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout);
    await settle(retryOnContention(contendedFor(Infinity).attempt, 12));
    expect(pauses).toHaveLength(11);
    for (let i = 1; i < pauses.length; i++) expect(pauses[i]).toBeGreaterThanOrEqual(pauses[i - 1]);
    expect(Math.max(...pauses)).toBeLessThanOrEqual(128);
    expect(pauses.at(-1)).toBeGreaterThan(100);
    expect(pauses[0]).toBeLessThan(8);
  });
});
