import { describe, expect, it } from "vitest";
import { recordScript, scriptCase } from "@/tests/support/playbook/walkthrough";
import { describeHistory } from "./describe-event";

describe("the history of a case", () => {
  // Issue 11: a "not quite" retires the round; the history keeps its steps, marked superseded.
  it("marks the steps of a round the customer said “not quite” to as superseded, and only those", () => {
    const log = recordScript(scriptCase({ readbackRefusedOnce: true, compensationCents: 4500 }));
    const history = describeHistory(log, new Map());
    const refusal = history.findIndex((l) => l.type === "readback_answered");
    const superseded = history.filter((l) => l.superseded).map((l) => l.type);
    expect(superseded).toEqual(["solution_agreed", "compensation_offered", "manager_decided", "actions_agreed"]);
    expect(history.slice(refusal).every((l) => !l.superseded)).toBe(true);
    expect(
      history
        .slice(0, refusal)
        .filter((l) => l.type === "options_offered")
        .every((l) => !l.superseded),
    ).toBe(true);
  });

  it("says what a manager approved instead of what was asked", () => {
    const log = recordScript(scriptCase({ compensationCents: 4500 }));
    const decision = log.findIndex((e) => e.type === "manager_decided");
    const decided = log[decision];
    if (decided.type !== "manager_decided") throw new Error("no decision");
    log[decision] = {
      ...decided,
      data: { ...decided.data, note: "Half.", remedy: { kind: "voucher", description: "A voucher for next time", valueCents: 2000 } },
    };
    const line = describeHistory(log, new Map())[decision];
    expect(line.what).toBe("Approved £20.00 (voucher for next visit: A voucher for next time) instead of “Dessert on the house” (£45.00)");
    expect(line.detail).toBe("Half.");
  });
});
