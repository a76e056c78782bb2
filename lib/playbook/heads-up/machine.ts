import { notAuthorised } from "../authority";
import { definePlaybook, type EngineRule, type TransitionOf } from "../engine";
import type { HeadsUpEventOf, HeadsUpEventType, HeadsUpOption, RecordedHeadsUpEvent } from "./events";
import { initialHeadsUpState, type HeadsUpState } from "./state";
import { HEADS_UP_STAGES, type HeadsUpPhase } from "./vocabulary";

type Rule<T extends HeadsUpEventType> = EngineRule<HeadsUpState, HeadsUpEventOf<T> & RecordedHeadsUpEvent>;

const OPEN: readonly HeadsUpPhase[] = HEADS_UP_STAGES;
/** A customer who complains after all can do so at any point of the heads-up. */
const MIN_OPTIONS = 2;

const to =
  (phase: HeadsUpPhase) =>
  (state: HeadsUpState, at: Date): HeadsUpState =>
    state.phase === phase ? state : { ...state, phase, phaseEnteredAt: at };

const sameText = (a: string, b: string) => a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();

/** The options so far plus new ones, each text once (the same words twice are one option). */
function mergeOptions(before: readonly HeadsUpOption[], added: readonly HeadsUpOption[]): HeadsUpOption[] {
  return added.reduce<HeadsUpOption[]>((all, o) => (all.some((b) => sameText(b.text, o.text)) ? all : [...all, o]), [...before]);
}

/**
 * The heads-up playbook, one row per event: Notice → Explain → Offer options → Customer decides →
 * Confirm → Prevent. Tell them early, give the plain true reason, let them choose.
 */
export const headsUpFlow: { [T in HeadsUpEventType]: Rule<T> } = {
  heads_up_opened: {
    in: ["new"],
    apply: (s, e) => ({
      ...to("notice")(s, e.at),
      reference: e.data.reference,
      locationId: e.data.locationId,
      alertId: e.data.alertId,
      openedById: e.actor.id,
      revision: e.data.revision ?? 1,
      openedAt: e.at,
    }),
  },
  issue_noticed: {
    in: ["notice"],
    apply: (s, e) => ({ ...to("explain")(s, e.at), issue: { ...e.data }, noticedAt: e.at }),
  },
  reason_explained: {
    in: ["explain"],
    guard: (_s, e) => (e.data.trueReason ? null : "Give the plain, true reason first: no excuses, no blaming suppliers or colleagues."),
    apply: (s, e) => ({
      ...to("offer")(s, e.at),
      reason: { reason: e.data.reason, words: e.data.words },
      toldAt: s.toldAt ?? e.at,
      toldById: s.toldById ?? e.actor.id,
    }),
  },
  options_offered: {
    in: ["offer", "decide"],
    guard: (s, e) => {
      return mergeOptions(s.options, e.data.options).length < MIN_OPTIONS
        ? `Give them at least ${MIN_OPTIONS} options, such as waiting, changing or cancelling, so the choice is theirs.`
        : null;
    },
    apply: (s, e) => ({
      ...to("decide")(s, e.at),
      options: mergeOptions(s.options, e.data.options),
    }),
  },
  customer_decided: {
    in: ["decide"],
    guard: (s, e) => {
      if (e.data.choice === "other") return null;
      const offered = s.options.find((o) => sameText(o.text, e.data.option));
      if (!offered) return "The customer's choice must be one of the options offered (or “something else”).";
      return offered.choice === e.data.choice ? null : "The choice must match the option as it was offered.";
    },
    apply: (s, e) => ({
      ...to("confirm")(s, e.at),
      decision: { choice: e.data.choice, option: e.data.option, note: e.data.note, decidedById: e.actor.id },
      decidedAt: e.at,
    }),
  },
  gesture_offered: {
    in: ["decide", "confirm"],
    guard: (_s, e) =>
      e.data.authorityLimitCents !== undefined && e.data.valueCents > e.data.authorityLimitCents
        ? notAuthorised("Only a manager can give a gesture above your own limit: make it a complaint case and call one.")
        : null,
    apply: (s, e) => ({
      ...s,
      gestures: [
        ...s.gestures,
        {
          id: e.data.id,
          kind: e.data.kind,
          description: e.data.description,
          valueCents: e.data.valueCents,
          round: s.round,
          offeredById: e.actor.id,
        },
      ],
    }),
  },
  choice_confirmed: {
    in: ["confirm"],
    apply: (s, e) =>
      e.data.accepted
        ? { ...to("prevent")(s, e.at), confirmedAt: e.at }
        : // "Not quite": they decide again; this round's choice and gesture are retired (the log keeps them).
          { ...to("decide")(s, e.at), decision: undefined, round: s.round + 1, readbackRefusals: s.readbackRefusals + 1 },
  },
  prevention_noted: {
    in: ["prevent"],
    guard: (_s, e) =>
      e.data.tags.length === 0 && !e.data.note ? "Tag a root cause or note what would stop this catching customers out again." : null,
    apply: (s, e) => ({ ...s, prevention: { tags: [...new Set(e.data.tags)], note: e.data.note } }),
  },
  heads_up_closed: {
    in: ["prevent"],
    guard: (s) => (s.prevention ? null : "Note what would prevent it before closing the heads-up."),
    apply: (s, e) => ({ ...to("closed")(s, e.at), closedAt: e.at }),
  },
  complaint_started: {
    in: OPEN,
    apply: (s, e) => ({
      ...to("complained")(s, e.at),
      complaint: { caseId: e.data.complaintCaseId, reference: e.data.complaintReference, at: e.at },
      closedAt: e.at,
    }),
  },
  heads_up_abandoned: {
    in: OPEN,
    apply: (s, e) => ({ ...to("abandoned")(s, e.at), abandonReason: e.data.reason, closedAt: e.at }),
  },
  heads_up_note_added: {
    in: OPEN,
    apply: (s, e) => ({ ...s, notes: [...s.notes, { text: e.data.text, at: e.at, actorId: e.actor.id }] }),
  },
};

export const HEADS_UP_PHASE_NAMES: Record<HeadsUpPhase, string> = {
  new: "before the heads-up is opened",
  notice: "Notice",
  explain: "Explain",
  offer: "Offer options",
  decide: "Customer decides",
  confirm: "Confirm",
  prevent: "Prevent",
  closed: "closed",
  complained: "handed on to a complaint case",
  abandoned: "abandoned",
};

const HEADS_UP_EVENT_NAMES: Record<HeadsUpEventType, string> = {
  heads_up_opened: "open the heads-up",
  issue_noticed: "record what is coming",
  reason_explained: "explain the reason",
  options_offered: "offer options",
  customer_decided: "record the customer's choice",
  gesture_offered: "offer a gesture",
  choice_confirmed: "record the customer's answer to the read-back",
  prevention_noted: "note how to prevent it",
  heads_up_closed: "close the heads-up",
  complaint_started: "turn the heads-up into a complaint",
  heads_up_abandoned: "mark the heads-up abandoned",
  heads_up_note_added: "add a note",
};

/** The heads-up playbook: its table above, run by the engine the complaint playbook runs on. */
export const headsUpPlaybook = definePlaybook<HeadsUpPhase, HeadsUpState, RecordedHeadsUpEvent>({
  flow: headsUpFlow,
  initial: initialHeadsUpState,
  ended: ["closed", "complained", "abandoned"],
  phaseNames: HEADS_UP_PHASE_NAMES,
  eventNames: HEADS_UP_EVENT_NAMES,
  endedReason: (phase) => `This heads-up is ${HEADS_UP_PHASE_NAMES[phase]}; nothing more can be added to it.`,
});

export type HeadsUpTransition = TransitionOf<HeadsUpState>;
export const transitionHeadsUp: (state: HeadsUpState, event: RecordedHeadsUpEvent) => HeadsUpTransition = headsUpPlaybook.transition;
export const foldHeadsUp: (events: readonly RecordedHeadsUpEvent[], from?: HeadsUpState) => HeadsUpState = headsUpPlaybook.fold;
export const foldHeadsUpSteps: (events: readonly RecordedHeadsUpEvent[]) => HeadsUpState[] = headsUpPlaybook.foldSteps;

export type HeadsUpStatus = "open" | "closed" | "complained" | "abandoned";
export function headsUpStatus(state: HeadsUpState): HeadsUpStatus {
  return state.phase === "closed" || state.phase === "complained" || state.phase === "abandoned" ? state.phase : "open";
}
