import { describe, expect, it } from "vitest";
import type { PlaybookEvent, RecordedEvent } from "./events";
import { assessPhrase } from "./phrase-coach";
import { RUBRIC_ITEMS, scoreCase, type RubricItem, type RubricItemId } from "./rubric";
import { recordScript, scriptCase, type RecordOptions, type ScriptOptions } from "@/tests/support/playbook/walkthrough";

/** A scripted case as a log, with some of its events rewritten (same count, same order). */
function logOf(
  options: ScriptOptions = {},
  edit: (event: PlaybookEvent) => PlaybookEvent = (e) => e,
  record: RecordOptions = {},
): RecordedEvent[] {
  const script = scriptCase(options);
  return recordScript({ events: script.events.map(edit), managerEventIndexes: script.managerEventIndexes }, record);
}

/** A scripted case cut after its first event of `type`, then ended with the customer leaving. */
function leftAfter(type: PlaybookEvent["type"], options: ScriptOptions = {}, extra: PlaybookEvent[] = []): RecordedEvent[] {
  const script = scriptCase(options);
  const cut = script.events.findIndex((e) => e.type === type);
  const events = [
    ...script.events.slice(0, cut + 1),
    ...extra,
    { type: "case_abandoned", data: { reason: "The customer left." } } as PlaybookEvent,
  ];
  return recordScript({ events, managerEventIndexes: script.managerEventIndexes.filter((i) => i <= cut) });
}

function item(log: RecordedEvent[], id: RubricItemId): RubricItem {
  const found = scoreCase(log).items.find((i) => i.id === id);
  if (!found) throw new Error(`No rubric item ${id}`);
  return found;
}

const indexOf = (log: RecordedEvent[], type: PlaybookEvent["type"], nth = 0) =>
  log.map((e, i) => (e.type === type ? i : -1)).filter((i) => i >= 0)[nth];

function expectProof(result: RubricItem, outcome: RubricItem["outcome"], index: number) {
  expect(result.outcome, result.reason).toBe(outcome);
  expect(result.eventIndex).toBe(index);
  expect(result.sequence).toBe(index + 1);
  expect(result.reason).not.toBe("");
  expect(result.reason).not.toContain("\n");
}

describe("scoreCase", () => {
  it("scores a textbook case 100, every item proved by an event", () => {
    const log = logOf();
    const result = scoreCase(log);
    expect(result.items.map((i) => i.id)).toEqual([...RUBRIC_ITEMS]);
    expect(result.items.filter((i) => i.outcome !== "met").map((i) => [i.id, i.outcome])).toEqual([["kept_customer", "not_applicable"]]);
    expect(result).toMatchObject({ met: 8, missed: 0, applicable: 8, score: 100 });
    for (const i of result.items.filter((i) => i.outcome === "met")) expect(log[i.eventIndex ?? -1]).toBeDefined();
  });

  it("is pure: the same log gives the same result", () => {
    const log = logOf(SCRIPT_SAY_NO);
    expect(scoreCase(log)).toEqual(scoreCase(log));
  });

  it("scores only the items that applied: a customer who left at Listen", () => {
    const result = scoreCase(logOf({ abandonAt: "listen" }));
    expect(result.items.every((i) => i.outcome === "not_applicable" && i.eventIndex === null && i.sequence === null)).toBe(true);
    expect(result.score).toBeNull();
  });

  it("counts missed items against the score", () => {
    const log = logOf({ severity: 4, compensationCents: 500 }, (e) =>
      e.type === "apology_given" ? { ...e, data: { ...e.data, words: "Sorry, we're short staffed tonight." } } : e,
    );
    const result = scoreCase(log);
    expect(result).toMatchObject({ met: 6, missed: 2, applicable: 8, score: 75 });
  });
});

const SCRIPT_SAY_NO: ScriptOptions = { sayNo: true };

describe("listened before solving", () => {
  it("is met when the complaint is heard in the customer's words before any fix", () => {
    const log = logOf();
    expectProof(item(log, "listened_first"), "met", indexOf(log, "complaint_heard"));
  });

  it("is missed when the complaint was noted in a word or two", () => {
    const log = logOf({ customerWords: "Cold steak." });
    const result = item(log, "listened_first");
    expectProof(result, "missed", indexOf(log, "complaint_heard"));
    expect(result.reason).toMatch(/own words/);
  });
});

describe("named and acknowledged the feeling", () => {
  it("is met when the feeling is named and acknowledged", () => {
    const log = logOf({ feeling: "let_down" });
    const result = item(log, "named_feeling");
    expectProof(result, "met", indexOf(log, "feeling_validated"));
    expect(result.reason).toContain("Let down");
  });

  it("is missed when the words undo it (“calm down”)", () => {
    const log = logOf({}, (e) =>
      e.type === "feeling_validated" ? { ...e, data: { ...e.data, words: "I get it, but please calm down." } } : e,
    );
    const result = item(log, "named_feeling");
    expectProof(result, "missed", indexOf(log, "feeling_validated"));
    expect(result.reason).toMatch(/calm down/i);
  });
});

describe("apologised without excuses", () => {
  it("is met by a sincere apology the phrase coach finds nothing in", () => {
    const log = logOf({}, (e) =>
      e.type === "apology_given" ? { ...e, data: { ...e.data, words: "I'm so sorry, that is not the evening we want for you." } } : e,
    );
    expectProof(item(log, "apology_no_excuses"), "met", indexOf(log, "apology_given"));
  });

  it("is missed when the apology carries an excuse", () => {
    const log = logOf({}, (e) =>
      e.type === "apology_given" ? { ...e, data: { ...e.data, words: "Sorry about that, we're short staffed tonight." } } : e,
    );
    const result = item(log, "apology_no_excuses");
    expectProof(result, "missed", indexOf(log, "apology_given"));
    expect(result.reason).toMatch(/short staffed.*excuse/i);
  });

  it("is missed by “sorry, but…”", () => {
    const log = logOf({}, (e) =>
      e.type === "apology_given" ? { ...e, data: { ...e.data, words: "I'm sorry, but the steak is cooked the way it should be." } } : e,
    );
    expect(item(log, "apology_no_excuses").outcome).toBe("missed");
  });

  it.each([
    ["I'm sorry you feel that way.", "sorry you feel"],
    ["Sorry if anyone was offended.", "Sorry if anyone"],
    ["We apologise for any inconvenience.", "apologise for any inconvenience"],
    ["im sorry u feel that way", "sorry u feel"],
  ])("is missed by a fake apology, quoting the words that prove it: %j", (words, proof) => {
    const log = logOf({}, (e) => (e.type === "apology_given" ? { ...e, data: { ...e.data, words } } : e));
    const result = item(log, "apology_no_excuses");
    expectProof(result, "missed", indexOf(log, "apology_given"));
    expect(result.reason).toContain(`“${proof}”`);
    expect(result.reason).toMatch(/not a real apology/);
  });

  it("judges with the same coach the Apologise stage shows: missed exactly when it flags the words", () => {
    for (const words of [
      "Sorry you feel that way.",
      "I'm so sorry, that's our mistake.",
      "Sorry, but we're busy.",
      "Unfortunately I'm sorry to say it's gone.",
    ]) {
      const log = logOf({}, (e) => (e.type === "apology_given" ? { ...e, data: { ...e.data, words } } : e));
      const flagged = assessPhrase(words).some((f) => f.severity === "flag");
      expect(item(log, "apology_no_excuses").outcome, words).toBe(flagged ? "missed" : "met");
    }
  });
});

describe("offered at least two options, or alternatives when saying no", () => {
  it("is met by two options offered together", () => {
    const log = logOf();
    const result = item(log, "options_offered");
    expectProof(result, "met", indexOf(log, "options_offered"));
    expect(result.reason).toMatch(/2 options/);
  });

  it("is met by one option and an alternative to a no", () => {
    const log = logOf(SCRIPT_SAY_NO);
    const result = item(log, "options_offered");
    expectProof(result, "met", indexOf(log, "request_declined"));
    expect(result.reason).toMatch(/alternatives to the no/);
  });

  it("is missed when the customer was only ever offered one thing", () => {
    const log = leftAfter("apology_given", {}, [{ type: "options_offered", data: { options: ["Cook a fresh dish now"] } }]);
    const result = item(log, "options_offered");
    expectProof(result, "missed", indexOf(log, "options_offered"));
    expect(result.reason).toMatch(/Only 1 real option/);
  });
});

describe("remedy proportionate to severity, within authority or approved", () => {
  it("is met by a fair remedy within the staff member's authority", () => {
    const log = logOf({ severity: 2, compensationCents: 800 });
    const result = item(log, "remedy_proportionate");
    expectProof(result, "met", indexOf(log, "compensation_offered"));
    expect(result.reason).toMatch(/within authority/);
  });

  it("is met by a fair remedy above the limit that a manager approved", () => {
    const log = logOf({ severity: 3, compensationCents: 4500 });
    const result = item(log, "remedy_proportionate");
    expectProof(result, "met", indexOf(log, "compensation_offered"));
    expect(result.reason).toMatch(/approved by a manager/);
  });

  it("is met by no remedy for a minor slip, with a reason", () => {
    const log = logOf({ severity: 1, compensationCents: "skip" });
    expectProof(item(log, "remedy_proportionate"), "met", indexOf(log, "compensation_skipped"));
  });

  it("is missed by a token gesture after a serious failure", () => {
    const log = logOf({ severity: 4, compensationCents: 500 });
    const result = item(log, "remedy_proportionate");
    expectProof(result, "missed", indexOf(log, "compensation_offered"));
    expect(result.reason).toMatch(/low for a serious failure/);
  });

  it("is missed by far too much for a minor slip", () => {
    const log = logOf({ severity: 1, compensationCents: 1500 });
    expect(item(log, "remedy_proportionate")).toMatchObject({
      outcome: "missed",
      reason: expect.stringMatching(/more than a minor failure needs/),
    });
  });

  it("is met by no remedy when it was not our fault", () => {
    const log = logOf({ severity: 3, compensationCents: "skip", ourFault: false, rootCauses: ["other"] });
    const result = item(log, "remedy_proportionate");
    expectProof(result, "met", indexOf(log, "compensation_skipped"));
    expect(result.reason).toMatch(/not our fault/);
  });

  it("is missed by nothing at all after a major failure", () => {
    const log = logOf({ severity: 3, compensationCents: "skip" });
    expectProof(item(log, "remedy_proportionate"), "missed", indexOf(log, "compensation_skipped"));
  });
});

describe("confirmed agreed actions with owners and dates, and the customer accepted", () => {
  it("is met when the customer says yes to actions with owners and times", () => {
    const log = logOf();
    expectProof(item(log, "confirmed_actions"), "met", indexOf(log, "readback_answered"));
  });

  it("is met at the second read-back after a first refusal", () => {
    const log = logOf({ readbackRefusedOnce: true });
    const result = item(log, "confirmed_actions");
    expectProof(result, "met", indexOf(log, "readback_answered", 1));
    expect(result.reason).toMatch(/read-back 2/);
  });

  it("is missed when an action has no real owner", () => {
    const log = logOf({}, (e) =>
      e.type === "actions_agreed" ? { ...e, data: { actions: e.data.actions.map((a) => ({ ...a, owner: "someone" })) } } : e,
    );
    const result = item(log, "confirmed_actions");
    expectProof(result, "missed", indexOf(log, "actions_agreed"));
    expect(result.reason).toMatch(/no real owner/);
  });

  it("is missed when the customer left before saying yes", () => {
    const log = leftAfter("actions_agreed");
    const result = item(log, "confirmed_actions");
    expectProof(result, "missed", indexOf(log, "actions_agreed"));
    expect(result.reason).toMatch(/never said yes/);
  });
});

describe("root cause tagged", () => {
  it("is met by a tag", () => {
    const log = logOf({ rootCauses: ["kitchen_timing", "staffing"] });
    const result = item(log, "root_cause_tagged");
    expectProof(result, "met", indexOf(log, "root_causes_tagged"));
    expect(result.reason).toContain("kitchen timing, staffing");
  });

  it("is missed when the case reached Prevent and ended untagged", () => {
    const log = logOf({ abandonAt: "prevent" });
    expectProof(item(log, "root_cause_tagged"), "missed", indexOf(log, "case_abandoned"));
  });
});

describe("time to first apology", () => {
  // Events: opened, heard, validated, apologised: the apology comes two steps after the customer was heard.
  it("is met by an apology within 3 minutes of the customer being heard out", () => {
    const log = logOf({}, undefined, { stepMs: 60_000 }); // heard at 1:00, sorry at 3:00
    const result = item(log, "first_apology_time");
    expectProof(result, "met", indexOf(log, "apology_given"));
    expect(result.reason).toMatch(/2 min after hearing them out/);
  });

  it("starts the clock at the end of Listen, not while the customer is still talking", () => {
    // Opened at 0, heard at 1:30 (a long story), sorry at 4:30: 3 minutes after hearing them out.
    const log = logOf({}, undefined, { stepMs: 90_000 });
    const result = item(log, "first_apology_time");
    expectProof(result, "met", indexOf(log, "apology_given"));
    expect(result.reason).toMatch(/3 min after hearing them out/);
  });

  it("is missed by a later apology", () => {
    const log = logOf({}, undefined, { stepMs: 130_000 }); // heard at 2:10, sorry at 6:30
    const result = item(log, "first_apology_time");
    expectProof(result, "missed", indexOf(log, "apology_given"));
    expect(result.reason).toMatch(/4 min 20 s after hearing them out/);
  });

  it("is missed when the customer left more than 3 minutes after being heard, without one", () => {
    const log = logOf({ abandonAt: "apologise" }, undefined, { stepMs: 120_000 });
    expectProof(item(log, "first_apology_time"), "missed", indexOf(log, "case_abandoned"));
  });

  it("does not apply when the customer left before they were heard out", () => {
    const log = logOf({ abandonAt: "listen" }, undefined, { stepMs: 600_000 });
    expect(item(log, "first_apology_time").outcome).toBe("not_applicable");
  });
});
