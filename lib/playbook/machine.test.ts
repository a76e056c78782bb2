import { describe, expect, it } from "vitest";
import { EVENT_TYPES, type Actor, type EventOf, type EventType, type PlaybookEvent, type RecordedEvent } from "./events";
import { withOwnLimit } from "./authority";
import { flow, fold, PlaybookRefusal, transition, type Refusal, type RefusalCode, type Transition } from "./machine";
import { caseStatus, projectCase } from "./projection";
import { initialState, settledCompensation, type CaseState } from "./state";
import { STAGE_LABELS, STAGES, type Phase, type Stage } from "./vocabulary";
import { recordScript, recorded, SCRIPT_TEXT, scriptCase, type ScriptOptions } from "@/tests/support/playbook/walkthrough";

/** The demo venues keep London time: the projection needs the venue's clock for the case's day. */
const LONDON_VENUE = { timeZone: "Europe/London" };

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const STAFF: Actor = { id: "staff-1", role: "staff" };
const MANAGER: Actor = { id: "manager-1", role: "manager" };
const ADMIN: Actor = { id: "admin-1", role: "admin" };
const TRAINER: Actor = { id: "trainer-1", role: "trainer" };

// Scripted cases start on 2025-06-01; hand-made events come later, one second apart.
let clock = 0;
const nextAt = () => new Date(Date.UTC(2025, 5, 2, 9, 0, 0) + ++clock * 1000);
/** Each role's own limit, written into offers and decisions as the server does (lib/cases/append-event.ts). */
const LIMITS: Record<Actor["role"], number> = { staff: 2000, manager: 20000, admin: 100000, trainer: 0 };
const ev = (event: PlaybookEvent, actor: Actor = STAFF, at: Date = nextAt()): RecordedEvent =>
  recorded(withOwnLimit(event, LIMITS[actor.role]), at, actor);

/** A valid-looking event of every type (guards aside, which depend on the state). */
const SAMPLE: { [T in EventType]: EventOf<T> } = {
  case_opened: {
    type: "case_opened",
    data: { reference: "C-0002", locationId: "location-1", authorityLimitCents: 2000, practice: false },
  },
  complaint_heard: {
    type: "complaint_heard",
    data: { customerWords: "The room was not cleaned.", category: "room", severity: 3, spot: "Room 12", mood: "angry" },
  },
  feeling_validated: { type: "feeling_validated", data: { feeling: "let_down", acknowledged: true } },
  apology_given: { type: "apology_given", data: { sincere: true, ourFault: true } },
  options_offered: { type: "options_offered", data: { options: [...SCRIPT_TEXT.options] } },
  request_declined: {
    type: "request_declined",
    data: { request: "A free night", reason: "Not possible tonight.", alternatives: [SCRIPT_TEXT.alternative] },
  },
  escalation_requested: { type: "escalation_requested", data: { reason: "The guest asks for the manager." } },
  manager_decided: { type: "manager_decided", data: { decision: "approved", note: "Go ahead." } },
  solution_agreed: { type: "solution_agreed", data: { option: SCRIPT_TEXT.options[0] } },
  compensation_offered: {
    type: "compensation_offered",
    data: { id: "comp-sample", kind: "gesture", description: "Coffee on the house", valueCents: 300 },
  },
  compensation_skipped: { type: "compensation_skipped", data: { reason: "Not wanted." } },
  actions_agreed: {
    type: "actions_agreed",
    data: {
      // The id the scripted walkthrough gives its action, so follow-ups find it either way.
      actions: [{ id: "case-1-action-1", description: "Clean the room now", owner: "Housekeeping", dueAt: "2030-01-01T10:00:00.000Z" }],
    },
  },
  readback_answered: { type: "readback_answered", data: { accepted: true } },
  root_causes_tagged: { type: "root_causes_tagged", data: { tags: ["staffing"] } },
  case_closed: { type: "case_closed", data: {} },
  customer_vented: { type: "customer_vented", data: { backTo: "listen" } },
  note_added: { type: "note_added", data: { text: "Guest is a regular." } },
  case_abandoned: { type: "case_abandoned", data: { reason: "The guest left." } },
  action_updated: { type: "action_updated", data: { actionId: "case-1-action-1", status: "done" } },
  promise_update_told: {
    type: "promise_update_told",
    data: { actionId: "case-1-action-1", words: "The room will be ready at 15:00, not 14:00." },
  },
  manager_note_added: { type: "manager_note_added", data: { text: "Talked it through with the team." } },
  case_reopened: { type: "case_reopened", data: { reason: "The guest called back." } },
};
/** Events a manager records; the samples of these are recorded by a manager. */
const MANAGER_EVENTS: EventType[] = ["manager_decided", "action_updated", "manager_note_added", "case_reopened"];
const sample = (type: EventType, actor?: Actor): RecordedEvent =>
  ev(SAMPLE[type], actor ?? (MANAGER_EVENTS.includes(type) ? MANAGER : STAFF));

function expectOk(result: Transition): CaseState {
  if (!result.ok) throw new Error(`Expected the event to be accepted, but: [${result.code}] ${result.reason}`);
  return result.state;
}

/** A refusal with this code and a reason in plain words (a sentence, no event-type identifiers). */
function expectRefused(result: Transition, code: RefusalCode): Refusal {
  if (result.ok) throw new Error(`Expected a refusal with code ${code}, but the event was accepted`);
  expect(result.code).toBe(code);
  expect(result.reason.trim().length).toBeGreaterThan(10);
  expect(result.reason).toMatch(/^[A-Z]/);
  expect(result.reason).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  return result;
}

/** Applies events in order, failing loudly if any is refused. */
function run(state: CaseState, ...events: RecordedEvent[]): CaseState {
  return events.reduce((s, e) => expectOk(transition(s, e)), state);
}

/** Every state a scripted case goes through, after each event. */
function statesOf(options: ScriptOptions = {}): CaseState[] {
  const events = recordScript(scriptCase(options));
  const states: CaseState[] = [];
  events.reduce((s, e) => {
    const next = expectOk(transition(s, e));
    states.push(next);
    return next;
  }, initialState);
  return states;
}

/** The state of a log (folded event by event) at the moment it first reaches `phase`. */
function acceptedUntil(log: RecordedEvent[], phase: Phase): CaseState {
  let state = initialState;
  for (const event of log) {
    state = expectOk(transition(state, event));
    if (state.phase === phase) return state;
  }
  throw new Error(`The log never reaches ${phase}`);
}

/** A case driven along the plain walkthrough to the moment it enters `phase`. */
function caseAt(phase: Phase): CaseState {
  if (phase === "new") return initialState;
  const states = phase === "abandoned" ? statesOf({ abandonAt: "solve" }) : statesOf();
  const state = states.find((s) => s.phase === phase);
  if (!state) throw new Error(`The walkthrough never reaches ${phase}`);
  return state;
}

/** Events that make `type` pass its guard at `phase` (e.g. two options before agreeing one). */
function preparationFor(type: EventType, phase: Phase): RecordedEvent[] {
  switch (type) {
    case "solution_agreed":
      return [sample("options_offered")];
    case "manager_decided":
      if (phase === "compensate")
        return [ev({ ...SAMPLE.compensation_offered, data: { ...SAMPLE.compensation_offered.data, valueCents: 5000 } })];
      if (phase === "solve") return [sample("escalation_requested")];
      // Waiting at Listen/Validate: escalated in Solve, then the customer started venting again.
      return [
        ...(phase === "listen" ? [sample("complaint_heard")] : []),
        ...["feeling_validated", "apology_given", "escalation_requested"].map((t) => sample(t as EventType)),
        ev({ type: "customer_vented", data: { backTo: phase as "listen" | "validate" } }),
      ];
    case "readback_answered":
      return [sample("actions_agreed")];
    case "action_updated":
    case "promise_update_told":
      return phase === "confirm" ? [sample("actions_agreed")] : [];
    case "case_closed":
      return [sample("root_causes_tagged")];
    default:
      return [];
  }
}

/** Where each (sample) event leads from a phase it is allowed in. */
const NEXT_PHASE: { [T in EventType]: (from: Phase) => Phase } = {
  case_opened: () => "listen",
  complaint_heard: () => "validate",
  feeling_validated: () => "apologise",
  apology_given: () => "solve",
  options_offered: (from) => from,
  request_declined: (from) => from,
  escalation_requested: (from) => from,
  manager_decided: (from) => (from === "compensate" ? "confirm" : from),
  solution_agreed: () => "compensate",
  compensation_offered: () => "confirm",
  compensation_skipped: () => "confirm",
  actions_agreed: (from) => from,
  readback_answered: () => "prevent",
  root_causes_tagged: (from) => from,
  case_closed: () => "closed",
  customer_vented: () => "listen",
  note_added: (from) => from,
  case_abandoned: () => "abandoned",
  action_updated: (from) => from,
  promise_update_told: (from) => from,
  manager_note_added: (from) => from,
  // A closed case reopens at Prevent; an abandoned one where it was abandoned (`caseAt("abandoned")` left at Solve).
  case_reopened: (from) => (from === "closed" ? "prevent" : "solve"),
};

const ALL_PHASES: Phase[] = ["new", ...STAGES, "closed", "abandoned"];
const ENDED = (phase: Phase) => phase === "closed" || phase === "abandoned";
const phaseWords = (phase: Phase) => (phase === "new" ? "before the case is opened" : ENDED(phase) ? phase : STAGE_LABELS[phase as Stage]);

/** Case waiting for a manager: "authority" in Solve after an escalation, "remedy" in Compensate. */
function waitingCase(kind: "authority" | "remedy"): CaseState {
  return kind === "authority"
    ? run(caseAt("solve"), sample("options_offered"), sample("escalation_requested"))
    : run(caseAt("compensate"), ...preparationFor("manager_decided", "compensate"));
}

// ---------------------------------------------------------------------------------------------
// The rules table
// ---------------------------------------------------------------------------------------------

describe("the flow table", () => {
  it("has a rule for every event type", () => {
    expect(Object.keys(flow).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it("allows each event in the stages of the playbook", () => {
    const after = STAGES.filter((s) => s !== "listen");
    expect(Object.fromEntries(EVENT_TYPES.map((t) => [t, [...flow[t].in]]))).toEqual({
      case_opened: ["new"],
      complaint_heard: ["listen"],
      feeling_validated: ["validate"],
      apology_given: ["apologise"],
      options_offered: ["solve"],
      request_declined: ["solve"],
      escalation_requested: ["solve"],
      manager_decided: ["listen", "validate", "solve", "compensate"],
      solution_agreed: ["solve"],
      compensation_offered: ["compensate"],
      compensation_skipped: ["compensate"],
      actions_agreed: ["confirm"],
      readback_answered: ["confirm"],
      root_causes_tagged: ["prevent"],
      case_closed: ["prevent"],
      customer_vented: after,
      note_added: [...STAGES],
      case_abandoned: [...STAGES],
      action_updated: ["confirm", "prevent", "closed"],
      promise_update_told: ["confirm", "prevent", "closed"],
      manager_note_added: [...STAGES, "closed", "abandoned"],
      case_reopened: ["closed", "abandoned"],
    });
  });

  it("lets only a manager's decision, venting and being heard again, notes, follow-up and abandoning happen while a manager is awaited", () => {
    expect(EVENT_TYPES.filter((t) => flow[t].whileWaiting).sort()).toEqual(
      [
        "action_updated",
        "case_abandoned",
        "complaint_heard",
        "customer_vented",
        "feeling_validated",
        "manager_decided",
        "manager_note_added",
        "note_added",
        "promise_update_told",
      ].sort(),
    );
  });

  it("drives the plain walkthrough through every stage in order", () => {
    const phases = statesOf().map((s) => s.phase);
    expect([...new Set(phases)]).toEqual([...STAGES, "closed"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every legal and illegal (event, phase) pair, generated from the table
// ---------------------------------------------------------------------------------------------

describe.each(EVENT_TYPES)("%s", (type) => {
  const allowed = flow[type].in;

  for (const phase of ALL_PHASES) {
    if (allowed.includes(phase)) {
      it(`is accepted at ${phase}`, () => {
        const before = run(caseAt(phase), ...preparationFor(type, phase));
        const event = sample(type);
        const after = expectOk(transition(before, event));
        expect(after.phase).toBe(NEXT_PHASE[type](phase));
        expect(after.eventCount).toBe(before.eventCount + 1);
        expect(after.lastEventAt).toEqual(event.at);
      });
    } else if (ENDED(phase)) {
      it(`is refused as case_ended once the case is ${phase}`, () => {
        const refusal = expectRefused(transition(caseAt(phase), sample(type)), "case_ended");
        expect(refusal.reason).toContain(`This case is ${phase}`);
      });
    } else {
      it(`is refused as wrong_stage at ${phase}`, () => {
        const refusal = expectRefused(transition(caseAt(phase), sample(type)), "wrong_stage");
        expect(refusal.reason).toContain(`this case is at ${phaseWords(phase)}`);
        for (const p of allowed) expect(refusal.reason).toContain(phaseWords(p));
      });
    }
  }
});

describe("refusals leave the state untouched", () => {
  it("does not mutate the state it is given", () => {
    const before = run(caseAt("solve"), sample("options_offered"));
    const snapshot = structuredClone(before);
    transition(before, sample("case_closed"));
    transition(before, ev({ type: "solution_agreed", data: { option: "Not offered" } }));
    transition(before, sample("solution_agreed"));
    expect(before).toEqual(snapshot);
  });
});

// ---------------------------------------------------------------------------------------------
// Waiting for a manager
// ---------------------------------------------------------------------------------------------

describe.each(["authority", "remedy"] as const)("while a %s decision is awaited", (kind) => {
  const phase: Phase = kind === "authority" ? "solve" : "compensate";

  it(`is at ${phase} with status awaiting_manager`, () => {
    const state = waitingCase(kind);
    expect(state.phase).toBe(phase);
    expect(state.pendingManager?.kind).toBe(kind);
    expect(state.pendingManager?.requestedById).toBe(STAFF.id);
    expect(caseStatus(state)).toBe("awaiting_manager");
    expect(projectCase(state, LONDON_VENUE).row.status).toBe("awaiting_manager");
  });

  for (const type of EVENT_TYPES) {
    const rule = flow[type];
    if (rule.in.includes(phase) && rule.whileWaiting) {
      it(`still accepts ${type}`, () => {
        expectOk(transition(waitingCase(kind), sample(type)));
      });
    } else if (rule.in.includes(phase)) {
      it(`refuses ${type} as awaiting_manager`, () => {
        const refusal = expectRefused(transition(waitingCase(kind), sample(type)), "awaiting_manager");
        expect(refusal.reason).toMatch(/manager/i);
      });
    } else {
      it(`refuses ${type} as wrong_stage`, () => {
        expectRefused(transition(waitingCase(kind), sample(type)), "wrong_stage");
      });
    }
  }

  it("refuses a decision recorded by staff as not_authorised", () => {
    const refusal = expectRefused(transition(waitingCase(kind), sample("manager_decided", STAFF)), "not_authorised");
    expect(refusal.reason).toMatch(/manager/i);
  });

  it("refuses a decision recorded by a trainer as not_authorised", () => {
    expectRefused(transition(waitingCase(kind), sample("manager_decided", TRAINER)), "not_authorised");
  });

  it("accepts a decision recorded by an admin", () => {
    const state = expectOk(transition(waitingCase(kind), sample("manager_decided", ADMIN)));
    expect(state.pendingManager).toBeUndefined();
    expect(state.decisions).toEqual([expect.objectContaining({ kind, decision: "approved", managerId: ADMIN.id })]);
  });

  it("clears the wait when the case is abandoned", () => {
    const state = expectOk(transition(waitingCase(kind), sample("case_abandoned")));
    expect(state.phase).toBe("abandoned");
    expect(state.pendingManager).toBeUndefined();
    expect(caseStatus(state)).toBe("abandoned");
  });

  it("keeps the wait when the customer vents", () => {
    const state = expectOk(transition(waitingCase(kind), sample("customer_vented")));
    expect(state.pendingManager?.kind).toBe(kind);
    expect(caseStatus(state)).toBe("awaiting_manager");
  });

  // The rules say a manager's decision stays possible while waiting, and venting is allowed
  // while waiting; so after the customer vents the case must still be able to get its
  // decision (right away, or once the customer has been heard and validated again).
  it("can still get the manager's decision after the customer vents", () => {
    const vented = expectOk(transition(waitingCase(kind), sample("customer_vented")));
    const decide = sample("manager_decided");
    const rightAway = transition(vented, decide);
    let decided: CaseState | undefined = rightAway.ok ? rightAway.state : undefined;
    if (!decided) {
      const heard = transition(vented, sample("complaint_heard"));
      const validated = heard.ok ? transition(heard.state, sample("feeling_validated")) : heard;
      const later = validated.ok ? transition(validated.state, decide) : validated;
      decided = later.ok ? later.state : undefined;
    }
    expect(decided, "the case is stuck: the manager's decision can no longer be recorded").toBeDefined();
    expect(decided?.pendingManager).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Guards: not_ready
// ---------------------------------------------------------------------------------------------

describe("not_ready guards", () => {
  it("refuses to agree a solution with no option offered", () => {
    const refusal = expectRefused(transition(caseAt("solve"), sample("solution_agreed")), "not_ready");
    expect(refusal.reason).toContain("2 options");
  });

  it("refuses to agree a solution with a single option offered", () => {
    const state = run(caseAt("solve"), ev({ type: "options_offered", data: { options: [SCRIPT_TEXT.options[0]] } }));
    expectRefused(transition(state, sample("solution_agreed")), "not_ready");
  });

  it("counts the alternatives to a 'no' as options", () => {
    const state = run(
      caseAt("solve"),
      ev({ type: "options_offered", data: { options: [SCRIPT_TEXT.options[0]] } }),
      sample("request_declined"),
    );
    const agreed = expectOk(transition(state, ev({ type: "solution_agreed", data: { option: SCRIPT_TEXT.alternative } })));
    expect(agreed.chosenOption).toBe(SCRIPT_TEXT.alternative);
    expect(agreed.phase).toBe("compensate");
  });

  it("does not count the same option twice", () => {
    const state = run(
      caseAt("solve"),
      ev({ type: "options_offered", data: { options: [SCRIPT_TEXT.alternative] } }),
      sample("request_declined"),
    );
    expectRefused(transition(state, ev({ type: "solution_agreed", data: { option: SCRIPT_TEXT.alternative } })), "not_ready");
  });

  it("refuses a solution that is not among the options", () => {
    const state = run(caseAt("solve"), sample("options_offered"));
    const refusal = expectRefused(transition(state, ev({ type: "solution_agreed", data: { option: "Something else" } })), "not_ready");
    expect(refusal.reason).toMatch(/one of the options/);
  });

  it("refuses the read-back before any action is agreed", () => {
    const refusal = expectRefused(transition(caseAt("confirm"), sample("readback_answered")), "not_ready");
    expect(refusal.reason).toMatch(/action/);
  });

  it("refuses to close before root causes are tagged", () => {
    const refusal = expectRefused(transition(caseAt("prevent"), sample("case_closed")), "not_ready");
    expect(refusal.reason).toMatch(/root cause/);
  });

  it("refuses a feeling that was not acknowledged", () => {
    const event = ev({ type: "feeling_validated", data: { feeling: "angry", acknowledged: false } });
    const refusal = expectRefused(transition(caseAt("validate"), event), "not_ready");
    expect(refusal.reason).toMatch(/understand how they feel/);
  });

  it("refuses an apology that is not sincere", () => {
    const event = ev({ type: "apology_given", data: { sincere: false, ourFault: true } });
    const refusal = expectRefused(transition(caseAt("apologise"), event), "not_ready");
    expect(refusal.reason).toMatch(/sincere/);
  });

  it("refuses a manager's decision when none is awaited", () => {
    const refusal = expectRefused(transition(caseAt("solve"), sample("manager_decided")), "not_ready");
    expect(refusal.reason).toMatch(/manager decision/);
  });
});

// ---------------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------------

describe("the customer vents", () => {
  it("goes back to Listen from Solve and resumes at Solve once heard and validated again", () => {
    const solving = run(caseAt("solve"), sample("options_offered"));
    const vented = expectOk(transition(solving, ev({ type: "customer_vented", data: { backTo: "listen", note: "Shouting." } })));
    expect(vented.phase).toBe("listen");
    expect(vented.resumeStage).toBe("solve");
    expect(vented.returnsToListen).toBe(1);
    expect(vented.notes.map((n) => n.text)).toEqual(["Shouting."]);

    const heard = expectOk(transition(vented, sample("complaint_heard")));
    expect(heard.phase).toBe("validate");
    expect(heard.complaint?.category).toBe("room");

    const back = expectOk(transition(heard, sample("feeling_validated")));
    expect(back.phase).toBe("solve");
    expect(back.resumeStage).toBeUndefined();
    expect(back.feeling?.feeling).toBe("let_down");
    expect(back.options).toEqual([...SCRIPT_TEXT.options]);
    expect(back.returnsToListen).toBe(1);
    expect(projectCase(back, LONDON_VENUE).row.returnsToListen).toBe(1);
  });

  it("can go back to Validate only, and resumes where it was", () => {
    const confirming = caseAt("confirm");
    const vented = expectOk(transition(confirming, ev({ type: "customer_vented", data: { backTo: "validate" } })));
    expect(vented.phase).toBe("validate");
    expect(vented.notes).toEqual([]);
    const back = expectOk(transition(vented, sample("feeling_validated")));
    expect(back.phase).toBe("confirm");
    expect(back.returnsToListen).toBe(1);
  });

  it("keeps the first stage to resume when venting twice, and counts every return", () => {
    const vented = run(caseAt("compensate"), sample("customer_vented"), sample("complaint_heard"), sample("customer_vented"));
    expect(vented.phase).toBe("listen");
    expect(vented.resumeStage).toBe("compensate");
    expect(vented.returnsToListen).toBe(2);
    const back = run(vented, sample("complaint_heard"), sample("feeling_validated"));
    expect(back.phase).toBe("compensate");
  });

  it("moves on to Apologise after venting during Validate and being validated", () => {
    const vented = run(caseAt("validate"), sample("customer_vented"), sample("complaint_heard"));
    expect(vented.phase).toBe("validate");
    const validated = expectOk(transition(vented, sample("feeling_validated")));
    expect(validated.phase).toBe("apologise");
  });

  it("records the time each phase was entered", () => {
    const solving = caseAt("solve");
    const event = sample("customer_vented");
    const vented = expectOk(transition(solving, event));
    expect(vented.phaseEnteredAt).toEqual(event.at);
    const noted = expectOk(transition(vented, sample("note_added")));
    expect(noted.phaseEnteredAt).toEqual(event.at);
  });
});

describe("the read-back", () => {
  it("goes back to Solve when refused, retiring the round's solution, remedy and actions", () => {
    const reading = run(caseAt("confirm"), sample("actions_agreed"));
    const remedy = settledCompensation(reading);
    expect(remedy).toBeDefined();
    const refusedEvent = ev({ type: "readback_answered", data: { accepted: false, comment: "Not what I asked." } });
    const refused = expectOk(transition(reading, refusedEvent));
    expect(refused.phase).toBe("solve");
    expect(refused.chosenOption).toBeUndefined();
    expect(refused.readbackRefusals).toBe(1);
    expect(refused.readback).toEqual({ accepted: false, comment: "Not what I asked.", at: refusedEvent.at });
    expect(refused.resolvedAt).toBeUndefined();
    // Retired, not forgotten: the next round starts from nothing agreed.
    expect(refused.round).toBe(2);
    expect(refused.actions).toEqual([]);
    expect(settledCompensation(refused)).toBeUndefined();
    expect(refused.compensation.find((c) => c.id === remedy?.id)?.status).toBe("superseded");
    expect(refused.superseded).toEqual([
      expect.objectContaining({ round: 1, chosenOption: reading.chosenOption, actions: reading.actions, comment: "Not what I asked." }),
    ]);
    expect(refused.options).toEqual(reading.options);

    // A new agreement goes through Compensate again: the old remedy is not carried over.
    const reagreed = expectOk(transition(refused, ev({ type: "solution_agreed", data: { option: SCRIPT_TEXT.options[0] } })));
    expect(reagreed.phase).toBe("compensate");
    expect(reagreed.chosenOption).toBe(SCRIPT_TEXT.options[0]);
    const compensated = expectOk(transition(reagreed, sample("compensation_skipped")));
    expect(compensated.phase).toBe("confirm");
    expect(compensated.actions).toEqual([]);

    const actions = expectOk(transition(compensated, sample("actions_agreed")));
    expect(actions.readback).toBeUndefined();
    const acceptedEvent = sample("readback_answered");
    const accepted = expectOk(transition(actions, acceptedEvent));
    expect(accepted.phase).toBe("prevent");
    expect(accepted.resolvedAt).toEqual(acceptedEvent.at);
    expect(accepted.readbackRefusals).toBe(1);
    expect(projectCase(accepted, LONDON_VENUE).row.remedyCents).toBeNull();
  });

  it("does not carry an earlier round's skip reason into the next round", () => {
    const states = statesOf({ compensationCents: "skip" });
    const confirming = states.find((s) => s.phase === "confirm");
    if (!confirming) throw new Error("never reached confirm");
    const refused = run(confirming, sample("actions_agreed"), ev({ type: "readback_answered", data: { accepted: false } }));
    expect(refused.compensationSkippedReason).toBeUndefined();
    expect(refused.superseded[0]?.compensationSkippedReason).toBe(confirming.compensationSkippedReason);
    const reagreed = expectOk(transition(refused, ev({ type: "solution_agreed", data: { option: SCRIPT_TEXT.options[0] } })));
    expect(reagreed.phase).toBe("compensate");
  });

  it("keeps revision 1's rules for cases opened under them: a stored log folds as it was recorded", () => {
    const legacy = recordScript(scriptCase({ revision: 1 }));
    const confirming = acceptedUntil(legacy, "confirm");
    const refused = run(confirming, sample("actions_agreed"), ev({ type: "readback_answered", data: { accepted: false } }));
    expect(refused.revision).toBe(1);
    expect(refused.round).toBe(1);
    const reagreed = expectOk(transition(refused, ev({ type: "solution_agreed", data: { option: SCRIPT_TEXT.options[0] } })));
    expect(reagreed.phase).toBe("confirm");
  });

  it("replaces the agreed actions when they are agreed again", () => {
    const first = run(caseAt("confirm"), sample("actions_agreed"));
    const second = expectOk(
      transition(
        first,
        ev({
          type: "actions_agreed",
          data: { actions: [{ id: "a2", description: "Move rooms", owner: "Front desk", dueAt: "2030-01-02T10:00:00.000Z" }] },
        }),
      ),
    );
    expect(second.actions.map((a) => a.id)).toEqual(["a2"]);
  });
});

describe("compensation and the authority limit", () => {
  const offer = (valueCents: number, actor: Actor = STAFF) =>
    ev({ ...SAMPLE.compensation_offered, data: { ...SAMPLE.compensation_offered.data, valueCents } }, actor);

  it("moves to Confirm when the offer is within the limit", () => {
    const state = expectOk(transition(caseAt("compensate"), offer(2000)));
    expect(state.phase).toBe("confirm");
    expect(state.pendingManager).toBeUndefined();
    expect(state.compensation.map((c) => c.status)).toEqual(["offered"]);
  });

  it("needs a manager's approval above the limit", () => {
    const state = expectOk(transition(caseAt("compensate"), offer(2001)));
    expect(state.phase).toBe("compensate");
    expect(state.compensation.map((c) => c.status)).toEqual(["awaiting_approval"]);
    expect(state.pendingManager).toMatchObject({ kind: "remedy", requestedById: STAFF.id });
    expect(state.pendingManager?.reason).toContain("£20.00");
    expect(settledCompensation(state)).toBeUndefined();
  });

  it("moves to Confirm when the manager approves", () => {
    const decision = ev({ type: "manager_decided", data: { decision: "approved", note: "Fine." } }, MANAGER);
    const state = run(caseAt("compensate"), offer(4500), decision);
    expect(state.phase).toBe("confirm");
    expect(state.pendingManager).toBeUndefined();
    expect(state.compensation).toEqual([
      expect.objectContaining({ valueCents: 4500, status: "approved", decidedById: MANAGER.id, decisionNote: "Fine." }),
    ]);
    expect(state.decisions).toEqual([
      {
        kind: "remedy",
        decision: "approved",
        note: "Fine.",
        managerId: MANAGER.id,
        at: decision.at,
        round: 1,
        remedy: {
          kind: SAMPLE.compensation_offered.data.kind,
          description: SAMPLE.compensation_offered.data.description,
          valueCents: 4500,
        },
      },
    ]);
    expect(settledCompensation(state)?.valueCents).toBe(4500);
  });

  it("stays at Compensate when the manager declines, and a new offer can be made", () => {
    const declined = run(
      caseAt("compensate"),
      offer(4500),
      ev({ type: "manager_decided", data: { decision: "declined", note: "Too much." } }, MANAGER),
    );
    expect(declined.phase).toBe("compensate");
    expect(declined.pendingManager).toBeUndefined();
    expect(declined.compensation.map((c) => c.status)).toEqual(["declined"]);
    expect(caseStatus(declined)).toBe("open");

    const reoffered = expectOk(transition(declined, offer(1000)));
    expect(reoffered.phase).toBe("confirm");
    expect(reoffered.compensation.map((c) => c.status)).toEqual(["declined", "offered"]);
    expect(settledCompensation(reoffered)?.valueCents).toBe(1000);
  });

  it.each([MANAGER, ADMIN])("needs no approval when $role offers above the case's limit but within their own", (actor) => {
    const state = expectOk(transition(caseAt("compensate"), offer(9000, actor)));
    expect(state.phase).toBe("confirm");
    expect(state.pendingManager).toBeUndefined();
    expect(state.compensation.map((c) => c.status)).toEqual(["offered"]);
  });

  // Issue 10.1: a manager (limit £200) offered £100,000 and the case went straight to Confirm.
  it("holds a manager to their own limit: above it, the offer waits for someone whose limit covers it", () => {
    const state = expectOk(transition(caseAt("compensate"), offer(10_000_000, MANAGER)));
    expect(state.phase).toBe("compensate");
    expect(state.pendingManager).toMatchObject({ kind: "remedy", requestedById: MANAGER.id, limitCents: 20000 });
    expect(state.pendingManager?.reason).toContain("£200.00");
    // Another manager with the same limit cannot approve it...
    const otherManager: Actor = { id: "manager-2", role: "manager" };
    const refusal = expectRefused(
      transition(state, ev({ type: "manager_decided", data: { decision: "approved" } }, otherManager)),
      "not_authorised",
    );
    expect(refusal.reason).toContain("£200.00");
    // ...nor the manager herself; someone whose limit covers it can.
    expectRefused(transition(state, ev({ type: "manager_decided", data: { decision: "approved" } }, MANAGER)), "not_authorised");
    const bigAdmin = recorded(
      { type: "manager_decided", data: { decision: "approved", authorityLimitCents: 10_000_000 } },
      nextAt(),
      ADMIN,
    );
    expect(expectOk(transition(state, bigAdmin)).phase).toBe("confirm");
  });

  it("decides from the limit in the event, not from the role's name", () => {
    const lowManager = recorded(
      { ...SAMPLE.compensation_offered, data: { ...SAMPLE.compensation_offered.data, valueCents: 3000, authorityLimitCents: 2500 } },
      nextAt(),
      MANAGER,
    );
    expect(expectOk(transition(caseAt("compensate"), lowManager)).pendingManager?.kind).toBe("remedy");
    // An offer without a limit in it holds to the case's limit, whoever records it.
    const unstamped = recorded(
      { ...SAMPLE.compensation_offered, data: { ...SAMPLE.compensation_offered.data, valueCents: 3000 } },
      nextAt(),
      ADMIN,
    );
    expect(expectOk(transition(caseAt("compensate"), unstamped)).pendingManager?.kind).toBe("remedy");
  });

  it("lets a manager approve another amount, up to their own limit, with a note", () => {
    const waiting = run(caseAt("compensate"), offer(18000));
    const counter = { kind: "discount" as const, description: "£60 off the table's bill", valueCents: 6000 };
    expectRefused(
      transition(waiting, ev({ type: "manager_decided", data: { decision: "approved", remedy: counter } }, MANAGER)),
      "not_ready",
    );
    expectRefused(
      transition(
        waiting,
        ev(
          { type: "manager_decided", data: { decision: "approved", note: "Too much.", remedy: { ...counter, valueCents: 25000 } } },
          MANAGER,
        ),
      ),
      "not_authorised",
    );
    const decided = run(
      waiting,
      ev({ type: "manager_decided", data: { decision: "approved", note: "£60 is fair for this.", remedy: counter } }, MANAGER),
    );
    expect(decided.phase).toBe("confirm");
    const settled = settledCompensation(decided);
    expect(settled).toMatchObject({ ...counter, status: "approved", requested: { kind: "gesture", valueCents: 18000 } });
    expect(decided.decisions.at(-1)).toMatchObject({ remedy: counter, requested: { valueCents: 18000 } });
    expect(projectCase(decided, LONDON_VENUE).row.remedyCents).toBe(BigInt(6000));
  });

  it("refuses a remedy in a decision on a call to the table", () => {
    const remedy = { kind: "refund" as const, description: "Refund", valueCents: 100 };
    expectRefused(
      transition(waitingCase("authority"), ev({ type: "manager_decided", data: { decision: "approved", remedy } }, MANAGER)),
      "not_ready",
    );
  });

  it("still needs approval when a trainer offers above the limit", () => {
    const state = expectOk(transition(caseAt("compensate"), offer(9000, TRAINER)));
    expect(state.pendingManager?.kind).toBe("remedy");
  });

  it("forgets a skip reason when compensation is offered after all", () => {
    const skipped: CaseState = { ...caseAt("compensate"), compensationSkippedReason: "Earlier" };
    expect(expectOk(transition(skipped, offer(100))).compensationSkippedReason).toBeUndefined();
  });
});

describe("escalation in Solve", () => {
  it("adds the manager's option when approved with one", () => {
    const state = run(
      waitingCase("authority"),
      ev({ type: "manager_decided", data: { decision: "approved", option: SCRIPT_TEXT.managerOption } }, MANAGER),
    );
    expect(state.phase).toBe("solve");
    expect(state.options).toContain(SCRIPT_TEXT.managerOption);
    expect(state.decisions.map((d) => [d.kind, d.decision])).toEqual([["authority", "approved"]]);
    expect(expectOk(transition(state, ev({ type: "solution_agreed", data: { option: SCRIPT_TEXT.managerOption } }))).phase).toBe(
      "compensate",
    );
  });

  it("does not add the option when declined", () => {
    const state = run(
      waitingCase("authority"),
      ev({ type: "manager_decided", data: { decision: "declined", option: SCRIPT_TEXT.managerOption } }, MANAGER),
    );
    expect(state.options).not.toContain(SCRIPT_TEXT.managerOption);
    expect(state.pendingManager).toBeUndefined();
  });
});

describe("state kept along the way", () => {
  it("keeps the time of the first apology", () => {
    const first = new Date("2025-06-01T19:05:00.000Z");
    const again: CaseState = { ...caseAt("apologise"), firstApologyAt: first };
    const state = expectOk(transition(again, sample("apology_given")));
    expect(state.firstApologyAt).toEqual(first);
    expect(state.phase).toBe("solve");
  });

  it("sets the time of the first apology", () => {
    const event = sample("apology_given");
    expect(expectOk(transition(caseAt("apologise"), event)).firstApologyAt).toEqual(event.at);
  });

  it("merges offered options without duplicates and keeps earlier facts", () => {
    const state = run(
      caseAt("solve"),
      ev({ type: "options_offered", data: { facts: "Kitchen was short.", options: [SCRIPT_TEXT.options[0]] } }),
      ev({ type: "options_offered", data: { options: [...SCRIPT_TEXT.options] } }),
    );
    expect(state.options).toEqual([...SCRIPT_TEXT.options]);
    expect(state.facts).toBe("Kitchen was short.");
  });

  it("de-duplicates root-cause tags and keeps the last tagging", () => {
    const state = run(
      caseAt("prevent"),
      ev({ type: "root_causes_tagged", data: { tags: ["staffing"], note: "Hire." } }),
      ev({ type: "root_causes_tagged", data: { tags: ["training", "training", "equipment"] } }),
    );
    expect(state.rootCauseTags).toEqual(["training", "equipment"]);
    expect(state.preventionNote).toBe("Hire.");
  });

  it("records notes with their author and time", () => {
    const event = sample("note_added", MANAGER);
    const state = expectOk(transition(caseAt("listen"), event));
    expect(state.notes).toEqual([{ text: "Guest is a regular.", at: event.at, actorId: MANAGER.id }]);
  });

  it("remembers how and by whom the case was opened", () => {
    const event = ev({ ...SAMPLE.case_opened, data: { ...SAMPLE.case_opened.data, practice: true } }, TRAINER);
    const state = expectOk(transition(initialState, event));
    expect(state).toMatchObject({
      phase: "listen",
      reference: "C-0002",
      openedById: TRAINER.id,
      authorityLimitCents: 2000,
      practice: true,
      openedAt: event.at,
      phaseEnteredAt: event.at,
      eventCount: 1,
    });
  });
});

describe("follow-up after the customer has gone", () => {
  const update = (data: EventOf<"action_updated">["data"], actor: Actor = MANAGER) => ev({ type: "action_updated", data }, actor);

  it("lets staff update an action while the customer is still there", () => {
    for (const phase of ["confirm", "prevent"] as const) {
      const state = run(caseAt(phase), ...preparationFor("action_updated", phase));
      expectOk(transition(state, update({ actionId: "case-1-action-1", owner: "Night porter" }, STAFF)));
    }
  });

  it("refuses staff updating an action once the case is closed as not_authorised", () => {
    const refusal = expectRefused(transition(caseAt("closed"), update({ actionId: "case-1-action-1" }, STAFF)), "not_authorised");
    expect(refusal.reason).toMatch(/manager/);
  });

  it("refuses an update of an action that was never agreed", () => {
    expectRefused(transition(caseAt("closed"), update({ actionId: "nope" })), "not_ready");
  });

  it("marks an action done once, keeping when it was first completed, and can reopen it", () => {
    const first = update({ actionId: "case-1-action-1", status: "done" });
    const done = run(caseAt("closed"), first, update({ actionId: "case-1-action-1", status: "done", owner: "Chef" }));
    expect(done.actions[0]).toMatchObject({ status: "done", completedAt: first.at, owner: "Chef" });
    expect(done.phase).toBe("closed");
    expect(projectCase(done, LONDON_VENUE).actions[0]).toMatchObject({ status: "done", completedAt: first.at });
    const reopened = expectOk(transition(done, update({ actionId: "case-1-action-1", status: "open" })));
    expect(reopened.actions[0].status).toBe("open");
    expect(reopened.actions[0].completedAt).toBeUndefined();
  });

  it("keeps an action's status when the same action is agreed again", () => {
    const state = run(caseAt("confirm"), sample("actions_agreed"), update({ actionId: "case-1-action-1", status: "done" }, STAFF));
    expect(expectOk(transition(state, sample("actions_agreed"))).actions[0].status).toBe("done");
  });

  it.each(["listen", "closed", "abandoned"] as const)("lets a manager add a note at %s", (phase) => {
    const event = sample("manager_note_added");
    const state = expectOk(transition(caseAt(phase), event));
    expect(state.managerNotes).toEqual([{ text: "Talked it through with the team.", at: event.at, actorId: MANAGER.id }]);
    expect(state.phase).toBe(phase);
  });

  it("refuses a manager's note from staff as not_authorised", () => {
    expectRefused(transition(caseAt("closed"), sample("manager_note_added", STAFF)), "not_authorised");
  });

  it("reopens a closed case at Prevent, and it can be closed again", () => {
    const closed = caseAt("closed");
    const event = sample("case_reopened");
    const reopened = expectOk(transition(closed, event));
    expect(reopened).toMatchObject({ phase: "prevent", reopenings: 1, phaseEnteredAt: event.at });
    expect(reopened.closedAt).toBeUndefined();
    expect(reopened.managerNotes.map((n) => n.text)).toEqual(["Reopened: The guest called back."]);
    expect(caseStatus(reopened)).toBe("open");
    const closedAgain = expectOk(transition(reopened, sample("case_closed")));
    expect(closedAgain.phase).toBe("closed");
    expect(closedAgain.closedAt).toBeDefined();
  });

  it("reopens an abandoned case where it was abandoned", () => {
    const abandoned = caseAt("abandoned");
    expect(abandoned.abandonedFrom).toBe("solve");
    const reopened = expectOk(transition(abandoned, sample("case_reopened", ADMIN)));
    expect(reopened.phase).toBe("solve");
    expect(reopened.abandonReason).toBeUndefined();
    expect(reopened.abandonedFrom).toBeUndefined();
    expect(reopened.closedAt).toBeUndefined();
  });

  // A manager's approval is for the offer they were asked about. An offer left waiting when
  // the case was abandoned was never put to a manager again after the reopen.
  it("does not approve an offer left waiting when the case was abandoned and reopened", () => {
    const offer = (id: string, valueCents: number) =>
      ev({ ...SAMPLE.compensation_offered, data: { ...SAMPLE.compensation_offered.data, id, valueCents } });
    const state = run(
      caseAt("compensate"),
      offer("first", 4500),
      sample("case_abandoned"),
      sample("case_reopened"),
      offer("second", 3000),
      sample("manager_decided"),
    );
    expect(state.phase).toBe("confirm");
    expect(state.compensation.find((c) => c.id === "second")?.status).toBe("approved");
    expect(state.compensation.find((c) => c.id === "first")?.status).not.toBe("approved");
  });

  it("refuses a reopen by staff as not_authorised", () => {
    expectRefused(transition(caseAt("closed"), sample("case_reopened", STAFF)), "not_authorised");
  });
});

// ---------------------------------------------------------------------------------------------
// fold and projection
// ---------------------------------------------------------------------------------------------

describe("fold", () => {
  const events = recordScript(scriptCase({ compensationCents: 4500, sayNo: true }));

  it("folds a full walkthrough to a closed case", () => {
    const state = fold(events);
    expect(state.phase).toBe("closed");
    expect(state.eventCount).toBe(events.length);
    expect(state.openedAt).toEqual(events[0].at);
    expect(state.closedAt).toEqual(events[events.length - 1].at);
    expect(state.lastEventAt).toEqual(events[events.length - 1].at);
    expect(state.firstApologyAt).toEqual(events.find((e) => e.type === "apology_given")?.at);
    expect(state.resolvedAt).toEqual(events.find((e) => e.type === "readback_answered")?.at);
  });

  it("can continue from a given state", () => {
    const middle = 6;
    expect(fold(events.slice(middle), fold(events.slice(0, middle)))).toEqual(fold(events));
  });

  it("throws a PlaybookRefusal naming the first refused event", () => {
    const withoutApology = events.filter((e) => e.type !== "apology_given");
    const index = withoutApology.findIndex((e) => e.type === "options_offered");
    let caught: unknown;
    try {
      fold(withoutApology);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PlaybookRefusal);
    const refusal = caught as PlaybookRefusal;
    expect(refusal.eventIndex).toBe(index);
    expect(refusal.refusal.code).toBe("wrong_stage");
    expect(refusal.message).toBe(refusal.refusal.reason);
  });

  it("throws on an event after the case closed", () => {
    expect(() => fold([...events, sample("note_added")])).toThrow(PlaybookRefusal);
  });
});

describe("projectCase", () => {
  it("projects a closed case", () => {
    const events = recordScript(scriptCase({ compensationCents: 4500, rootCauses: ["kitchen_timing", "staffing"] }));
    const state = fold(events);
    const projection = projectCase(state, LONDON_VENUE);
    expect(projection.row).toMatchObject({
      stage: "closed",
      status: "closed",
      category: "food_quality",
      severity: 2,
      mood: "upset",
      feeling: "frustrated",
      ourFault: true,
      chosenSolution: SCRIPT_TEXT.options[1],
      readbackAccepted: true,
      returnsToListen: 0,
      abandonReason: null,
      eventCount: events.length,
      isPractice: false,
      openedAt: events[0].at,
      closedAt: events[events.length - 1].at,
    });
    expect(projection.actions).toEqual([
      {
        id: "case-1-action-1",
        description: "Bring the new dish to the table",
        owner: "Server on shift",
        dueAt: new Date("2030-01-01T12:00:00.000Z"),
        status: "open",
        completedAt: null,
      },
    ]);
    expect(projection.rootCauseSlugs).toEqual(["kitchen_timing", "staffing"]);
    expect(projection.compensation).toEqual([
      expect.objectContaining({ id: "case-1-comp-1", valueCents: 4500, status: "approved", decidedById: "manager-1" }),
    ]);
    expect(projection.settledCompensation?.id).toBe("case-1-comp-1");
  });

  it("projects an abandoned case", () => {
    const projection = projectCase(fold(recordScript(scriptCase({ abandonAt: "confirm" }))), LONDON_VENUE);
    expect(projection.row).toMatchObject({ stage: "abandoned", status: "abandoned", abandonReason: expect.any(String) });
    expect(projection.row.closedAt).toBeInstanceOf(Date);
    expect(projection.row.resolvedAt).toBeNull();
  });

  it("refuses to project a case that was never opened", () => {
    expect(() => projectCase(initialState, LONDON_VENUE)).toThrow();
  });
});

describe("a promise that will be late (going back to tell them)", () => {
  const told = (data: Partial<EventOf<"promise_update_told">["data"]> = {}) =>
    ev({ type: "promise_update_told", data: { actionId: "case-1-action-1", words: "It will be 15:00, not 14:00.", ...data } });

  it("records the telling with the due time it broke, and moves the action to the new time agreed", () => {
    const state = run(caseAt("prevent"), told({ newDueAt: "2030-01-01T11:00:00.000Z" }));
    expect(state.promiseTellings).toHaveLength(1);
    expect(state.promiseTellings[0]).toMatchObject({
      actionId: "case-1-action-1",
      newDueAt: "2030-01-01T11:00:00.000Z",
      actorId: STAFF.id,
    });
    expect(state.promiseTellings[0].dueAtWhenTold).toBe(caseAt("prevent").actions[0].dueAt);
    expect(state.actions[0].dueAt).toBe("2030-01-01T11:00:00.000Z");
  });

  it("can be told by the staff member after the case is closed (the customer is still there)", () => {
    expect(transition(caseAt("closed"), told()).ok).toBe(true);
  });

  it("refuses an action that is not on the case, or is already done", () => {
    expectRefused(transition(caseAt("prevent"), told({ actionId: "nope" })), "not_ready");
    const done = run(caseAt("prevent"), ev({ type: "action_updated", data: { actionId: "case-1-action-1", status: "done" } }, MANAGER));
    expectRefused(transition(done, told()), "not_ready");
  });
});

describe("a complaint that grew out of a heads-up", () => {
  it("starts at Listen with the heads-up's context, nothing retyped", () => {
    const fromHeadsUp = {
      headsUpCaseId: "hu-1",
      reference: "H-0001",
      kind: "sold_out" as const,
      what: "Salmon sold out",
      spot: "Table 4",
      reason: "Busier than ever",
      choice: "wait" as const,
      option: "Wait 20 minutes",
    };
    const state = expectOk(transition(initialState, ev({ type: "case_opened", data: { ...SAMPLE.case_opened.data, fromHeadsUp } })));
    expect(state.phase).toBe("listen");
    expect(state.fromHeadsUp).toEqual(fromHeadsUp);
  });
});
