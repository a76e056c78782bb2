import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent, findRecordedResult } from "@/lib/cases/append-event";
import { loadCurrentState } from "@/lib/cases/case-log";
import { clientEventIdSchema, type AppendResult } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { transition } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { assertManagesCase } from "./scope";

export const closeCaseSchema = z.object({
  clientEventId: clientEventIdSchema.refine((s) => s.length <= 58, "clientEventId must be at most 58 characters"),
  reason: z.string().trim().max(500, "At most 500 characters").optional(),
});

/**
 * Closes a case when the playbook allows it (at Prevent, with a root cause tagged). A reason,
 * if given, is recorded first as a manager's note; both steps are idempotent by client id.
 */
export async function closeCase(
  db: Db,
  actor: Actor,
  caseId: string,
  input: unknown,
  now: () => Date = () => new Date(),
): Promise<AppendResult> {
  const { clientEventId, reason } = parseInput(closeCaseSchema, input);
  await assertManagesCase(db, actor, caseId);

  const earlier = await findRecordedResult(db, clientEventId, "case_closed", "{}", caseId);
  if (earlier) return earlier;
  const state = await loadCurrentState(db, caseId);
  const check = transition(state, { type: "case_closed", data: {}, at: now(), actor: { id: actor.id, role: actor.role } });
  if (!check.ok) throw new AppError("playbook_refused", check.reason, { refusal: check.code, phase: state.phase });

  if (reason) {
    await appendEvent(
      db,
      actor,
      caseId,
      { clientEventId: `${clientEventId}-note`, event: { type: "manager_note_added", data: { text: `Closing: ${reason}` } } },
      now,
    );
  }
  return appendEvent(db, actor, caseId, { clientEventId, event: { type: "case_closed", data: {} } }, now);
}
