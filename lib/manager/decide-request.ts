import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent } from "@/lib/cases/append-event";
import { loadCaseState } from "@/lib/cases/case-log";
import { clientEventIdSchema, type AppendResult } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertManagesCase } from "./scope";

export const managerDecisionSchema = z
  .object({
    clientEventId: clientEventIdSchema,
    decision: z.enum(["approved", "declined"], { message: "Approve or decline" }),
    note: z.string().trim().max(500, "At most 500 characters").optional(),
    option: z.string().trim().max(200, "At most 200 characters").optional(),
  })
  .transform((d) => ({ ...d, note: d.note || undefined, option: d.option || undefined }))
  .refine((d) => d.decision === "approved" || d.note, {
    message: "Say why you are declining, so the staff member can tell the customer",
    path: ["note"],
  });

/**
 * A manager's answer to a request from the floor, given from the desk. Recorded as the
 * manager's own manager_decided event; the tablet sees it on its next poll. Sending the same
 * clientEventId again returns the first answer (a double tap records one decision).
 */
export async function decideRequest(db: Db, actor: Actor, caseId: string, input: unknown, now: () => Date = () => new Date()): Promise<AppendResult> {
  const { clientEventId, decision, note, option } = parseInput(managerDecisionSchema, input);
  await assertManagesCase(db, actor, caseId);
  if (option) {
    const { state } = await loadCaseState(db, caseId);
    if (state.pendingManager?.kind === "remedy") {
      throw new AppError("invalid_input", "An option can be added only when a manager is called to the table, not for a remedy approval.", {
        fields: { option: "Not for a remedy approval" },
      });
    }
    if (decision === "declined") {
      throw new AppError("invalid_input", "An option can be offered only with an approval.", { fields: { option: "Only with an approval" } });
    }
  }
  return appendEvent(db, actor, caseId, { clientEventId, event: { type: "manager_decided", data: { decision, note, option } } }, now);
}
