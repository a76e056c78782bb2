// zod/mini: these schemas also run on the tablet, where classic zod would be most of the page's
// script (docs/decisions/0006-tablet-script-budget.md). The server parses with them just the same.
import * as z from "zod/mini";
import { headsUpCarryOverSchema } from "./heads-up/carry-over";
import { CATEGORIES, COMPENSATION_KINDS, FEELINGS, MOODS, ROLES } from "./vocabulary";

export { PLAYBOOK_REVISION } from "./revision";

// One schema per event type; together they are the only way a case changes.
const text = (max: number) => z.string().check(z.trim(), z.minLength(1, "Required"), z.maxLength(max, `At most ${max} characters`));
const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, `At most ${max} characters`)));
const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));

export const agreedActionSchema = z.object({
  id,
  description: text(300),
  owner: text(80),
  dueAt: z.iso.datetime({ offset: true, message: "A due date and time is needed" }),
});
export type AgreedActionInput = z.infer<typeof agreedActionSchema>;

const cents = z.int().check(z.minimum(0), z.maximum(10_000_000));
/**
 * The acting person's own remedy authority, in pence. Written into offers and decisions by the
 * server from the person's role (lib/cases/append-event.ts), never taken from the client; the
 * playbook's authority rules (./authority.ts) decide from it.
 */
const authorityLimit = z.optional(z.int().check(z.minimum(0), z.maximum(100_000_000)));

/** What a remedy is: its kind, the words for it, and what it is worth. */
export const remedyTermsSchema = z.object({
  kind: z.enum(COMPENSATION_KINDS, { message: "Pick the kind of remedy" }),
  description: text(200),
  valueCents: cents,
});
export type RemedyTerms = z.infer<typeof remedyTermsSchema>;

export const eventSchemas = {
  case_opened: z.object({
    type: z.literal("case_opened"),
    data: z.object({
      reference: text(20),
      locationId: id,
      authorityLimitCents: z.int().check(z.minimum(0)),
      practice: z._default(z.boolean(), false),
      /** The playbook's rules the case follows (PLAYBOOK_REVISION when opened); absent: revision 1. */
      revision: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
      /** A complaint that grew out of a heads-up starts with its context (the server writes it). */
      fromHeadsUp: z.optional(headsUpCarryOverSchema),
    }),
  }),
  complaint_heard: z.object({
    type: z.literal("complaint_heard"),
    data: z.object({
      customerWords: text(2000),
      category: z.enum(CATEGORIES, { message: "Pick what the complaint is about" }),
      severity: z.int().check(z.minimum(1, "Pick a severity"), z.maximum(4, "Pick a severity")),
      spot: text(80),
      mood: z.enum(MOODS, { message: "Pick the customer's mood" }),
    }),
  }),
  feeling_validated: z.object({
    type: z.literal("feeling_validated"),
    data: z.object({
      feeling: z.enum(FEELINGS, { message: "Name the feeling" }),
      acknowledged: z.boolean(),
      words: optionalText(500),
    }),
  }),
  apology_given: z.object({
    type: z.literal("apology_given"),
    data: z.object({ sincere: z.boolean(), ourFault: z.boolean(), words: optionalText(500) }),
  }),
  options_offered: z.object({
    type: z.literal("options_offered"),
    data: z.object({
      facts: optionalText(1000),
      options: z.array(text(200)).check(z.minLength(1, "Offer at least one option"), z.maxLength(6)),
    }),
  }),
  request_declined: z.object({
    type: z.literal("request_declined"),
    data: z.object({
      request: text(300),
      reason: text(500),
      alternatives: z.array(text(200)).check(z.minLength(1, "Offer at least one alternative when you say no"), z.maxLength(6)),
    }),
  }),
  escalation_requested: z.object({
    type: z.literal("escalation_requested"),
    data: z.object({ reason: text(500) }),
  }),
  manager_decided: z.object({
    type: z.literal("manager_decided"),
    data: z.object({
      decision: z.enum(["approved", "declined"]),
      note: optionalText(500),
      /** At a call to the table: an option the manager adds for the customer. */
      option: optionalText(200),
      /** At a remedy request: the remedy approved, as asked or different (a counter-offer). */
      remedy: z.optional(remedyTermsSchema),
      authorityLimitCents: authorityLimit,
    }),
  }),
  solution_agreed: z.object({
    type: z.literal("solution_agreed"),
    data: z.object({ option: text(200) }),
  }),
  compensation_offered: z.object({
    type: z.literal("compensation_offered"),
    data: z.object({
      id,
      kind: z.enum(COMPENSATION_KINDS),
      description: text(200),
      valueCents: cents,
      authorityLimitCents: authorityLimit,
    }),
  }),
  compensation_skipped: z.object({
    type: z.literal("compensation_skipped"),
    data: z.object({ reason: text(300) }),
  }),
  actions_agreed: z.object({
    type: z.literal("actions_agreed"),
    data: z.object({ actions: z.array(agreedActionSchema).check(z.minLength(1, "Agree at least one action"), z.maxLength(10)) }),
  }),
  readback_answered: z.object({
    type: z.literal("readback_answered"),
    data: z.object({ accepted: z.boolean(), comment: optionalText(500) }),
  }),
  root_causes_tagged: z.object({
    type: z.literal("root_causes_tagged"),
    data: z.object({
      tags: z
        .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40)))
        .check(z.minLength(1, "Tag at least one root cause"), z.maxLength(5)),
      note: optionalText(1000),
    }),
  }),
  case_closed: z.object({ type: z.literal("case_closed"), data: z.object({}) }),
  customer_vented: z.object({
    type: z.literal("customer_vented"),
    data: z.object({ backTo: z.enum(["listen", "validate"]), note: optionalText(1000) }),
  }),
  note_added: z.object({ type: z.literal("note_added"), data: z.object({ text: text(1000) }) }),
  case_abandoned: z.object({ type: z.literal("case_abandoned"), data: z.object({ reason: text(300) }) }),
  // Follow-up, after the customer has gone: managers own these.
  action_updated: z.object({
    type: z.literal("action_updated"),
    data: z.object({
      actionId: id,
      status: z.optional(z.enum(["open", "done"])),
      owner: z.optional(text(80)),
      dueAt: z.optional(z.iso.datetime({ offset: true, message: "A due date and time is needed" })),
      note: optionalText(500),
    }),
  }),
  // A promise that will not be kept: someone went back and told the customer before they had to ask.
  promise_update_told: z.object({
    type: z.literal("promise_update_told"),
    data: z.object({
      actionId: id,
      words: optionalText(500),
      /** The new time agreed with the customer, if there is one. */
      newDueAt: z.optional(z.iso.datetime({ offset: true, message: "A due date and time is needed" })),
    }),
  }),
  manager_note_added: z.object({ type: z.literal("manager_note_added"), data: z.object({ text: text(2000) }) }),
  case_reopened: z.object({ type: z.literal("case_reopened"), data: z.object({ reason: text(500) }) }),
} as const;

export type EventType = keyof typeof eventSchemas;
export const EVENT_TYPES = Object.keys(eventSchemas) as EventType[];

export const playbookEventSchema = z.discriminatedUnion("type", [
  eventSchemas.case_opened,
  eventSchemas.complaint_heard,
  eventSchemas.feeling_validated,
  eventSchemas.apology_given,
  eventSchemas.options_offered,
  eventSchemas.request_declined,
  eventSchemas.escalation_requested,
  eventSchemas.manager_decided,
  eventSchemas.solution_agreed,
  eventSchemas.compensation_offered,
  eventSchemas.compensation_skipped,
  eventSchemas.actions_agreed,
  eventSchemas.readback_answered,
  eventSchemas.root_causes_tagged,
  eventSchemas.case_closed,
  eventSchemas.customer_vented,
  eventSchemas.note_added,
  eventSchemas.case_abandoned,
  eventSchemas.action_updated,
  eventSchemas.promise_update_told,
  eventSchemas.manager_note_added,
  eventSchemas.case_reopened,
]);
export type PlaybookEvent = z.infer<typeof playbookEventSchema>;
export type EventOf<T extends EventType> = Extract<PlaybookEvent, { type: T }>;

export const actorSchema = z.object({ id, role: z.enum(ROLES) });
export type Actor = z.infer<typeof actorSchema>;

/** An event as the log stores it: who did it and when. */
export type RecordedEvent = PlaybookEvent & { at: Date; actor: Actor };
