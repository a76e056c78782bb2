// The read-back: what the staff member turns the tablet round to show the customer at
// Confirm. Written to the customer, in plain words.
import { formatMoney } from "./machine";
import { settledCompensation, type CaseState } from "./state";

export type Readback = { headline: string; lines: string[] };

const DEFAULT_DUE_FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "Fri 14 Mar, 20:30" style, in UTC so it reads the same everywhere (screens pass their own). */
export function formatDueDefault(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DEFAULT_DUE_FORMAT.format(date);
}

const WE_OR_I = /^(?:we|i)(?:'|’)?(?:ll|\s+will)\b/i;
const ROLE_TO =
  /^(?:the\s+|our\s+)?(?:duty\s+|general\s+|restaurant\s+|head\s+)?(?:manager|chef|kitchen|bar|housekeeping|reception|front\s+desk|maintenance|team|staff)\s+(?:to|will|is\s+going\s+to)\s/i;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "Chef to remake the steak", "Sam to call tomorrow": already names who does it. */
function namesItsOwner(description: string, owner: string): boolean {
  const o = owner.trim();
  return ROLE_TO.test(description) || (o !== "" && new RegExp(`^${escapeRegExp(o)}\\s+(?:to|will)\\s`, "i").test(description));
}

const ME = /^(?:me|myself|i)$/i;

function sentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Starts with an acronym ("DJ", "TV"): a subject, not a verb, so it reads on its own. */
const ACRONYM_FIRST = /^\p{Lu}[\p{Lu}\d]+\b/u;

/** Each action as a promise to the customer: "We will …". */
function actionLine(description: string, owner: string, due: string): string {
  const d = description.trim();
  const standsAlone = WE_OR_I.test(d) || ACRONYM_FIRST.test(d) || namesItsOwner(d, owner);
  const what = standsAlone ? sentence(d) : sentence(`We will ${d.charAt(0).toLowerCase()}${d.slice(1)}`);
  const who = ME.test(owner.trim()) ? "I will" : `${owner.trim()} will`;
  return `${what} ${who} see to it by ${due}.`;
}

export function buildReadback(state: CaseState, formatDue: (iso: string) => string = formatDueDefault): Readback {
  const lines: string[] = [];

  lines.push(state.chosenOption ? `We agreed: ${sentence(state.chosenOption)}` : "We haven't agreed a solution yet.");

  const compensation = settledCompensation(state);
  if (compensation) {
    const value = compensation.valueCents > 0 ? ` (${formatMoney(compensation.valueCents)})` : "";
    lines.push(`To say sorry: ${sentence(`${compensation.description.trim().replace(/[.!?]$/, "")}${value}`)}`);
  } else {
    lines.push("No compensation is included.");
  }

  for (const action of state.actions) lines.push(actionLine(action.description, action.owner, formatDue(action.dueAt)));

  return { headline: "Here is what we've agreed", lines };
}
