import type { Actor } from "@/lib/playbook";
import type { HeadsUpChoice, HeadsUpKind } from "@/lib/playbook/heads-up/vocabulary";
import { isHeadsUpStep } from "./step-kinds";
import type { HeadsUpEndBody, HeadsUpRaiseBody, HeadsUpStep, HeadsUpTellBody, NewStep, Refusal, Step } from "./tablet-store";

/**
 * Heads-ups captured on this tablet (docs/decisions/0034-heads-ups-offline.md): raised, or a table
 * ticked off, they are kept and sealed like a complaint's steps and sent by the same sync. Each has
 * an outbox key of its own (`caseId` in the store), so one the server refuses holds back nothing
 * else. The checks here are the server's own rules in plain words, so a form can say what is
 * missing before anything is kept; the server still decides.
 */

export type FieldErrors = Record<string, string>;

export type RaiseDraft = {
  kind: HeadsUpKind;
  what: string;
  reason: string;
  options: { choice: HeadsUpChoice; text: string }[];
  locationId?: string;
};
export type TellDraft = { spot: string; choice: HeadsUpChoice | null; option: string; customerAskedFirst: boolean; note?: string };

const norm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/** The raise form's input as the server would take it (lib/heads-ups/raise-heads-up.ts), or what is missing. */
export function checkRaise(draft: RaiseDraft): { ok: true; raise: HeadsUpRaiseBody["raise"] } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const what = draft.what.trim();
  const reason = draft.reason.trim();
  const options = draft.options.map((o) => ({ choice: o.choice, text: o.text.trim() })).filter((o) => o.text);
  if (!what) fields.what = "Say what is happening, in a few words";
  else if (what.length > 200) fields.what = "At most 200 characters";
  if (!reason) fields.reason = "Give the plain, true reason";
  else if (reason.length > 300) fields.reason = "At most 300 characters";
  if (options.length < 2) fields.options = "Give at least two options, such as waiting, changing or cancelling";
  else if (new Set(options.map((o) => norm(o.text))).size < 2) fields.options = "Two different options";
  else if (options.length > 6) fields.options = "At most six options";
  else if (options.some((o) => o.text.length > 200)) fields.options = "At most 200 characters an option";
  if (Object.keys(fields).length) return { ok: false, fields };
  return {
    ok: true,
    raise: { kind: draft.kind, what, reason, options, ...(draft.locationId ? { locationId: draft.locationId } : {}) },
  };
}

/** A table ticked off, as the server would take it (lib/heads-ups/tell-table.ts), or what is missing. */
export function checkTell(draft: TellDraft): { ok: true; tell: HeadsUpTellBody["tell"] } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const spot = draft.spot.trim();
  const option = draft.option.trim();
  if (!spot) fields.spot = "Say which table or room";
  else if (spot.length > 80) fields.spot = "At most 80 characters";
  if (!draft.choice) fields.choice = "Pick what they chose";
  else if (!option) fields.option = "Say what they chose";
  else if (option.length > 200) fields.option = "At most 200 characters";
  if (!draft.choice || Object.keys(fields).length) return { ok: false, fields };
  const note = draft.note?.trim();
  return {
    ok: true,
    tell: { spot, choice: draft.choice, option, customerAskedFirst: draft.customerAskedFirst, ...(note ? { note } : {}) },
  };
}

/** Ending a heads-up, as the server would take it (lib/heads-ups/end-heads-up.ts): an optional note. */
export function checkEnd(note: string): { ok: true; end: HeadsUpEndBody["end"] } | { ok: false; fields: FieldErrors } {
  const trimmed = note.trim();
  if (trimmed.length > 500) return { ok: false, fields: { note: "At most 500 characters" } };
  return { ok: true, end: trimmed ? { note: trimmed } : {} };
}

/** The outbox key of a heads-up step: its own, so a refusal holds back nothing else. */
export const headsUpOutboxKey = (clientEventId: string) => `heads-up:${clientEventId}`;

export function raiseStep(actor: Actor, raise: HeadsUpRaiseBody["raise"], clientEventId: string, at = new Date()): NewStep {
  return {
    caseId: headsUpOutboxKey(clientEventId),
    clientEventId,
    actor,
    capturedAt: at.toISOString(),
    body: { kind: "heads_up_raise", raise },
  };
}

export function tellStep(actor: Actor, alertId: string, tell: HeadsUpTellBody["tell"], clientEventId: string, at = new Date()): NewStep {
  return {
    caseId: headsUpOutboxKey(clientEventId),
    clientEventId,
    actor,
    capturedAt: at.toISOString(),
    body: { kind: "heads_up_tell", alertId, tell },
  };
}

/** Ending a heads-up (docs/decisions/0036): `what` labels it in its author's outbox only. */
export function endStep(
  actor: Actor,
  alertId: string,
  what: string,
  end: HeadsUpEndBody["end"],
  clientEventId: string,
  at = new Date(),
): NewStep {
  return {
    caseId: headsUpOutboxKey(clientEventId),
    clientEventId,
    actor,
    capturedAt: at.toISOString(),
    body: { kind: "heads_up_end", alertId, what, end },
  };
}

/** One heads-up waiting on this tablet, as its author sees it. */
export type QueuedHeadsUp = {
  seq: number;
  caseId: string;
  clientEventId: string;
  kind: "raise" | "tell" | "end";
  alertId: string | null;
  /** While it waits: "Salmon sold out", "Table 4 · chose Change: The sea bass", or "Ending: Salmon sold out". */
  label: string;
  /** The same line once sent: an end reads "Ended: Salmon sold out"; the others are unchanged. */
  sentLabel: string;
  capturedAt: string;
  refusal: Refusal | null;
};

const KINDS = { heads_up_raise: "raise", heads_up_tell: "tell", heads_up_end: "end" } as const;

function labelOf(body: HeadsUpStep["body"], sent: boolean): string {
  if (body.kind === "heads_up_raise") return body.raise.what;
  if (body.kind === "heads_up_tell") return `${body.tell.spot} · chose ${body.tell.option}`;
  // Not ended until the server has it: "Ending" beside "Saved on this tablet", "Ended" once sent.
  return `${sent ? "Ended" : "Ending"}: ${body.what}`;
}

/**
 * The heads-ups of the person signed in here that wait to be sent (or were refused), oldest first;
 * with `alertId`, only the steps on that heads-up (tables ticked off it, its end), and with `kind`
 * only that kind. `steps` are the store's readable steps (the current session's only: an ended
 * session keeps nothing readable); steps captured by someone else are never listed, whatever the
 * store says.
 */
export function queuedHeadsUps(steps: readonly Step[], userId: string, alertId?: string, kind?: QueuedHeadsUp["kind"]): QueuedHeadsUp[] {
  return steps
    .filter((s): s is HeadsUpStep => isHeadsUpStep(s) && s.actor.id === userId)
    .filter((s) => alertId === undefined || (s.body.kind !== "heads_up_raise" && s.body.alertId === alertId))
    .filter((s) => kind === undefined || KINDS[s.body.kind] === kind)
    .sort((a, b) => a.seq - b.seq)
    .map((s) => ({
      seq: s.seq,
      caseId: s.caseId,
      clientEventId: s.clientEventId,
      kind: KINDS[s.body.kind],
      alertId: s.body.kind === "heads_up_raise" ? null : s.body.alertId,
      label: labelOf(s.body, false),
      sentLabel: labelOf(s.body, true),
      capturedAt: s.capturedAt,
      refusal: s.state === "refused" ? (s.refusal ?? { status: 0, code: "refused", message: "The server did not accept it." }) : null,
    }));
}
