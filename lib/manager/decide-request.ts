import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent, findRecordedResult } from "@/lib/cases/append-event";
import { loadCurrentState } from "@/lib/cases/case-log";
import { clientEventIdSchema, type AppendResult } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { COMPENSATION_KINDS } from "@/lib/playbook";
import { decisionFor } from "@/lib/cases/manager-decision";
import { parseInput } from "@/lib/validation";
import { assertManagesCase } from "./scope";

/** A remedy a manager approves instead of the one asked for (a counter-offer). */
export const counterOfferSchema = z.object({
  kind: z.enum(COMPENSATION_KINDS, { message: "Pick the kind of remedy" }),
  description: z.string().trim().min(1, "Say what you approve, in words the customer will read").max(200, "At most 200 characters"),
  valueCents: z.number().int("Whole pence").min(0, "Not below zero").max(10_000_000, "Too large"),
});

export const managerDecisionSchema = z
  .object({
    clientEventId: clientEventIdSchema,
    decision: z.enum(["approved", "declined"], { message: "Approve or decline" }),
    note: z.string().trim().max(500, "At most 500 characters").optional(),
    option: z.string().trim().max(200, "At most 200 characters").optional(),
    /** With an approval of a remedy: what is approved, when it is not what was asked. */
    remedy: counterOfferSchema.optional(),
  })
  .transform((d) => ({ ...d, note: d.note || undefined, option: d.option || undefined }))
  .refine((d) => d.decision === "approved" || d.note, {
    message: "Say why you are declining, so the staff member can tell the customer",
    path: ["note"],
  });

/**
 * A manager's answer to a request from the floor, given from the desk: approve, decline, or
 * approve another remedy (up to their own limit, with a note). Recorded as the manager's own
 * manager_decided event; the tablet sees it on its next poll. Sending the same clientEventId
 * again returns the first answer (a double tap records one decision).
 */
export async function decideRequest(
  db: Db,
  actor: Actor,
  caseId: string,
  input: unknown,
  now: () => Date = () => new Date(),
): Promise<AppendResult> {
  const { clientEventId, ...decision } = parseInput(managerDecisionSchema, input);
  await assertManagesCase(db, actor, caseId);
  // A double tap or a retry: the decision is recorded already (with the remedy it approved filled in).
  const earlier = await findRecordedResult(db, clientEventId, "manager_decided", null, caseId);
  if (earlier) return earlier;
  const state = await loadCurrentState(db, caseId);
  return appendEvent(db, actor, caseId, { clientEventId, event: { type: "manager_decided", data: decisionFor(state, decision) } }, now);
}
