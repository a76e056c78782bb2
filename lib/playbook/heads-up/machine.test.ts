import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "../events";
import { HEADS_UP_EVENT_TYPES, headsUpEventSchema, type HeadsUpEvent, type HeadsUpEventType, type RecordedHeadsUpEvent } from "./events";
import { foldHeadsUp, foldHeadsUpSteps, headsUpFlow, headsUpStatus, transitionHeadsUp, type HeadsUpTransition } from "./machine";
import { buildHeadsUpReadback } from "./readback";
import { initialHeadsUpState, type HeadsUpState } from "./state";
import { HEADS_UP_SAMPLE, HEADS_UP_WALK, recordedHeadsUp } from "@/tests/support/playbook/heads-up";
import { HEADS_UP_STAGE_LABELS, HEADS_UP_STAGES, type HeadsUpPhase, type HeadsUpStage } from "./vocabulary";
import { HEADS_UP_PHASE_NAMES } from "./machine";
import { headsUpCarryOver } from "./carry-over";

const STAFF: Actor = { id: "staff-1", role: "staff" };
let clock = 0;
const nextAt = () => new Date(Date.UTC(2025, 5, 2, 19, 0, 0) + ++clock * 1000);
const ev = (event: HeadsUpEvent, actor: Actor = STAFF): RecordedHeadsUpEvent => recordedHeadsUp(event, nextAt(), actor);
const sample = (type: HeadsUpEventType) => ev(HEADS_UP_SAMPLE[type]);

function expectOk(result: HeadsUpTransition): HeadsUpState {
  if (!result.ok) throw new Error(`Expected the event to be accepted, but: [${result.code}] ${result.reason}`);
  return result.state;
}
const run = (state: HeadsUpState, ...events: RecordedHeadsUpEvent[]) => events.reduce((s, e) => expectOk(transitionHeadsUp(s, e)), state);

const ALL_PHASES: HeadsUpPhase[] = ["new", ...HEADS_UP_STAGES, "closed", "complained", "abandoned"];
const ENDED = (p: HeadsUpPhase) => p === "closed" || p === "complained" || p === "abandoned";

/** A heads-up walked along the plain walk to the moment it first reaches `phase`. */
function caseAt(phase: HeadsUpPhase): HeadsUpState {
  if (phase === "new") return initialHeadsUpState;
  if (phase === "complained") return run(caseAt("decide"), sample("complaint_started"));
  if (phase === "abandoned") return run(caseAt("explain"), sample("heads_up_abandoned"));
  let state = initialHeadsUpState;
  for (const type of HEADS_UP_WALK) {
    state = run(state, sample(type));
    if (state.phase === phase) return state;
  }
  throw new Error(`The walk never reaches ${phase}`);
}

/** Events that make `type` pass its guard at `phase`. */
function preparationFor(type: HeadsUpEventType, phase: HeadsUpPhase): RecordedHeadsUpEvent[] {
  if (type === "heads_up_closed") return [sample("prevention_noted")];
  if (type === "options_offered" && phase === "decide") return [];
  return [];
}

/** Where each sample event leads from a phase it is allowed in. */
const NEXT_PHASE: { [T in HeadsUpEventType]: (from: HeadsUpPhase) => HeadsUpPhase } = {
  heads_up_opened: () => "notice",
  issue_noticed: () => "explain",
  reason_explained: () => "offer",
  options_offered: () => "decide",
  customer_decided: () => "confirm",
  gesture_offered: (from) => from,
  choice_confirmed: () => "prevent",
  prevention_noted: (from) => from,
  heads_up_closed: () => "closed",
  complaint_started: () => "complained",
  heads_up_abandoned: () => "abandoned",
  heads_up_note_added: (from) => from,
};

describe("the heads-up flow table", () => {
  it("has a rule for every event type", () => {
    expect(Object.keys(headsUpFlow).sort()).toEqual([...HEADS_UP_EVENT_TYPES].sort());
  });

  it("allows each event in the stages of the playbook", () => {
    expect(Object.fromEntries(HEADS_UP_EVENT_TYPES.map((t) => [t, [...headsUpFlow[t].in]]))).toEqual({
      heads_up_opened: ["new"],
      issue_noticed: ["notice"],
      reason_explained: ["explain"],
      options_offered: ["offer", "decide"],
      customer_decided: ["decide"],
      gesture_offered: ["decide", "confirm"],
      choice_confirmed: ["confirm"],
      prevention_noted: ["prevent"],
      heads_up_closed: ["prevent"],
      complaint_started: [...HEADS_UP_STAGES],
      heads_up_abandoned: [...HEADS_UP_STAGES],
      heads_up_note_added: [...HEADS_UP_STAGES],
    });
  });

  it("walks Notice → Explain → Offer options → Customer decides → Confirm → Prevent, then closes", () => {
    const states = foldHeadsUpSteps(HEADS_UP_WALK.map(sample));
    expect([...new Set(states.map((s) => s.phase))]).toEqual([...HEADS_UP_STAGES, "closed"]);
  });

  it("every sample event is valid against its zod schema", () => {
    for (const type of HEADS_UP_EVENT_TYPES) expect(headsUpEventSchema.safeParse(HEADS_UP_SAMPLE[type]).success).toBe(true);
  });
});

// Every legal and illegal (event, phase) pair, generated from the table.
describe.each(HEADS_UP_EVENT_TYPES)("%s", (type) => {
  const allowed = headsUpFlow[type].in as readonly HeadsUpPhase[];
  for (const phase of ALL_PHASES) {
    if (allowed.includes(phase)) {
      it(`is accepted at ${phase}`, () => {
        const before = run(caseAt(phase), ...preparationFor(type, phase));
        const after = expectOk(transitionHeadsUp(before, sample(type)));
        expect(after.phase).toBe(NEXT_PHASE[type](phase));
        expect(after.eventCount).toBe(before.eventCount + 1);
      });
    } else if (ENDED(phase)) {
      it(`is refused as case_ended once the heads-up is ${phase}`, () => {
        const result = transitionHeadsUp(caseAt(phase), sample(type));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.code).toBe("case_ended");
      });
    } else {
      it(`is refused as wrong_stage at ${phase}`, () => {
        const result = transitionHeadsUp(caseAt(phase), sample(type));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.code).toBe("wrong_stage");
        expect(result.reason).toMatch(/^You can .+ only at .+; this case is at .+\.$/);
        for (const p of allowed) expect(result.reason).toContain(HEADS_UP_PHASE_NAMES[p]);
        expect(result.reason).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      });
    }
  }
});

describe("heads-up guards", () => {
  it("refuses a reason that is not the plain, true one", () => {
    const result = transitionHeadsUp(
      caseAt("explain"),
      ev({ type: "reason_explained", data: { reason: "The supplier let us down", trueReason: false } }),
    );
    expect(result.ok ? null : result.code).toBe("not_ready");
  });

  it("needs at least two options before the customer decides", () => {
    const one = ev({ type: "options_offered", data: { options: [{ choice: "wait", text: "Wait 30 minutes" }] } });
    expect(transitionHeadsUp(caseAt("offer"), one).ok).toBe(false);
    const same = ev({
      type: "options_offered",
      data: {
        options: [
          { choice: "wait", text: "Wait 30 minutes" },
          { choice: "wait", text: "wait 30 minutes " },
        ],
      },
    });
    expect(transitionHeadsUp(caseAt("offer"), same).ok).toBe(false);
  });

  it("takes only a choice among the options offered, matching how it was offered, or something else", () => {
    const at = caseAt("decide");
    expect(transitionHeadsUp(at, ev({ type: "customer_decided", data: { choice: "change", option: "Steak" } })).ok).toBe(false);
    expect(
      transitionHeadsUp(at, ev({ type: "customer_decided", data: { choice: "wait", option: "The sea bass, cooked the same way" } })).ok,
    ).toBe(false);
    expect(
      transitionHeadsUp(at, ev({ type: "customer_decided", data: { choice: "other", option: "They will order a starter first" } })).ok,
    ).toBe(true);
  });

  it("refuses a gesture above the person's own limit as not_authorised", () => {
    const big = ev({
      type: "gesture_offered",
      data: { ...HEADS_UP_SAMPLE.gesture_offered.data, valueCents: 5000, authorityLimitCents: 2000 },
    });
    const result = transitionHeadsUp(caseAt("confirm"), big);
    expect(result.ok ? null : result.code).toBe("not_authorised");
  });

  it("refuses to close before prevention is noted", () => {
    expect(transitionHeadsUp(caseAt("prevent"), sample("heads_up_closed")).ok).toBe(false);
  });

  it("goes back to Customer decides on “not quite”, retiring the choice and the gesture", () => {
    const state = run(caseAt("confirm"), sample("gesture_offered"), ev({ type: "choice_confirmed", data: { accepted: false } }));
    expect(state.phase).toBe("decide");
    expect(state.decision).toBeUndefined();
    expect(state.round).toBe(2);
    expect(buildHeadsUpReadback(state).gesture).toBeNull();
  });
});

describe("carrying over into a complaint", () => {
  it("hands a complaint case what happened, where, the reason given and the customer's choice", () => {
    const state = caseAt("confirm");
    const carried = headsUpCarryOver("hu-1", state);
    expect(carried).toMatchObject({
      headsUpCaseId: "hu-1",
      reference: "H-0001",
      kind: "sold_out",
      what: "The salmon is sold out",
      spot: "Table 4",
      reason: "It has been more popular than ever tonight",
      choice: "change",
      option: "The sea bass, cooked the same way",
      toldById: "staff-1",
    });
    expect(headsUpStatus(run(state, sample("complaint_started")))).toBe("complained");
  });
});

// ---------------------------------------------------------------------------------------------
// Fold property: any log made of accepted steps folds to the state reached step by step, the
// same every time; refused steps never change anything; the read-back never shows a hole.
// ---------------------------------------------------------------------------------------------

const actorArb = fc.constantFrom<Actor>(STAFF, { id: "staff-2", role: "staff" }, { id: "manager-1", role: "manager" });
const optionArb = fc.record({
  choice: fc.constantFrom("wait", "change", "cancel", "other" as const),
  text: fc.constantFrom("Wait 20 minutes", "The sea bass", "Cancel, no charge", "A table inside"),
});
const eventArb: fc.Arbitrary<HeadsUpEvent> = fc.oneof(
  fc.constant(HEADS_UP_SAMPLE.heads_up_opened),
  fc.constant(HEADS_UP_SAMPLE.issue_noticed),
  fc.boolean().map((trueReason) => ({ type: "reason_explained" as const, data: { reason: "More popular than ever tonight", trueReason } })),
  fc.array(optionArb, { minLength: 1, maxLength: 3 }).map((options) => ({ type: "options_offered" as const, data: { options } })),
  optionArb.map((o) => ({ type: "customer_decided" as const, data: { choice: o.choice, option: o.text } })),
  fc.integer({ min: 0, max: 4000 }).map((valueCents) => ({
    type: "gesture_offered" as const,
    data: { id: `g-${valueCents}`, kind: "gesture" as const, description: "A drink on us", valueCents, authorityLimitCents: 2000 },
  })),
  fc.boolean().map((accepted) => ({ type: "choice_confirmed" as const, data: { accepted } })),
  fc.constant(HEADS_UP_SAMPLE.prevention_noted),
  fc.constant(HEADS_UP_SAMPLE.heads_up_closed),
  fc.constant(HEADS_UP_SAMPLE.complaint_started),
  fc.constant(HEADS_UP_SAMPLE.heads_up_abandoned),
  fc.constant(HEADS_UP_SAMPLE.heads_up_note_added),
);

describe("folding a heads-up log", () => {
  it("reaches the same state as stepping through it, keeps every refusal harmless, and reads back without holes", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(eventArb, actorArb), { maxLength: 40 }), (steps) => {
        let state = initialHeadsUpState;
        const accepted: RecordedHeadsUpEvent[] = [];
        const start = Date.UTC(2025, 5, 2, 19);
        steps.forEach(([event, actor], i) => {
          const recorded = recordedHeadsUp(event, new Date(start + i * 1000), actor);
          const frozen = JSON.stringify(state);
          const result = transitionHeadsUp(state, recorded);
          if (result.ok) {
            accepted.push(recorded);
            state = result.state;
          } else {
            expect(JSON.stringify(state)).toBe(frozen);
            expect(result.reason).toMatch(/^[A-Z]/);
          }
        });
        expect(foldHeadsUp(accepted)).toEqual(state);
        expect(foldHeadsUp(accepted)).toEqual(foldHeadsUp(accepted));
        const steps2 = foldHeadsUpSteps(accepted);
        expect(steps2.at(-1) ?? initialHeadsUpState).toEqual(state);
        expect(state.eventCount).toBe(accepted.length);
        // Nothing follows an end.
        const end = steps2.findIndex((s) => ENDED(s.phase));
        if (end !== -1) expect(end).toBe(steps2.length - 1);
        // A choice can only stand if two options were offered first, and it is one of them (or "other").
        if (state.decision && state.decision.choice !== "other") {
          expect(state.options.length).toBeGreaterThanOrEqual(2);
          expect(state.options.some((o) => o.text === state.decision!.option)).toBe(true);
        }
        const readback = buildHeadsUpReadback(state);
        for (const line of readback.lines) expect(line).not.toMatch(/undefined|null|\[object/);
        if (state.phase === "prevent" || state.phase === "closed") expect(readback.choice).not.toBeNull();
        for (const stage of HEADS_UP_STAGES) expect(HEADS_UP_STAGE_LABELS[stage as HeadsUpStage]).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });
});
