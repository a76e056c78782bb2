import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent } from "@/lib/cases/append-event";
import { clientEventIdSchema, type AppendResult } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import { assertManagesCase } from "./scope";

export const reopenCaseSchema = z.object({
  clientEventId: clientEventIdSchema,
  reason: z.string().trim().min(3, "Say why the case is reopened").max(500, "At most 500 characters"),
});

/** Reopens a closed or abandoned case with a reason: a case_reopened event. */
export async function reopenCase(
  db: Db,
  actor: Actor,
  caseId: string,
  input: unknown,
  now: () => Date = () => new Date(),
): Promise<AppendResult> {
  const { clientEventId, reason } = parseInput(reopenCaseSchema, input);
  await assertManagesCase(db, actor, caseId);
  return appendEvent(db, actor, caseId, { clientEventId, event: { type: "case_reopened", data: { reason } } }, now);
}
