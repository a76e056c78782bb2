// The rubric rules that follow the log (issue 16): one met and one missed case per rule, and a
// property: no log scores 100 without a validation and an apology.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlaybookEvent, RecordedEvent } from "./events";
import { scoreCase, type RubricItemId, type RubricReference } from "./rubric";
import { PRACTICE_WALK_OUT_REASON } from "./walk-out";
import { acceptedPrefix, arbitraryEventSequence, arbitraryScriptOptions } from "@/tests/support/playbook/arbitraries";
import { recordScript, scriptCase, type ScriptOptions } from "@/tests/support/playbook/walkthrough";

function logOf(options: ScriptOptions = {}, edit: (event: PlaybookEvent) => PlaybookEvent = (e) => e): RecordedEvent[] {
  const script = scriptCase(options);
  return recordScript({ events: script.events.map(edit), managerEventIndexes: script.managerEventIndexes });
}

/** The scripted case cut after its first `type` event, then ended with `reason`. */
function endedAfter(type: PlaybookEvent["type"], options: ScriptOptions, reason: string, extra: PlaybookEvent[] = []): RecordedEvent[] {
  const script = scriptCase(options);
  const cut = script.events.findIndex((e) => e.type === type);
  const events = [...script.events.slice(0, cut + 1), ...extra, { type: "case_abandoned", data: { reason } } as PlaybookEvent];
  return recordScript({ events, managerEventIndexes: script.managerEventIndexes.filter((i) => i <= cut) });
}

const outcome = (log: RecordedEvent[], id: RubricItemId, reference?: RubricReference) =>
  scoreCase(log, reference).items.find((i) => i.id === id)!;

/** Agrees `option` at Solve (offered beside another) instead of the script's choice. */
const agreeing =
  (option: string) =>
  (e: PlaybookEvent): PlaybookEvent =>
    e.type === "options_offered"
      ? { ...e, data: { ...e.data, options: ["Cook a fresh dish now", option] } }
      : e.type === "solution_agreed"
        ? { ...e, data: { option } }
        : e;

describe("a remedy agreed at Solve counts", () => {
  it("met: “Take it off the bill” agreed at Solve, nothing more at Compensate, after a moderate failure", () => {
    const log = logOf({ severity: 2, compensationCents: "skip" }, agreeing("Take it off the bill"));
    const item = outcome(log, "remedy_proportionate");
    expect(item.outcome, item.reason).toBe("met");
    expect(item.reason).toMatch(/agreed at Solve/);
    expect(log[item.eventIndex!].type).toBe("solution_agreed");
  });

  it("missed: a fresh dish agreed and nothing else after a moderate failure", () => {
    const log = logOf({ severity: 2, compensationCents: "skip" }, agreeing("Bring the dessert menu"));
    expect(outcome(log, "remedy_proportionate").outcome).toBe("missed");
  });

  it("after a serious failure only a whole remedy at Solve counts", () => {
    expect(outcome(logOf({ severity: 4, compensationCents: "skip" }, agreeing("A full refund")), "remedy_proportionate").outcome).toBe(
      "met",
    );
    expect(
      outcome(logOf({ severity: 4, compensationCents: "skip" }, agreeing("Take the dish off the bill")), "remedy_proportionate").outcome,
    ).toBe("missed");
  });
});

describe("fault is checked against the case's own facts", () => {
  const notOurs = { severity: 3 as const, compensationCents: "skip" as const, ourFault: false, rootCauses: ["other"] };
  it("met: “not our fault” with facts that agree", () => {
    expect(outcome(logOf(notOurs), "remedy_proportionate").outcome).toBe("met");
  });

  it("missed: “not our fault” when the facts say the kitchen misread the ticket", () => {
    const log = logOf(notOurs, (e) =>
      e.type === "options_offered" ? { ...e, data: { ...e.data, facts: "The kitchen misread the ticket." } } : e,
    );
    const item = outcome(log, "remedy_proportionate");
    expect(item.outcome).toBe("missed");
    expect(item.reason).toMatch(/misread/);
  });

  it("missed: “not our fault” when the root cause tagged is the venue's own", () => {
    expect(outcome(logOf({ ...notOurs, rootCauses: ["product_quality"] }), "remedy_proportionate").reason).toMatch(/root cause/);
  });
});

describe("in practice, severity and fault are checked against the source case", () => {
  it("met: a fair remedy for the source case's severity", () => {
    expect(
      outcome(logOf({ practice: true, severity: 2, compensationCents: 800 }), "remedy_proportionate", { severity: 2, ourFault: true })
        .outcome,
    ).toBe("met");
  });

  it("missed: marking a moderate failure minor to give nothing", () => {
    const log = logOf({ practice: true, severity: 1, compensationCents: "skip" }, agreeing("Bring the dessert menu"));
    expect(outcome(log, "remedy_proportionate").outcome).toBe("met");
    const item = outcome(log, "remedy_proportionate", { severity: 2, ourFault: true });
    expect(item.outcome).toBe("missed");
    expect(item.reason).toMatch(/marked minor; the original was moderate/);
  });

  it("missed: ticking “not our fault” when the source case was ours", () => {
    const log = logOf({ practice: true, severity: 3, compensationCents: "skip", ourFault: false, rootCauses: ["other"] });
    expect(outcome(log, "remedy_proportionate").outcome).toBe("met");
    expect(outcome(log, "remedy_proportionate", { severity: 3, ourFault: true }).outcome).toBe("missed");
  });
});

describe("a walk-out caused by the trainee cannot score full marks", () => {
  it("met: a real customer who left after being heard, understood and apologised to", () => {
    const log = endedAfter("apology_given", {}, "They had a train to catch.");
    expect(outcome(log, "kept_customer").outcome).toBe("met");
  });

  it("missed: the practice customer walked out", () => {
    const log = endedAfter("apology_given", { practice: true }, PRACTICE_WALK_OUT_REASON);
    const item = outcome(log, "kept_customer");
    expect(item.outcome).toBe("missed");
    expect(item.reason).toMatch(/pushed too far/);
    expect(scoreCase(log).score).toBeLessThan(100);
  });

  it("missed: “Customer left” tapped on a practice run, however it went", () => {
    const log = endedAfter("solution_agreed", { practice: true }, "Customer left");
    expect(outcome(log, "kept_customer").outcome).toBe("missed");
    expect(scoreCase(log).score).toBeLessThan(100);
  });

  it("missed: a real customer who left after a blunt no", () => {
    const log = endedAfter("apology_given", {}, "They walked out.", [
      { type: "options_offered", data: { options: ["Cook a fresh dish now"] } },
      { type: "request_declined", data: { request: "Make it free", reason: "No, we don't do that.", alternatives: ["Nothing else"] } },
    ]);
    expect(outcome(log, "kept_customer").reason).toMatch(/blunt no/i);
  });
});

describe("a case that never validated or apologised cannot score full marks", () => {
  it("met: named and apologised before the customer left", () => {
    const log = endedAfter("apology_given", {}, "They had to go.");
    expect(outcome(log, "named_feeling").outcome).toBe("met");
    expect(outcome(log, "apology_no_excuses").outcome).toBe("met");
  });

  it("missed: the customer left after being heard, with no validation or apology", () => {
    const log = endedAfter("complaint_heard", {}, "They walked out.");
    expect(outcome(log, "named_feeling").outcome).toBe("missed");
    expect(outcome(log, "apology_no_excuses").outcome).toBe("missed");
    expect(scoreCase(log).score).toBeLessThan(100);
  });
});

describe("the reason for a no and its alternatives are judged by the coach", () => {
  const declining =
    (reason: string, alternatives: string[]) =>
    (e: PlaybookEvent): PlaybookEvent =>
      e.type === "request_declined" ? { ...e, data: { ...e.data, reason, alternatives } } : e;

  it("met: a factual reason and a real alternative", () => {
    const log = logOf(
      { sayNo: true },
      declining("The rest of the meal was served as ordered, so I can take the steak off but not the whole bill", [
        "Dessert and coffee on the house",
      ]),
    );
    expect(outcome(log, "options_offered").outcome).toBe("met");
  });

  it("missed: “No, we don't do that.” with “Nothing else”", () => {
    const log = endedAfter("apology_given", {}, "They left.", [
      { type: "options_offered", data: { options: ["Cook a fresh dish now"] } },
      { type: "request_declined", data: { request: "Make it free", reason: "No, we don't do that.", alternatives: ["Nothing else"] } },
    ]);
    const item = outcome(log, "options_offered");
    expect(item.outcome).toBe("missed");
    expect(item.reason).toMatch(/blunt no/i);
  });

  it("missed: a polite reason but “Nothing else” as the alternative", () => {
    const log = endedAfter("apology_given", {}, "They left.", [
      { type: "options_offered", data: { options: ["Cook a fresh dish now"] } },
      {
        type: "request_declined",
        data: { request: "Make it free", reason: "The rest of the meal was served as ordered", alternatives: ["Nothing else"] },
      },
    ]);
    expect(outcome(log, "options_offered").reason).toMatch(/no alternative/);
  });
});

describe("property: no log scores 100 without a validation and an apology", () => {
  const holds = (log: RecordedEvent[]) => {
    const score = scoreCase(log).score;
    if (score === 100) {
      expect(log.some((e) => e.type === "feeling_validated")).toBe(true);
      expect(log.some((e) => e.type === "apology_given")).toBe(true);
    }
  };

  it("over scripted walkthroughs (every detour, walk-outs at every stage)", () => {
    fc.assert(
      fc.property(arbitraryScriptOptions(), (options) => holds(recordScript(scriptCase(options)))),
      { numRuns: 150 },
    );
  });

  it("over disturbed logs, as far as the playbook accepts them", () => {
    fc.assert(
      fc.property(arbitraryEventSequence(), (events) => holds(acceptedPrefix(events).accepted)),
      { numRuns: 150 },
    );
  });

  it("and a walk-out in practice never scores 100", () => {
    fc.assert(
      fc.property(arbitraryScriptOptions(), (options) => {
        const script = scriptCase({ ...options, practice: true });
        const events = [
          ...script.events.filter((e) => e.type !== "case_closed" && e.type !== "case_abandoned"),
          { type: "case_abandoned", data: { reason: PRACTICE_WALK_OUT_REASON } } as PlaybookEvent,
        ];
        const accepted = acceptedPrefix(recordScript({ events, managerEventIndexes: script.managerEventIndexes })).accepted;
        if (accepted.at(-1)?.type === "case_abandoned") expect(scoreCase(accepted).score ?? 0).toBeLessThan(100);
      }),
      { numRuns: 100 },
    );
  });
});
