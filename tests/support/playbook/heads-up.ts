// Test helpers shared by the heads-up playbook's unit tests, the integration tests and the seed.
import type { Actor } from "@/lib/playbook/events";
import type { HeadsUpEvent, HeadsUpEventOf, HeadsUpEventType, RecordedHeadsUpEvent } from "@/lib/playbook/heads-up/events";

export const recordedHeadsUp = (event: HeadsUpEvent, at: Date, actor: Actor): RecordedHeadsUpEvent => ({ ...event, at, actor });

/** A valid-looking event of every type (guards aside, which depend on the state). */
export const HEADS_UP_SAMPLE: { [T in HeadsUpEventType]: HeadsUpEventOf<T> } = {
  heads_up_opened: { type: "heads_up_opened", data: { reference: "H-0001", locationId: "location-1" } },
  issue_noticed: {
    type: "issue_noticed",
    data: { kind: "sold_out", what: "The salmon is sold out", spot: "Table 4", customerAskedFirst: false },
  },
  reason_explained: { type: "reason_explained", data: { reason: "It has been more popular than ever tonight", trueReason: true } },
  options_offered: {
    type: "options_offered",
    data: {
      options: [
        { choice: "change", text: "The sea bass, cooked the same way" },
        { choice: "wait", text: "Wait 20 minutes for the last fillet from the smoker" },
      ],
    },
  },
  customer_decided: { type: "customer_decided", data: { choice: "change", option: "The sea bass, cooked the same way" } },
  gesture_offered: {
    type: "gesture_offered",
    data: { id: "gesture-1", kind: "gesture", description: "A glass of wine on us", valueCents: 600 },
  },
  choice_confirmed: { type: "choice_confirmed", data: { accepted: true } },
  prevention_noted: { type: "prevention_noted", data: { tags: ["stock"], note: "Order two more sides of salmon for Fridays" } },
  heads_up_closed: { type: "heads_up_closed", data: {} },
  complaint_started: { type: "complaint_started", data: { complaintCaseId: "case-9", complaintReference: "C-0009" } },
  heads_up_abandoned: { type: "heads_up_abandoned", data: { reason: "The table had already left." } },
  heads_up_note_added: { type: "heads_up_note_added", data: { text: "Regulars; they like the window table." } },
};

/** The plain walk, start to close: Notice → Explain → Offer → Decide → Confirm → Prevent → closed. */
export const HEADS_UP_WALK: HeadsUpEventType[] = [
  "heads_up_opened",
  "issue_noticed",
  "reason_explained",
  "options_offered",
  "customer_decided",
  "choice_confirmed",
  "prevention_noted",
  "heads_up_closed",
];
