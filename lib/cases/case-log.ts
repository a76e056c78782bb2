import "server-only";
import type { Db } from "@/lib/db/client";
import { decodeState, fold, playbookEventSchema, ROLES, type CaseState, type RecordedEvent, type Role } from "@/lib/playbook";

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

/** The columns of a Case row that hold its stored state (docs/decisions/0023). */
export type StoredState = { eventCount: number; stateSnapshot: string | null; stateSequence: number | null };
export const storedStateSelect = { eventCount: true, stateSnapshot: true, stateSequence: true } as const;

/**
 * The case's state from the snapshot on its row, or null when there is none or it is stale (it
 * does not describe as many events as the projection says are stored: a row written before the
 * snapshot existed, or by a writer that does not keep it). The caller then folds the log.
 */
export function snapshotState(row: StoredState): CaseState | null {
  if (row.stateSnapshot === null || row.stateSequence === null || row.stateSequence !== row.eventCount) return null;
  const state = decodeState(row.stateSnapshot);
  return state.eventCount === row.stateSequence ? state : null;
}

/**
 * The case's state: from its snapshot when it is current, else the fold of its log. For reads that
 * decide a step: a snapshot has no notes (lib/playbook/snapshot.ts), so whatever shows them folds the log.
 */
export async function loadCurrentState(db: Pick<Db, "case" | "caseEvent">, caseId: string): Promise<CaseState> {
  const row = await db.case.findUnique({ where: { id: caseId }, select: storedStateSelect });
  return (row && snapshotState(row)) ?? (await loadCaseState(db, caseId)).state;
}
