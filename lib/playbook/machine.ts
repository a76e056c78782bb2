import {
  approvalReason,
  approvedRemedy,
  decisionRefusal,
  mayDecide,
  notAuthorised,
  offerNeedsApproval,
  ownLimitCents,
  sameRemedy,
  type NotAuthorised,
} from "./authority";
import type { EventOf, EventType, RecordedEvent } from "./events";
import { definePlaybook, PlaybookRefusal, type Refusal, type RefusalCode, type TransitionOf } from "./engine";
import {
  allOptions,
  awaitingCompensation,
  compensationSettled,
  initialState,
  settledCompensation,
  type CaseState,
  type CompensationState,
} from "./state";
import { STAGES, type Phase, type Severity, type Stage } from "./vocabulary";

export type { Refusal, RefusalCode };
export { PlaybookRefusal };
export type Transition = TransitionOf<CaseState>;

type ManagerDecisionRemedy = Pick<CaseState["decisions"][number], "remedy" | "requested">;
/** Why the event may not happen now: a message (not_ready), `notAuthorised(...)` (who is asking), or null. */
type Guard<T extends EventType> = (state: CaseState, event: EventOf<T> & RecordedEvent) => string | NotAuthorised | null;
type Apply<T extends EventType> = (state: CaseState, event: EventOf<T> & RecordedEvent) => CaseState;
type Rule<T extends EventType> = {
  /** Stages (phases) in which the event may happen. */
  in: readonly Phase[];
  /** Allowed while a manager's decision is awaited? */
  whileWaiting?: boolean;
  /** A plain-words reason the event is not allowed yet, or null. */
  guard?: Guard<T>;
  apply: Apply<T>;
};

const OPEN: readonly Phase[] = STAGES;
const AFTER_LISTEN: readonly Phase[] = STAGES.filter((s) => s !== "listen");
const MIN_OPTIONS = 2;
/** Follow-up of agreed actions goes on after the case is closed. */
const FOLLOW_UP: readonly Phase[] = ["confirm", "prevent", "closed"];

const to =
  (phase: Phase) =>
  (state: CaseState, at: Date): CaseState =>
    state.phase === phase ? state : { ...state, phase, phaseEnteredAt: at };

/**
 * The playbook, one row per event: where it may happen, what must be true first, and
 * what it changes. Listen → Validate → Apologise → Solve → Compensate → Confirm → Prevent.
 */
export const flow: { [T in EventType]: Rule<T> } = {
  case_opened: {
    in: ["new"],
    apply: (s, e) => ({
      ...to("listen")(s, e.at),
      reference: e.data.reference,
      locationId: e.data.locationId,
      openedById: e.actor.id,
      authorityLimitCents: e.data.authorityLimitCents,
      practice: e.data.practice,
      revision: e.data.revision ?? 1,
      openedAt: e.at,
      fromHeadsUp: e.data.fromHeadsUp,
    }),
  },
  complaint_heard: {
    in: ["listen"],
    whileWaiting: true,
    apply: (s, e) => ({ ...to("validate")(s, e.at), complaint: { ...e.data, severity: e.data.severity as Severity } }),
  },
  feeling_validated: {
    in: ["validate"],
    whileWaiting: true,
    guard: (_s, e) => (e.data.acknowledged ? null : "Say out loud that you understand how they feel before moving on."),
    apply: (s, e) => ({
      ...to(s.resumeStage ?? "apologise")(s, e.at),
      feeling: { feeling: e.data.feeling, words: e.data.words },
      resumeStage: undefined,
    }),
  },
  apology_given: {
    in: ["apologise"],
    guard: (_s, e) => (e.data.sincere ? null : "An apology only counts when it is sincere: say sorry and mean it."),
    apply: (s, e) => ({
      ...to("solve")(s, e.at),
      apology: { ourFault: e.data.ourFault, words: e.data.words },
      firstApologyAt: s.firstApologyAt ?? e.at,
    }),
  },
  options_offered: {
    in: ["solve"],
    apply: (s, e) => ({
      ...s,
      facts: e.data.facts ?? s.facts,
      options: [...new Set([...s.options, ...e.data.options])],
    }),
  },
  request_declined: {
    in: ["solve"],
    apply: (s, e) => ({ ...s, declined: [...s.declined, e.data] }),
  },
  escalation_requested: {
    in: ["solve"],
    apply: (s, e) => ({
      ...s,
      pendingManager: { kind: "authority", reason: e.data.reason, requestedAt: e.at, requestedById: e.actor.id },
    }),
  },
  manager_decided: {
    // Also at Listen/Validate: the customer may be venting again while the manager decides.
    in: ["listen", "validate", "solve", "compensate"],
    whileWaiting: true,
    guard: decisionRefusal,
    apply: (s, e) => {
      const pending = s.pendingManager!;
      const decided = { kind: pending.kind, decision: e.data.decision, note: e.data.note, managerId: e.actor.id, at: e.at, round: s.round };
      if (pending.kind === "authority") {
        const next: CaseState = { ...s, pendingManager: undefined, decisions: [...s.decisions, decided] };
        return e.data.option && e.data.decision === "approved" ? { ...next, options: [...new Set([...s.options, e.data.option])] } : next;
      }
      // The offer waiting for this decision, as the decision leaves it: declined, approved as
      // asked, or approved as something else (its terms replaced, what was asked kept).
      const asked = awaitingCompensation(s);
      const by = { decidedById: e.actor.id, decisionNote: e.data.note };
      let answered: CompensationState | undefined;
      if (asked && e.data.decision !== "approved") answered = { ...asked, ...by, status: "declined" };
      if (asked && e.data.decision === "approved") {
        const approved = approvedRemedy(asked, e);
        const terms = { kind: asked.kind, description: asked.description, valueCents: asked.valueCents };
        answered = sameRemedy(terms, approved)
          ? { ...asked, ...by, status: "approved" }
          : { ...asked, ...by, ...approved, requested: terms, status: "approved" };
      }
      const remedy: ManagerDecisionRemedy =
        answered?.status === "approved"
          ? {
              remedy: { kind: answered.kind, description: answered.description, valueCents: answered.valueCents },
              requested: answered.requested,
            }
          : {};
      const compensation = s.compensation.map((c) => (answered && c.id === asked?.id && c.status === "awaiting_approval" ? answered : c));
      const settled: CaseState = { ...s, pendingManager: undefined, decisions: [...s.decisions, { ...decided, ...remedy }], compensation };
      if (e.data.decision !== "approved") return settled;
      if (s.phase === "compensate") return to("confirm")(settled, e.at);
      return s.resumeStage === "compensate" ? { ...settled, resumeStage: "confirm" } : settled;
    },
  },
  solution_agreed: {
    in: ["solve"],
    guard: (s, e) => {
      const options = allOptions(s);
      if (options.length < MIN_OPTIONS)
        return `Offer the customer at least ${MIN_OPTIONS} options before agreeing one: find a way to say yes.`;
      if (!options.includes(e.data.option)) return "The agreed solution must be one of the options offered.";
      return null;
    },
    apply: (s, e) => ({
      ...to(compensationSettled(s) ? "confirm" : "compensate")(s, e.at),
      chosenOption: e.data.option,
    }),
  },
  compensation_offered: {
    in: ["compensate"],
    apply: (s, e) => {
      const needsApproval = offerNeedsApproval(s, e);
      const { kind, description, valueCents, id } = e.data;
      const offer: CompensationState = {
        id,
        kind,
        description,
        valueCents,
        status: needsApproval ? "awaiting_approval" : "offered",
        round: s.round,
        offeredById: e.actor.id,
      };
      const next: CaseState = { ...s, compensation: [...s.compensation, offer], compensationSkippedReason: undefined };
      if (!needsApproval) return to("confirm")(next, e.at);
      const limitCents = ownLimitCents(s, e);
      return {
        ...next,
        pendingManager: { kind: "remedy", reason: approvalReason(e, limitCents), requestedAt: e.at, requestedById: e.actor.id, limitCents },
      };
    },
  },
  compensation_skipped: {
    in: ["compensate"],
    apply: (s, e) => ({ ...to("confirm")(s, e.at), compensationSkippedReason: e.data.reason }),
  },
  actions_agreed: {
    in: ["confirm"],
    apply: (s, e) => ({
      ...s,
      actions: e.data.actions.map((a) => {
        const before = s.actions.find((b) => b.id === a.id);
        return { ...a, status: before?.status ?? "open", completedAt: before?.completedAt };
      }),
      readback: undefined,
    }),
  },
  readback_answered: {
    in: ["confirm"],
    guard: (s) => (s.actions.length === 0 ? "Agree at least one action before reading back to the customer." : null),
    apply: (s, e) =>
      e.data.accepted
        ? { ...to("prevent")(s, e.at), readback: { ...e.data, at: e.at }, resolvedAt: e.at }
        : s.revision < 2
          ? // Revision 1: only the agreed solution was cleared (the rest carried over, stale).
            {
              ...to("solve")(s, e.at),
              readback: { ...e.data, at: e.at },
              readbackRefusals: s.readbackRefusals + 1,
              chosenOption: undefined,
            }
          : {
              // "Not quite": this round's agreement, remedy and actions are retired (the log keeps
              // them), and the next round starts at Solve from nothing agreed.
              ...to("solve")(s, e.at),
              readback: { ...e.data, at: e.at },
              readbackRefusals: s.readbackRefusals + 1,
              round: s.round + 1,
              superseded: [
                ...s.superseded,
                {
                  round: s.round,
                  chosenOption: s.chosenOption,
                  remedy: settledCompensation(s),
                  compensationSkippedReason: s.compensationSkippedReason,
                  actions: s.actions,
                  at: e.at,
                  comment: e.data.comment,
                },
              ],
              chosenOption: undefined,
              compensation: s.compensation.map((c) =>
                c.status === "offered" || c.status === "approved" ? { ...c, status: "superseded" as const } : c,
              ),
              compensationSkippedReason: undefined,
              actions: [],
            },
  },
  root_causes_tagged: {
    in: ["prevent"],
    apply: (s, e) => ({ ...s, rootCauseTags: [...new Set(e.data.tags)], preventionNote: e.data.note ?? s.preventionNote }),
  },
  case_closed: {
    in: ["prevent"],
    guard: (s) => (s.rootCauseTags.length === 0 ? "Tag at least one root cause so it can be prevented next time." : null),
    apply: (s, e) => ({ ...to("closed")(s, e.at), closedAt: e.at }),
  },
  customer_vented: {
    in: AFTER_LISTEN,
    whileWaiting: true,
    apply: (s, e) => ({
      ...to(e.data.backTo)(s, e.at),
      // Venting during Listen/Validate changes nothing about where we pick up again.
      resumeStage: s.resumeStage ?? (s.phase === "validate" ? undefined : (s.phase as Stage)),
      returnsToListen: s.returnsToListen + 1,
      notes: e.data.note ? [...s.notes, { text: e.data.note, at: e.at, actorId: e.actor.id }] : s.notes,
    }),
  },
  note_added: {
    in: OPEN,
    whileWaiting: true,
    apply: (s, e) => ({ ...s, notes: [...s.notes, { text: e.data.text, at: e.at, actorId: e.actor.id }] }),
  },
  case_abandoned: {
    in: OPEN,
    whileWaiting: true,
    apply: (s, e) => ({
      ...to("abandoned")(s, e.at),
      abandonReason: e.data.reason,
      abandonedFrom: s.phase,
      pendingManager: undefined,
      // An offer nobody decided on is withdrawn, so a later approval cannot reach it.
      compensation: s.compensation.map((c) => (c.status === "awaiting_approval" ? { ...c, status: "withdrawn" as const } : c)),
      closedAt: e.at,
    }),
  },
  action_updated: {
    in: FOLLOW_UP,
    whileWaiting: true,
    guard: (s, e) => {
      if (!mayDecide(e.actor.role) && s.phase !== "confirm" && s.phase !== "prevent")
        return notAuthorised("Only a manager can follow up actions once the customer has gone.");
      return s.actions.some((a) => a.id === e.data.actionId) ? null : "There is no such agreed action on this case.";
    },
    apply: (s, e) => ({
      ...s,
      actions: s.actions.map((a) =>
        a.id !== e.data.actionId
          ? a
          : {
              ...a,
              owner: e.data.owner ?? a.owner,
              dueAt: e.data.dueAt ?? a.dueAt,
              status: e.data.status ?? a.status,
              completedAt: e.data.status === "done" ? (a.completedAt ?? e.at) : e.data.status === "open" ? undefined : a.completedAt,
            },
      ),
    }),
  },
  promise_update_told: {
    // The customer may still be in the room or at the table after the case is closed.
    in: FOLLOW_UP,
    whileWaiting: true,
    guard: (s, e) => {
      const action = s.actions.find((a) => a.id === e.data.actionId);
      if (!action) return "There is no such agreed action on this case.";
      return action.status === "done" ? "That action is already done: there is nothing late to tell them about." : null;
    },
    apply: (s, e) => {
      const action = s.actions.find((a) => a.id === e.data.actionId)!;
      const telling = {
        actionId: action.id,
        at: e.at,
        actorId: e.actor.id,
        words: e.data.words,
        dueAtWhenTold: action.dueAt,
        newDueAt: e.data.newDueAt,
      };
      return {
        ...s,
        promiseTellings: [...s.promiseTellings, telling],
        actions: e.data.newDueAt ? s.actions.map((a) => (a.id === action.id ? { ...a, dueAt: e.data.newDueAt! } : a)) : s.actions,
      };
    },
  },
  manager_note_added: {
    in: [...OPEN, "closed", "abandoned"],
    whileWaiting: true,
    guard: (_s, e) => (mayDecide(e.actor.role) ? null : notAuthorised("Only a manager can add a manager's note.")),
    apply: (s, e) => ({ ...s, managerNotes: [...s.managerNotes, { text: e.data.text, at: e.at, actorId: e.actor.id }] }),
  },
  case_reopened: {
    in: ["closed", "abandoned"],
    guard: (_s, e) => (mayDecide(e.actor.role) ? null : notAuthorised("Only a manager can reopen a case.")),
    apply: (s, e) => ({
      ...to(s.phase === "abandoned" ? (s.abandonedFrom ?? "listen") : "prevent")(s, e.at),
      closedAt: undefined,
      abandonReason: undefined,
      abandonedFrom: undefined,
      reopenings: s.reopenings + 1,
      managerNotes: [...s.managerNotes, { text: `Reopened: ${e.data.reason}`, at: e.at, actorId: e.actor.id }],
    }),
  },
};

const PHASE_NAMES: Record<Phase, string> = {
  new: "before the case is opened",
  listen: "Listen",
  validate: "Validate",
  apologise: "Apologise",
  solve: "Solve",
  compensate: "Compensate",
  confirm: "Confirm",
  prevent: "Prevent",
  closed: "closed",
  abandoned: "abandoned",
};

const EVENT_NAMES: Record<EventType, string> = {
  case_opened: "open the case",
  complaint_heard: "record the complaint",
  feeling_validated: "name the feeling",
  apology_given: "apologise",
  options_offered: "offer options",
  request_declined: "say no to a request",
  escalation_requested: "call a manager",
  manager_decided: "record a manager's decision",
  solution_agreed: "agree a solution",
  compensation_offered: "offer compensation",
  compensation_skipped: "skip compensation",
  actions_agreed: "agree actions",
  readback_answered: "record the customer's answer to the read-back",
  root_causes_tagged: "tag root causes",
  case_closed: "close the case",
  customer_vented: "go back to listening",
  note_added: "add a note",
  case_abandoned: "mark the case abandoned",
  action_updated: "update an agreed action",
  promise_update_told: "tell the customer a promise will be late",
  manager_note_added: "add a manager's note",
  case_reopened: "reopen the case",
};

/** The complaint playbook: its table above, run by the shared engine (./engine.ts). */
export const complaintPlaybook = definePlaybook<Phase, CaseState, RecordedEvent>({
  flow,
  initial: initialState,
  ended: ["closed", "abandoned"],
  phaseNames: PHASE_NAMES,
  eventNames: EVENT_NAMES,
  endedReason: (phase) => `This case is ${phase}; only a manager can follow it up or reopen it.`,
  awaitingManager: (state) => state.pendingManager !== undefined,
});

/** The next state of a case after `event`, or the reason the playbook does not allow it. */
export const transition: (state: CaseState, event: RecordedEvent) => Transition = complaintPlaybook.transition;

/** A case's state is its event log folded through `transition`. */
export const fold: (events: readonly RecordedEvent[], from?: CaseState) => CaseState = complaintPlaybook.fold;

/** Every intermediate state, for replays: states[i] is the state after events[i]. */
export const foldSteps: (events: readonly RecordedEvent[]) => CaseState[] = complaintPlaybook.foldSteps;
