import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent } from "@/lib/cases/append-event";
import { clientEventIdSchema, type AppendResult } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { eventSchemas } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { assertManagesCase } from "./scope";

const data = eventSchemas.action_updated.shape.data;

export const updateActionSchema = z
  .object({
    clientEventId: clientEventIdSchema,
    actionId: data.shape.actionId,
    status: data.shape.status,
    owner: data.shape.owner,
    dueAt: data.shape.dueAt,
    note: data.shape.note,
  })
  .refine((d) => d.status !== undefined || d.owner !== undefined || d.dueAt !== undefined, {
    message: "Change the status, the owner or the due date",
  });

/** Follows up an agreed action (done, new owner, new due date): an action_updated event by the manager. */
export async function updateAction(
  db: Db,
  actor: Actor,
  caseId: string,
  input: unknown,
  now: () => Date = () => new Date(),
): Promise<AppendResult> {
  const { clientEventId, ...change } = parseInput(updateActionSchema, input);
  await assertManagesCase(db, actor, caseId);
  return appendEvent(db, actor, caseId, { clientEventId, event: { type: "action_updated", data: change } }, now);
}
