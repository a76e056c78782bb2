import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, ADDRESS_POLICY, judge } from "./throttle";

const t0 = new Date("2026-11-23T12:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const fails = (...seconds: number[]) => seconds.map(at);

describe("judge (pure)", () => {
  it("lets the first three failures through without waiting", () => {
    expect(judge([], ACCOUNT_POLICY, t0)).toEqual({ ok: true });
    expect(judge(fails(0, 1), ACCOUNT_POLICY, at(1))).toEqual({ ok: true });
  });

  it("waits progressively longer after three failures", () => {
    expect(judge(fails(0, 1, 2), ACCOUNT_POLICY, at(2))).toEqual({ ok: false, reason: "slow", waitMs: 5_000 });
    expect(judge(fails(0, 1, 2), ACCOUNT_POLICY, at(7))).toEqual({ ok: true });
    expect(judge(fails(0, 1, 2, 10), ACCOUNT_POLICY, at(10))).toEqual({ ok: false, reason: "slow", waitMs: 10_000 });
    expect(judge(fails(0, 1, 2, 10, 30), ACCOUNT_POLICY, at(30))).toEqual({ ok: false, reason: "slow", waitMs: 20_000 });
    expect(judge(fails(0, 1, 2, 10, 30, 60, 100), ACCOUNT_POLICY, at(100))).toEqual({ ok: false, reason: "slow", waitMs: 80_000 });
  });

  it("locks for 15 minutes after eight failures, then forgets them", () => {
    const eight = fails(0, 1, 2, 10, 30, 60, 100, 200);
    expect(judge(eight, ACCOUNT_POLICY, at(200))).toEqual({ ok: false, reason: "locked", waitMs: 15 * 60_000 });
    expect(judge(eight, ACCOUNT_POLICY, at(200 + 14 * 60))).toMatchObject({ ok: false, reason: "locked", waitMs: 60_000 });
    expect(judge(eight, ACCOUNT_POLICY, at(200 + 15 * 60))).toEqual({ ok: true });
  });

  it("stays locked while the failures that caused it slide out of the window", () => {
    const eight = fails(0, 100, 200, 300, 400, 500, 600, 700);
    expect(judge(eight, ACCOUNT_POLICY, at(1000))).toMatchObject({ ok: false, reason: "locked", waitMs: 600_000 });
  });

  it("starts counting again after a lock", () => {
    const eight = fails(0, 1, 2, 10, 30, 60, 100, 200);
    expect(judge([...eight, at(1100)], ACCOUNT_POLICY, at(1101))).toEqual({ ok: true });
  });

  it("ignores failures it is told about from the future", () => {
    expect(judge(fails(10, 11, 12), ACCOUNT_POLICY, at(0))).toEqual({ ok: true });
  });

  it("forgets failures older than the window", () => {
    expect(judge(fails(0, 1, 2), ACCOUNT_POLICY, at(15 * 60 + 1))).toMatchObject({ ok: true });
  });

  it("is looser per address than per account", () => {
    const nine = fails(0, 1, 2, 3, 4, 5, 6, 7, 8);
    expect(judge(nine, ADDRESS_POLICY, at(8))).toEqual({ ok: true });
    expect(judge([...nine, at(9)], ADDRESS_POLICY, at(9))).toMatchObject({ ok: false, reason: "slow" });
  });
});
