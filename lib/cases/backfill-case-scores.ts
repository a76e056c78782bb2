import "server-only";
import type { Db } from "@/lib/db/client";
import type { RecordedEvent } from "@/lib/playbook";
import { toRecordedEvent } from "./case-log";
import { rubricColumns } from "./case-score";

const ENDED = ["closed", "abandoned"];

/**
 * Writes the stored rubric (docs/decisions/0037) of every ended real case whose columns do not
 * describe its whole log: the cases ended before the columns existed. Through the same scoring
 * code as the append (rubricColumns). Batches in id order; each case's write is refused if a step
 * was appended since its log was read (that append scored it). Safe to run again: returns how many
 * cases it scored, 0 once all are.
 */
export async function backfillCaseScores(db: Db, { batch = 250 }: { batch?: number } = {}): Promise<number> {
  let scored = 0;
  let after = "";
  for (;;) {
    const cases = await db.case.findMany({
      where: { id: { gt: after }, isPractice: false, status: { in: ENDED } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, eventCount: true, rubricSequence: true },
    });
    if (cases.length === 0) return scored;
    after = cases[cases.length - 1].id;
    const stale = cases.filter((c) => c.rubricSequence !== c.eventCount).map((c) => c.id);
    if (stale.length === 0) continue;
    const logs = new Map<string, RecordedEvent[]>(stale.map((id) => [id, []]));
    const rows = await db.caseEvent.findMany({
      where: { caseId: { in: stale } },
      orderBy: [{ caseId: "asc" }, { sequence: "asc" }],
      select: { caseId: true, type: true, payload: true, at: true, actorId: true, actorRole: true },
    });
    for (const row of rows) logs.get(row.caseId)?.push(toRecordedEvent(row));
    const writes = [...logs].map(([id, log]) => db.case.updateMany({ where: { id, eventCount: log.length }, data: rubricColumns(log) }));
    const results = await db.$transaction(writes);
    scored += results.reduce((sum, r) => sum + r.count, 0);
  }
}
