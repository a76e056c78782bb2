import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent } from "@/lib/cases/append-event";
import { clientEventIdSchema, type AppendResult } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { eventSchemas } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { assertManagesCase } from "./scope";

export const managerNoteSchema = z.object({
  clientEventId: clientEventIdSchema,
  text: eventSchemas.manager_note_added.shape.data.shape.text,
});

/** A manager's note on a case, at any point in its life (also after it is closed). */
export async function addManagerNote(
  db: Db,
  actor: Actor,
  caseId: string,
  input: unknown,
  now: () => Date = () => new Date(),
): Promise<AppendResult> {
  const { clientEventId, text } = parseInput(managerNoteSchema, input);
  await assertManagesCase(db, actor, caseId);
  return appendEvent(db, actor, caseId, { clientEventId, event: { type: "manager_note_added", data: { text } } }, now);
}
