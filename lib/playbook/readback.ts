// The read-back: what the staff member turns the tablet round to show the customer at Confirm.
// It is the promise, so it is composed from typed state, never from free text glued into a
// sentence: the agreed option as it was agreed, the remedy of this round as approved (its kind
// and value say what it is), and each agreed action with its owner and time, once. Free text
// (the option, the remedy's words, an action) only ever stands on its own as an item, never in
// a verb's slot ("We will …").
import type { CompensationKind } from "./vocabulary";
import { formatMoney } from "./money";
import { settledCompensation, type CaseState } from "./state";

export type ReadbackRemedy = {
  kind: CompensationKind;
  valueCents: number;
  /** What it is, from its kind and value: "A refund of £60.00". */
  text: string;
  /** The words it was offered (or approved) with, shown as a quote under it. */
  words: string;
};

export type ReadbackAction = {
  id: string;
  /** The action as agreed. */
  what: string;
  owner: string;
  /** When, in the venue's time zone: "today at 20:30". */
  due: string;
  /** "Amira will see to it by today at 20:30." */
  promise: string;
};

export type Readback = {
  headline: string;
  /** The option the customer agreed to, as agreed; null before one is agreed. */
  agreed: string | null;
  remedy: ReadbackRemedy | null;
  /** What the customer reads when there is no remedy. */
  noRemedy: string;
  actions: ReadbackAction[];
  /** The same read-back as plain lines (the replay, screen readers, tests). */
  lines: string[];
};

export const READBACK_LABELS = { agreed: "What we agreed", remedy: "To make up for it", actions: "What happens next" } as const;
export const NOTHING_AGREED = "We haven't agreed a solution yet.";
export const NO_REMEDY = "No compensation is included.";

/** What a remedy is, in words built from its kind and value (no free text). */
const REMEDY_TEXT: Record<CompensationKind, (money: string | null) => string> = {
  gesture: (m) => (m ? `A small gesture from us, worth ${m}` : "A small gesture from us"),
  free_item: (m) => (m ? `Something on the house, worth ${m}` : "Something on the house"),
  discount: (m) => (m ? `${m} off your bill` : "A discount on your bill"),
  refund: (m) => (m ? `A refund of ${m}` : "A refund"),
  voucher: (m) => (m ? `A voucher worth ${m} for your next visit` : "A voucher for your next visit"),
  upgrade: (m) => (m ? `An upgrade, worth ${m}` : "An upgrade"),
  other: (m) => (m ? `Something from us, worth ${m}` : "Something from us"),
};

export function remedyText(kind: CompensationKind, valueCents: number): string {
  return REMEDY_TEXT[kind](valueCents > 0 ? formatMoney(valueCents) : null);
}

export type DueFormat = {
  /** The venue's time zone (IANA): times read as the venue's clock says them. */
  timeZone?: string;
  /** Now, to say "today" and "tomorrow"; without it every due time names its day. */
  now?: Date;
};

export const DEFAULT_TIME_ZONE = "Europe/London";

const dayKey = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);

/**
 * A due time as a customer in this venue says it, in British English whatever the tablet's own
 * language: "today at 20:30", "tomorrow at 09:00", "Fri 14 Mar at 20:30".
 */
export function formatDue(iso: string, { timeZone = DEFAULT_TIME_ZONE, now }: DueFormat = {}): string {
  const due = new Date(iso);
  if (Number.isNaN(due.getTime())) return iso;
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(due);
  if (now) {
    const day = dayKey(due, timeZone);
    if (day === dayKey(now, timeZone)) return `today at ${time}`;
    if (day === dayKey(new Date(now.getTime() + 24 * 3_600_000), timeZone)) return `tomorrow at ${time}`;
  }
  const date = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" }).format(due);
  return `${date} at ${time}`;
}

/** Free text as an item on its own: trimmed, first letter capital, no trailing full stop. */
export function asItem(text: string): string {
  const t = text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/(?<![.])\.$/, "");
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const ME = /^(?:me|myself|i)$/i;

/** The owner as the subject of "will see to it": "I" for the person holding the tablet. */
function ownerSubject(owner: string): string {
  const o = owner.trim().replace(/\s+/g, " ");
  return ME.test(o) ? "I" : o.charAt(0).toUpperCase() + o.slice(1);
}

/** Quoted words, without a full stop of their own inside the quote. */
function quoted(text: string): string {
  return `“${text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/(?<![.])\.$/, "")}”`;
}

export function buildReadback(state: CaseState, format: DueFormat = {}): Readback {
  const agreed = state.chosenOption?.trim() || null;
  const settled = settledCompensation(state);
  const remedy: ReadbackRemedy | null = settled
    ? {
        kind: settled.kind,
        valueCents: settled.valueCents,
        text: remedyText(settled.kind, settled.valueCents),
        words: settled.description.trim(),
      }
    : null;
  const actions: ReadbackAction[] = state.actions.map((action) => {
    const due = formatDue(action.dueAt, format);
    return {
      id: action.id,
      what: asItem(action.description),
      owner: action.owner.trim(),
      due,
      promise: `${ownerSubject(action.owner)} will see to it by ${due}.`,
    };
  });

  const lines = [
    agreed ? `${READBACK_LABELS.agreed}: ${asItem(agreed)}` : NOTHING_AGREED,
    remedy ? `${READBACK_LABELS.remedy}: ${remedy.text} (${quoted(remedy.words)})` : NO_REMEDY,
    ...actions.map((a) => `${a.what} — ${a.promise}`),
  ];
  return { headline: "Here is what we've agreed", agreed, remedy, noRemedy: NO_REMEDY, actions, lines };
}
