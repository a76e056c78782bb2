// Remedy authority, in one place: how much a person may give on their own, when an offer waits
// for approval, and who may approve what. The machine (offers, decisions), the screens (limits
// shown to staff and managers) and the rubric all ask here.
//
// The rules decide from data in the event: every offer and decision carries the acting person's
// own limit (`authorityLimitCents`), written in by the server from their role's limit (set by an
// admin), never by the client. A role name alone never lifts a limit.
import type { EventOf, RecordedEvent, RemedyTerms } from "./events";
import { formatMoney } from "./money";
import { awaitingCompensation, type CaseState, type CompensationState } from "./state";
import { DECIDING_ROLES, type Role } from "./vocabulary";

/** The events the server writes the acting person's limit into. */
export const LIMIT_STAMPED_EVENTS = ["compensation_offered", "manager_decided"] as const;
export type LimitStampedEvent = (typeof LIMIT_STAMPED_EVENTS)[number];

export function carriesLimit(type: string): type is LimitStampedEvent {
  return (LIMIT_STAMPED_EVENTS as readonly string[]).includes(type);
}

/** The event with the acting person's own limit written in (replacing any the client sent). */
export function withOwnLimit<E extends { type: string; data: object }>(event: E, limitCents: number): E {
  return carriesLimit(event.type) ? { ...event, data: { ...event.data, authorityLimitCents: limitCents } } : event;
}

/** The event's data without the server-written limit: what the client sent, for comparing resends. */
export function withoutOwnLimit(data: Record<string, unknown>): Record<string, unknown> {
  const { authorityLimitCents: _limit, ...rest } = data;
  return rest;
}

type Acting = { data: { authorityLimitCents?: number }; actor: { role: Role } };

/**
 * The most the person behind this offer or decision may give on their own: the limit the event
 * carries. Cases opened under revision 1 (before limits were written into events) fold as they
 * did then: staff had the case's limit, and a manager's role had none (the gap closed since).
 */
export function ownLimitCents(state: CaseState, event: Acting): number {
  const stamped = event.data.authorityLimitCents;
  if (stamped !== undefined) return stamped;
  // Without a limit in the event, the case's own (its opener's) limit holds, whatever the role.
  if (state.revision >= 2) return state.authorityLimitCents;
  return DECIDING_ROLES.includes(event.actor.role) ? Number.POSITIVE_INFINITY : state.authorityLimitCents;
}

/** May this role approve or decline requests at all (the policy's "case.decide")? How much: their limit. */
export function mayDecide(role: Role): boolean {
  return DECIDING_ROLES.includes(role);
}

/** An offer above the offering person's own limit waits for someone whose limit covers it. */
export function offerNeedsApproval(state: CaseState, event: EventOf<"compensation_offered"> & RecordedEvent): boolean {
  return event.data.valueCents > ownLimitCents(state, event);
}

/** Why the offer waits, in the words the staff member and the manager read. */
export function approvalReason(event: EventOf<"compensation_offered">, limitCents: number): string {
  return `${event.data.description} (${formatMoney(event.data.valueCents)}) is above the ${formatMoney(limitCents)} you can give on your own.`;
}

/** Whether a limit covers a value (an unknown limit, from an old event, covers anything). */
export function covers(limitCents: number, valueCents: number): boolean {
  return valueCents <= limitCents;
}

export function sameRemedy(a: RemedyTerms, b: RemedyTerms): boolean {
  return a.kind === b.kind && a.valueCents === b.valueCents && a.description.trim() === b.description.trim();
}

/** What a remedy decision approves: the remedy it carries, or (when it carries none) what was asked. */
export function approvedRemedy(asked: CompensationState, event: EventOf<"manager_decided">): RemedyTerms {
  const { kind, description, valueCents } = event.data.remedy ?? asked;
  return { kind, description, valueCents };
}

/** A refusal that is a matter of who is asking, not of what is asked: the machine answers not_authorised. */
export type NotAuthorised = { code: "not_authorised"; reason: string };
export const notAuthorised = (reason: string): NotAuthorised => ({ code: "not_authorised", reason });

/**
 * Why this manager's decision cannot be recorded, or null: a matter of authority (`notAuthorised`),
 * or (a plain message) a matter of what is asked.
 */
export function decisionRefusal(state: CaseState, event: EventOf<"manager_decided"> & RecordedEvent): string | NotAuthorised | null {
  const pending = state.pendingManager;
  if (!pending) return "No manager decision is awaited on this case.";
  if (!mayDecide(event.actor.role)) return notAuthorised("Only a manager can make this decision.");
  // An option with a decline, or with a remedy decision, is ignored here as it always was (stored
  // logs hold such steps); the use-cases refuse them up front (lib/manager/decide-request.ts).
  const { decision, remedy, note } = event.data;
  if (pending.kind === "authority") {
    return remedy ? "A remedy can be approved only when one is waiting for approval; add an option for the customer instead." : null;
  }
  if (decision === "declined") return remedy ? "To approve a different remedy, approve it; a decline approves nothing." : null;
  const asked = awaitingCompensation(state);
  if (!asked) return "No remedy is waiting for approval on this case.";
  const approved = approvedRemedy(asked, event);
  const limit = ownLimitCents(state, event);
  if (!covers(limit, approved.valueCents)) {
    return notAuthorised(
      `Only someone whose limit covers ${formatMoney(approved.valueCents)} can approve it: yours is ${formatMoney(limit)}. Approve up to ${formatMoney(limit)}, or ask someone with a higher limit.`,
    );
  }
  if (!sameRemedy(asked, approved) && !note) {
    return "Add a note when you approve something different, so the staff member can explain it to the customer.";
  }
  return null;
}

/**
 * How the rubric reads a settled remedy: approved by someone whose limit covered it, or offered
 * within the offering person's own limit. `limitAtOffer` is the state just before the offer.
 */
export function remedyAuthorised(settled: CompensationState, offer: RecordedEvent | undefined, stateAtOffer: CaseState): boolean {
  if (settled.status === "approved") return true;
  if (!offer || offer.type !== "compensation_offered") return false;
  return covers(ownLimitCents(stateAtOffer, offer), settled.valueCents);
}
