// Pure helpers for replaying a recorded case step by step (trainer replay, practice, rubric).
import type { RecordedEvent } from "./events";
import { foldSteps, PlaybookRefusal, transition } from "./machine";
import { initialState, type CaseState } from "./state";

/**
 * states[i] is the case after events[i]: `foldSteps`, the fold the live coach runs. A stored
 * log always folds; a copy whose free text was redacted can, in a corner case, make two
 * offered options identical and a later step refuse. Then the refused step is skipped
 * (the state carries over) instead of the whole replay failing.
 */
export function replayStates(log: readonly RecordedEvent[]): CaseState[] {
  try {
    return foldSteps(log);
  } catch (error) {
    if (!(error instanceof PlaybookRefusal)) throw error;
    const states: CaseState[] = [];
    log.reduce((state, event) => {
      const next = transition(state, event);
      const after = next.ok ? next.state : state;
      states.push(after);
      return after;
    }, initialState);
    return states;
  }
}

/** The state just before events[index]. */
export function stateBefore(states: readonly CaseState[], index: number): CaseState {
  return index <= 0 ? initialState : states[index - 1];
}

/** One piece of what the staff member typed, where the live coach's phrase coach read along. */
export type CoachedText = { field: string; label: string; text: string };

/**
 * The free text of an event that the live coach checks as it is typed (the CoachedTextarea
 * fields): words said to the customer. What the customer said, and internal notes, are not.
 */
export function coachedTexts(event: RecordedEvent): CoachedText[] {
  switch (event.type) {
    case "feeling_validated":
      return event.data.words ? [{ field: "words", label: "Their words", text: event.data.words }] : [];
    case "apology_given":
      return event.data.words ? [{ field: "words", label: "Apology", text: event.data.words }] : [];
    case "options_offered":
      return event.data.options.map((text, i) => ({ field: `options.${i}`, label: `Option ${i + 1}`, text }));
    case "request_declined":
      return [
        { field: "reason", label: "Reason for the no", text: event.data.reason },
        ...event.data.alternatives.map((text, i) => ({ field: `alternatives.${i}`, label: `Alternative ${i + 1}`, text })),
      ];
    default:
      return [];
  }
}
