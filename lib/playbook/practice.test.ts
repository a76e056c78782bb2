import { describe, expect, it } from "vitest";
import { fold } from "./machine";
import { customerLines, customerScript } from "./practice";
import { initialState } from "./state";
import { recordScript, scriptCase } from "@/tests/support/playbook/walkthrough";

const source = recordScript(scriptCase({ sayNo: true, ventAt: "solve", readbackRefusedOnce: true, escalate: "declined", mood: "furious", spot: "Table 7" }));

describe("the practice customer", () => {
  const script = customerScript(source);

  it("is the real case's customer: words, mood, vents, requests and read-back answers", () => {
    expect(script.complaint).toMatchObject({ mood: "furious", spot: "Table 7", category: "food_quality", severity: 2 });
    expect(script.feeling).toBe("frustrated");
    expect(script.vents).toEqual([{ stage: "solve", note: "The customer got upset again." }]);
    expect(script.requests).toEqual(["Make the whole meal free"]);
    expect(script.readback).toEqual([{ accepted: false, comment: "That is not what I asked for." }, { accepted: true }]);
    expect(script.managerCalled).toBe(true);
  });

  it("speaks for the stage the trainee is at", () => {
    const at = (phase: typeof initialState.phase, extra: Partial<typeof initialState> = {}) => customerLines(script, { ...initialState, phase, ...extra });
    expect(at("listen")[0].say).toMatch(/^At Table 7, a furious customer says: “My steak came out cold/);
    expect(at("validate")[0].cue).toMatch(/frustrated/);
    expect(at("solve").map((l) => l.id)).toEqual(["vent-0", "request-0", "manager"]);
    expect(at("solve", { returnsToListen: 1, declined: [{ request: "x", reason: "y", alternatives: ["z"] }] }).map((l) => l.id)).toEqual(["solve", "manager"]);
    expect(at("listen", { returnsToListen: 1 })[0].say).toBe("“The customer got upset again.”");
    expect(at("solve", { returnsToListen: 1, readbackRefusals: 1 })[0].say).toBe("“That is not what I asked for.”");
    expect(at("confirm")[0].say).toMatch(/“Not quite”: “That is not what I asked for.”/);
    expect(at("confirm", { readbackRefusals: 1 })[0].say).toMatch(/“Yes, that's right”/);
    expect(at("closed")[0].say).toBe("Practice complete.");
  });

  it("works from a trainee's own folded state", () => {
    const practice = recordScript(scriptCase({ practice: true })).slice(0, 2);
    const lines = customerLines(script, fold(practice));
    expect(lines[0].id).toBe("validate");
  });
});
