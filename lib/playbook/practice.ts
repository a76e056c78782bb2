// Practice mode: the customer's side of a recorded case, replayed to a trainee who works the
// complaint on the live coach. Pure: the script comes from the (redacted) log of a real case,
// the line to show from the practice case's own state.
import type { RecordedEvent } from "./events";
import { replayStates, stateBefore } from "./replay";
import type { CaseState } from "./state";
import { CATEGORY_LABELS, FEELING_LABELS, SEVERITY_LABELS, type Category, type Feeling, type Mood, type Severity, type Stage } from "./vocabulary";

export type CustomerScript = {
  complaint: { words: string; category: Category; severity: Severity; spot: string; mood: Mood } | null;
  /** How they felt, as the original staff member named it (a hint, shown after the trainee tries). */
  feeling: Feeling | null;
  /** Each time the customer started venting again: where, and what they said. */
  vents: { stage: Stage; note?: string }[];
  /** What the customer asked for that was refused in the real case. */
  requests: string[];
  /** The customer's answers to each read-back, in order. */
  readback: { accepted: boolean; comment?: string }[];
  /** A manager was called in the real case. */
  managerCalled: boolean;
};

export function customerScript(log: readonly RecordedEvent[]): CustomerScript {
  const states = replayStates(log);
  const script: CustomerScript = { complaint: null, feeling: null, vents: [], requests: [], readback: [], managerCalled: false };
  log.forEach((event, i) => {
    const before = stateBefore(states, i);
    switch (event.type) {
      case "complaint_heard":
        // The first telling is the complaint; hearing it again after a vent keeps the latest words.
        script.complaint = {
          words: event.data.customerWords,
          category: event.data.category,
          severity: event.data.severity as Severity,
          spot: event.data.spot,
          mood: event.data.mood,
        };
        break;
      case "feeling_validated":
        script.feeling ??= event.data.feeling;
        break;
      case "customer_vented":
        if (before.phase !== "new" && before.phase !== "closed" && before.phase !== "abandoned") {
          script.vents.push({ stage: before.phase, note: event.data.note });
        }
        break;
      case "request_declined":
        script.requests.push(event.data.request);
        break;
      case "readback_answered":
        script.readback.push({ accepted: event.data.accepted, comment: event.data.comment });
        break;
      case "escalation_requested":
        script.managerCalled = true;
        break;
      default:
        break;
    }
  });
  return script;
}

const MOOD_WORDS: Record<Mood, string> = { calm: "calm but unhappy", upset: "upset", angry: "angry", furious: "furious" };
const A_MOOD: Record<Mood, string> = { calm: "a calm but unhappy", upset: "an upset", angry: "an angry", furious: "a furious" };

export type CustomerLine = {
  id: string;
  /** What the customer says (quoted), or does. */
  say: string;
  /** A cue for the trainee, in the coach's voice. */
  cue?: string;
};

/** What the practice customer says or does now, given where the trainee's case is. */
export function customerLines(script: CustomerScript, state: CaseState): CustomerLine[] {
  const c = script.complaint;
  const lines: CustomerLine[] = [];
  const phase = state.phase;
  // A vent the trainee has not played yet, due at the stage they are now at.
  const nextVent = script.vents[state.returnsToListen];
  if (nextVent && nextVent.stage === phase && !state.pendingManager) {
    lines.push({
      id: `vent-${state.returnsToListen}`,
      say: nextVent.note ? `The customer gets upset again: “${nextVent.note}”` : "The customer gets upset again and starts over.",
      cue: "Use “Customer is venting again” and go back to listening.",
    });
  }
  switch (phase) {
    case "new":
    case "listen": {
      if (state.returnsToListen > 0) {
        const vent = script.vents[state.returnsToListen - 1];
        lines.push({ id: "listen-again", say: vent?.note ? `“${vent.note}”` : "The customer tells you again what went wrong.", cue: "Let them finish, then update what you heard." });
      } else if (c) {
        lines.push({
          id: "complaint",
          say: `At ${c.spot}, ${A_MOOD[c.mood]} customer says: “${c.words}”`,
          cue: `Note it in their words. In the real case this was ${CATEGORY_LABELS[c.category].toLowerCase()}, ${SEVERITY_LABELS[c.severity].toLowerCase()}.`,
        });
      } else {
        lines.push({ id: "complaint", say: "The customer has something to tell you." });
      }
      break;
    }
    case "validate":
      lines.push({
        id: "validate",
        say: c ? `They are still ${MOOD_WORDS[c.mood]}, waiting to see if you understand.` : "They wait to see if you understand.",
        cue: script.feeling ? `Say out loud how they feel. (The original staff member heard “${FEELING_LABELS[script.feeling].toLowerCase()}”.)` : "Say out loud how they feel.",
      });
      break;
    case "apologise":
      lines.push({ id: "apologise", say: "“So what have you got to say about it?”", cue: "Apologise and own it: no excuses, no “but”." });
      break;
    case "solve": {
      if (state.readbackRefusals > 0) {
        const answer = script.readback[state.readbackRefusals - 1];
        lines.push({
          id: `not-quite-${state.readbackRefusals}`,
          say: answer?.comment ? `“${answer.comment}”` : "“That's not quite what I wanted.”",
          cue: "Find another option they would accept.",
        });
      }
      const asked = script.requests[state.declined.length];
      lines.push(
        asked
          ? { id: `request-${state.declined.length}`, say: `“${asked}”`, cue: "What they ask for may be more than you can give: say no graciously, with alternatives, or find a yes." }
          : { id: "solve", say: "“So what are you going to do about it?”", cue: "Offer at least two options and let them choose." },
      );
      if (script.managerCalled && state.decisions.length === 0) {
        lines.push({ id: "manager", say: "In the real case a manager was called.", cue: "A manager approves on this tablet with their PIN; in practice you can also keep within your own limit." });
      }
      break;
    }
    case "compensate":
      lines.push({ id: "compensate", say: "The customer waits to see whether you will make it up to them.", cue: "Match the gesture to how bad it was." });
      break;
    case "confirm": {
      const answer = script.readback[state.readbackRefusals] ?? script.readback[script.readback.length - 1] ?? { accepted: true };
      lines.push({
        id: `readback-${state.readbackRefusals}`,
        say: answer.accepted
          ? `When you show them the read-back, the customer says “Yes, that's right”${answer.comment ? ` and adds: “${answer.comment}”` : "."}`
          : `When you show them the read-back, the customer says “Not quite”${answer.comment ? `: “${answer.comment}”` : "."}`,
        cue: "Agree each action with an owner and a time, then show them the read-back and tap their answer.",
      });
      break;
    }
    case "prevent":
      lines.push({ id: "prevent", say: "The customer has gone, happy with what you agreed.", cue: "Tag the cause so the next guest doesn't meet it." });
      break;
    case "closed":
      lines.push({ id: "closed", say: "Practice complete." });
      break;
    case "abandoned":
      lines.push({ id: "abandoned", say: "The practice customer left." });
      break;
  }
  return lines;
}
