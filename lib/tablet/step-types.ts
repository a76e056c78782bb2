import type { EventOf, EventType, RemedyTerms } from "@/lib/playbook";

// What a step looks like on the tablet before it is recorded, and what became of it.

/** Field messages keyed by the path inside the event's data: "spot", "options.0", "actions.1.dueAt". */
export type FieldErrors = Record<string, string>;

export type StepFailure = {
  /**
   * refused: the playbook says not yet (a normal part of coaching, not an error);
   * invalid: some fields need fixing; offline: no connection, input kept; failed: anything else.
   */
  kind: "refused" | "invalid" | "offline" | "failed";
  message: string;
  fields: FieldErrors;
};
export type StepOutcome = { ok: true } | ({ ok: false } & StepFailure);

/** Every field may still be blank while the form is being filled in. */
type Loose<T> = { [K in keyof T]?: T[K] | undefined };
/**
 * A step as a form builds it: a chip not picked yet is undefined. The playbook and the
 * event's zod schema (the server's own) decide what is missing before anything is sent.
 */
export type StepDraft = {
  [T in Exclude<EventType, "case_opened" | "manager_decided">]: { type: T; data: Loose<EventOf<T>["data"]> };
}[Exclude<EventType, "case_opened" | "manager_decided">];

export type SendStep = (draft: StepDraft) => Promise<StepOutcome>;

export type ManagerDecisionInput = {
  managerId: string;
  pin: string;
  decision: { decision: "approved" | "declined"; note?: string; option?: string; remedy?: RemedyTerms };
  /** The deciding manager's own limit as this tablet knows it (the server writes the real one). */
  limitCents?: number;
};
export type DecideAsManager = (input: ManagerDecisionInput) => Promise<StepOutcome>;
