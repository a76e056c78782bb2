// zod/mini, like the complaint playbook's events (they run on the tablet too). One schema per
// event type; together they are the only way a heads-up case changes.
import * as z from "zod/mini";
import { remedyTermsSchema, type Actor } from "../events";
import { HEADS_UP_CHOICES, HEADS_UP_KINDS } from "./vocabulary";

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, "Required"), z.maxLength(max, `At most ${max} characters`));
const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, `At most ${max} characters`)));
const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));

export const headsUpOptionSchema = z.object({
  choice: z.enum(HEADS_UP_CHOICES, { message: "Say whether this option is to wait, change, cancel or something else" }),
  text: text(200),
});
export type HeadsUpOption = z.infer<typeof headsUpOptionSchema>;

export const headsUpEventSchemas = {
  heads_up_opened: z.object({
    type: z.literal("heads_up_opened"),
    data: z.object({
      reference: text(20),
      locationId: id,
      /** The floor-wide heads-up this table was told about, if any. */
      alertId: z.optional(id),
      revision: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
    }),
  }),
  issue_noticed: z.object({
    type: z.literal("issue_noticed"),
    data: z.object({
      kind: z.enum(HEADS_UP_KINDS, { message: "Pick what kind of problem it is" }),
      what: text(200),
      spot: text(80),
      /** Did the customer have to ask before anyone told them? Then the heads-up came late. */
      customerAskedFirst: z.boolean(),
    }),
  }),
  reason_explained: z.object({
    type: z.literal("reason_explained"),
    data: z.object({
      reason: text(300),
      /** The words said, as the phrase coach read them. */
      words: optionalText(500),
      /** The staff member's own tick: the plain, true reason, with no excuse or blame in it. */
      trueReason: z.boolean(),
    }),
  }),
  options_offered: z.object({
    type: z.literal("options_offered"),
    data: z.object({ options: z.array(headsUpOptionSchema).check(z.minLength(1, "Offer at least one option"), z.maxLength(6)) }),
  }),
  customer_decided: z.object({
    type: z.literal("customer_decided"),
    data: z.object({
      choice: z.enum(HEADS_UP_CHOICES, { message: "Pick what the customer chose" }),
      /** The option they chose, as it was offered. */
      option: text(200),
      note: optionalText(500),
    }),
  }),
  gesture_offered: z.object({
    type: z.literal("gesture_offered"),
    data: z.object({
      id,
      ...remedyTermsSchema.shape,
      /** Written in by the server from the acting person's role, never taken from the tablet. */
      authorityLimitCents: z.optional(z.int().check(z.minimum(0), z.maximum(100_000_000))),
    }),
  }),
  choice_confirmed: z.object({
    type: z.literal("choice_confirmed"),
    data: z.object({ accepted: z.boolean(), comment: optionalText(500) }),
  }),
  prevention_noted: z.object({
    type: z.literal("prevention_noted"),
    data: z.object({
      tags: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))).check(z.maxLength(5)),
      note: optionalText(1000),
    }),
  }),
  heads_up_closed: z.object({ type: z.literal("heads_up_closed"), data: z.object({}) }),
  complaint_started: z.object({
    type: z.literal("complaint_started"),
    data: z.object({ complaintCaseId: id, complaintReference: text(20) }),
  }),
  heads_up_abandoned: z.object({ type: z.literal("heads_up_abandoned"), data: z.object({ reason: text(300) }) }),
  heads_up_note_added: z.object({ type: z.literal("heads_up_note_added"), data: z.object({ text: text(1000) }) }),
} as const;

export type HeadsUpEventType = keyof typeof headsUpEventSchemas;
export const HEADS_UP_EVENT_TYPES = Object.keys(headsUpEventSchemas) as HeadsUpEventType[];

export const headsUpEventSchema = z.discriminatedUnion("type", [
  headsUpEventSchemas.heads_up_opened,
  headsUpEventSchemas.issue_noticed,
  headsUpEventSchemas.reason_explained,
  headsUpEventSchemas.options_offered,
  headsUpEventSchemas.customer_decided,
  headsUpEventSchemas.gesture_offered,
  headsUpEventSchemas.choice_confirmed,
  headsUpEventSchemas.prevention_noted,
  headsUpEventSchemas.heads_up_closed,
  headsUpEventSchemas.complaint_started,
  headsUpEventSchemas.heads_up_abandoned,
  headsUpEventSchemas.heads_up_note_added,
]);
export type HeadsUpEvent = z.infer<typeof headsUpEventSchema>;
export type HeadsUpEventOf<T extends HeadsUpEventType> = Extract<HeadsUpEvent, { type: T }>;

/** A heads-up event as the log stores it: who did it and when (the same envelope as a complaint's). */
export type RecordedHeadsUpEvent = HeadsUpEvent & { at: Date; actor: Actor };
