// The heads-up read-back: what the customer sees when the tablet is turned round at Confirm. Like
// the complaint's (../readback.ts) it is composed from typed state: each piece of free text (what
// is happening, the reason, the option they chose, the gesture's words) stands on its own as an
// item after a fixed label, never in a verb's slot; the choice and the gesture are named from their
// kind and value.
import { asItem, remedyText, type ReadbackRemedy } from "../readback";
import { currentGesture, type HeadsUpState } from "./state";
import { HEADS_UP_CHOICE_LABELS, type HeadsUpChoice } from "./vocabulary";

export const HEADS_UP_READBACK_LABELS = {
  what: "What's happening",
  reason: "Why",
  choice: "What you chose",
  gesture: "For your patience",
} as const;
export const NOTHING_CHOSEN = "You haven't chosen yet.";
export const NO_GESTURE = "Nothing else is included.";

export type HeadsUpReadback = {
  headline: string;
  what: string | null;
  reason: string | null;
  choice: { choice: HeadsUpChoice; label: string; option: string } | null;
  gesture: ReadbackRemedy | null;
  lines: string[];
};

export function buildHeadsUpReadback(state: HeadsUpState): HeadsUpReadback {
  const what = state.issue ? asItem(state.issue.what) : null;
  const reason = state.reason ? asItem(state.reason.reason) : null;
  const choice = state.decision
    ? { choice: state.decision.choice, label: HEADS_UP_CHOICE_LABELS[state.decision.choice], option: asItem(state.decision.option) }
    : null;
  const given = currentGesture(state);
  const gesture: ReadbackRemedy | null = given
    ? { kind: given.kind, valueCents: given.valueCents, text: remedyText(given.kind, given.valueCents), words: given.description.trim() }
    : null;
  const lines = [
    ...(what ? [`${HEADS_UP_READBACK_LABELS.what}: ${what}`] : []),
    ...(reason ? [`${HEADS_UP_READBACK_LABELS.reason}: ${reason}`] : []),
    choice ? `${HEADS_UP_READBACK_LABELS.choice}: ${choice.label} — ${choice.option}` : NOTHING_CHOSEN,
    gesture ? `${HEADS_UP_READBACK_LABELS.gesture}: ${gesture.text} (“${asItem(gesture.words)}”)` : NO_GESTURE,
  ];
  return { headline: "Here is what we told you, and what you chose", what, reason, choice, gesture, lines };
}
