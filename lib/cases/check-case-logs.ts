import "server-only";
import { loadCaseLog, snapshotState } from "@/lib/cases/case-log";
import { rubricColumns } from "@/lib/cases/case-score";
import type { Db } from "@/lib/db/client";
import { canonicalState, fold, projectCase, withoutNotes } from "@/lib/playbook";

/** What is stored for a case, in the shape `projectCase` produces (as in tests/integration/projection-property.test.ts). */
export async function storedProjection(db: Db, caseId: string, rowKeys: readonly string[]) {
  const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  const actions = await db.agreedAction.findMany({ where: { caseId }, orderBy: { id: "asc" } });
  const tags = await db.caseRootCause.findMany({ where: { caseId }, include: { tag: true } });
  const compensation = await db.compensation.findMany({ where: { caseId }, orderBy: { id: "asc" } });
  const picked: Record<string, unknown> = {};
  for (const key of rowKeys) picked[key] = row[key as keyof typeof row];
  return {
    row: picked,
    actions: actions.map(({ caseId: _c, ...a }) => a),
    rootCauseSlugs: tags.map((t) => t.tag.slug).sort(),
    // The case's fields copied onto each root-cause row for the insights, one entry per tag.
    rootCauseScopes: tags.map((t) => ({
      locationId: t.locationId,
      isPractice: t.isPractice,
      openedAt: t.openedAt,
      openedLocalDay: t.openedLocalDay,
    })),
    compensation: compensation.map(({ caseId: _c, ...c }) => c),
  };
}

/** The projection as the fold of the stored log says it should be (on its location's clock), in the same shape and order. */
export async function foldedProjection(db: Db, caseId: string) {
  const { location } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { location: { select: { timezone: true } } } });
  const projection = projectCase(fold(await loadCaseLog(db, caseId)), { timeZone: location.timezone });
  return {
    row: projection.row as Record<string, unknown>,
    actions: [...projection.actions].sort((a, b) => a.id.localeCompare(b.id)),
    rootCauseSlugs: [...projection.rootCauseSlugs].sort(),
    rootCauseScopes: projection.rootCauseSlugs.map(() => projection.rootCauseScope),
    compensation: [...projection.compensation].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

const RUBRIC_SELECT = { rubricScore: true, rubricMet: true, rubricApplicable: true, rubricMissed: true, rubricSequence: true } as const;

// BigInt columns (the insights' durations and remedy sum) have no JSON form of their own.
const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
const same = (a: unknown, b: unknown) => json(a) === json(b);

/**
 * Checks every case in the database: its events are numbered 1..n with no gap or repeat, and its
 * stored projection (Case row with its precomputed insight columns, actions, root causes with
 * their copies of the case's fields, compensation) equals the fold of its events; and its stored
 * state (docs/decisions/0023), when there is one for as many events as are stored, is that fold;
 * and its stored rubric (docs/decisions/0037) is the score of its log.
 * A missing or older snapshot is not a problem: the next append folds the log and writes it.
 */
export async function checkCaseLogs(db: Db, caseIds?: readonly string[]): Promise<{ cases: number; events: number; problems: string[] }> {
  const problems: string[] = [];
  const cases = await db.case.findMany({
    where: caseIds ? { id: { in: [...caseIds] } } : undefined,
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let events = 0;
  for (const { id } of cases) {
    const sequences = (
      await db.caseEvent.findMany({ where: { caseId: id }, select: { sequence: true }, orderBy: { sequence: "asc" } })
    ).map((e) => e.sequence);
    events += sequences.length;
    if (!sequences.every((s, i) => s === i + 1)) problems.push(`${id}: event sequence is ${sequences.join(",")}`);
    const folded = await foldedProjection(db, id);
    const stored = await storedProjection(db, id, Object.keys(folded.row));
    for (const part of ["row", "actions", "rootCauseSlugs", "rootCauseScopes", "compensation"] as const) {
      if (!same(stored[part], folded[part])) problems.push(`${id}: stored ${part} differs from the fold of its log`);
    }
    const snapshot = await db.case.findUniqueOrThrow({
      where: { id },
      select: { eventCount: true, stateSnapshot: true, stateSequence: true, ...RUBRIC_SELECT },
    });
    const { rubricScore, rubricMet, rubricApplicable, rubricMissed, rubricSequence } = snapshot;
    const rubric = { rubricScore, rubricMet, rubricApplicable, rubricMissed, rubricSequence };
    if (!same(rubric, rubricColumns(await loadCaseLog(db, id)))) problems.push(`${id}: stored rubric differs from the score of its log`);
    if (snapshot.stateSequence !== null && snapshot.stateSequence > sequences.length) {
      problems.push(`${id}: stored state is for event ${snapshot.stateSequence} of ${sequences.length}`);
    } else if (snapshot.stateSequence === sequences.length) {
      const state = snapshotState(snapshot);
      if (!state || canonicalState(state) !== canonicalState(withoutNotes(fold(await loadCaseLog(db, id))))) {
        problems.push(`${id}: stored state differs from the fold of its log`);
      }
    }
  }
  return { cases: cases.length, events, problems };
}
