import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCaseLog } from "@/lib/cases/case-log";
import { canonicalState, decodeState, fold, projectCase, withoutNotes } from "@/lib/playbook";
import { randomCaseLogs, writeCaseLog } from "@/tests/support/random-case-log";
import type { Db } from "@/lib/db/client";
import { createTestDb } from "../setup/test-db";

/** The demo venues keep London time: the projection needs the venue's clock for the case's day. */
const LONDON_VENUE = { timeZone: "Europe/London" };

const { db } = await createTestDb();

/** What is stored for a case, in the shape `projectCase` produces. */
async function storedProjection(db: Db, caseId: string) {
  const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  const actions = await db.agreedAction.findMany({ where: { caseId }, orderBy: { id: "asc" } });
  const tags = await db.caseRootCause.findMany({ where: { caseId }, include: { tag: true } });
  const compensation = await db.compensation.findMany({ where: { caseId }, orderBy: { id: "asc" } });
  return {
    row: {
      stage: row.stage,
      status: row.status,
      category: row.category,
      severity: row.severity,
      spot: row.spot,
      mood: row.mood,
      customerWords: row.customerWords,
      feeling: row.feeling,
      ourFault: row.ourFault,
      chosenSolution: row.chosenSolution,
      readbackAccepted: row.readbackAccepted,
      readbackOutcome: row.readbackOutcome,
      readbackRefusals: row.readbackRefusals,
      returnsToListen: row.returnsToListen,
      preventionNote: row.preventionNote,
      abandonReason: row.abandonReason,
      eventCount: row.eventCount,
      openedAt: row.openedAt,
      firstApologyAt: row.firstApologyAt,
      resolvedAt: row.resolvedAt,
      closedAt: row.closedAt,
      lastEventAt: row.lastEventAt,
      isPractice: row.isPractice,
      openedLocalDay: row.openedLocalDay,
      firstApologyMs: row.firstApologyMs,
      resolutionMs: row.resolutionMs,
      remedyCents: row.remedyCents,
    },
    rootCauseScopes: tags.map((t) => ({
      locationId: t.locationId,
      isPractice: t.isPractice,
      openedAt: t.openedAt,
      openedLocalDay: t.openedLocalDay,
    })),
    actions: actions.map(({ caseId: _c, ...a }) => a),
    rootCauseSlugs: tags.map((t) => t.tag.slug).sort(),
    compensation: compensation.map(({ caseId: _c, ...c }) => c),
  };
}

describe("the stored projection", () => {
  it("and the stored state always equals the fold of the stored events, for random event sequences", async () => {
    let run = 0;
    let appended = 0;
    await fc.assert(
      fc.asyncProperty(randomCaseLogs(), async (generated) => {
        const written = await writeCaseLog([db], generated, `P${run++}`);
        appended += written.appended;
        const [caseId] = written.caseIds;
        const log = await loadCaseLog(db, caseId);
        const expected = projectCase(fold(log), LONDON_VENUE);
        const stored = await storedProjection(db, caseId);
        expect(stored.row).toEqual(expected.row);
        expect(stored.actions).toEqual([...expected.actions].sort((a, b) => a.id.localeCompare(b.id)));
        expect(stored.rootCauseSlugs).toEqual([...expected.rootCauseSlugs].sort());
        // The insights read these copies instead of the case: they must match it on every row.
        expect(stored.rootCauseScopes).toEqual(expected.rootCauseSlugs.map(() => expected.rootCauseScope));
        expect(stored.compensation).toEqual([...expected.compensation].sort((a, b) => a.id.localeCompare(b.id)));
        expect(log.length).toBe(expected.row.eventCount);
        // The state an append starts from (docs/decisions/0023): the fold (less its notes), for as many events.
        const { stateSnapshot, stateSequence } = await db.case.findUniqueOrThrow({ where: { id: caseId } });
        expect(stateSequence).toBe(log.length);
        expect(canonicalState(decodeState(stateSnapshot ?? "null"))).toBe(canonicalState(withoutNotes(fold(log))));
      }),
      { numRuns: 60 },
    );
    // The logs were written, not refused wholesale: most of a walkthrough's steps are accepted.
    expect(appended).toBeGreaterThan(run);
    // Dozens of random cases through a real database: on a busy two-core box PostgreSQL's run takes ~25 s.
  }, 120_000);
});
