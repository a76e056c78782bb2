import "server-only";
import type { Db } from "@/lib/db/client";
import { fold, playbookEventSchema, ROLES, type CaseState, type RecordedEvent, type Role } from "@/lib/playbook";

type StoredEvent = { type: string; payload: string; at: Date; actorId: string; actorRole: string };

/** Rebuilds a stored row into the playbook's event; the log was validated when written. */
export function toRecordedEvent(row: StoredEvent): RecordedEvent {
  const event = playbookEventSchema.parse({ type: row.type, data: JSON.parse(row.payload) });
  const role: Role = ROLES.includes(row.actorRole as Role) ? (row.actorRole as Role) : "staff";
  return { ...event, at: row.at, actor: { id: row.actorId, role } };
}

export async function loadCaseLog(db: Pick<Db, "caseEvent">, caseId: string): Promise<RecordedEvent[]> {
  const rows = await db.caseEvent.findMany({ where: { caseId }, orderBy: { sequence: "asc" } });
  return rows.map(toRecordedEvent);
}

export async function loadCaseState(db: Pick<Db, "caseEvent">, caseId: string): Promise<{ log: RecordedEvent[]; state: CaseState }> {
  const log = await loadCaseLog(db, caseId);
  return { log, state: fold(log) };
}
