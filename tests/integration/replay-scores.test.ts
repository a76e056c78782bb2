// The trainer's rubric stored on each ended case (docs/decisions/0037): always the fold's score of
// the stored log, kept right by the steps after closing, backfilled for older cases, and read by
// the replay list's score filters and sort over every case, not the newest few hundred.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { backfillCaseScores } from "@/lib/cases/backfill-case-scores";
import { loadCaseLog } from "@/lib/cases/case-log";
import { missedFromColumn, rubricColumns } from "@/lib/cases/case-score";
import { checkCaseLogs } from "@/lib/cases/check-case-logs";
import type { Db } from "@/lib/db/client";
import { fold } from "@/lib/playbook";
import { listReplayCases } from "@/lib/training/list-replay-cases";
import { scoreForTrainer } from "@/lib/training/common";
import { actorFor } from "@/tests/support/actors";
import { randomCaseLogs, writeCaseLog } from "@/tests/support/random-case-log";
import { recordCase } from "@/tests/support/record-case";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();
// The 600-case test's own database: only its cases in it.
const { db: many } = await createTestDb();
const amira = actorFor("usr-amira");
const maria = actorFor("usr-maria");
const tara = actorFor("usr-tara");
const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

async function storedRubric(db: Db, caseId: string) {
  const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  return {
    rubricScore: row.rubricScore,
    rubricMet: row.rubricMet,
    rubricApplicable: row.rubricApplicable,
    rubricMissed: row.rubricMissed,
    rubricSequence: row.rubricSequence,
  };
}

describe("the stored rubric", () => {
  it("always equals the fold's score of the stored log, for random event sequences", async () => {
    let run = 0;
    let ended = 0;
    await fc.assert(
      fc.asyncProperty(randomCaseLogs(), async (generated) => {
        const [caseId] = (await writeCaseLog([db], generated, `R${run++}`)).caseIds;
        const log = await loadCaseLog(db, caseId);
        const state = fold(log);
        const stored = await storedRubric(db, caseId);
        expect(stored).toEqual(rubricColumns(log, state));
        if (state.phase === "closed" || state.phase === "abandoned") {
          ended++;
          // What the replay page has always shown for the case: scoreForTrainer of its log.
          const rubric = scoreForTrainer(log);
          expect(stored.rubricScore).toBe(rubric.score);
          expect(stored.rubricSequence).toBe(log.length);
          expect(missedFromColumn(stored.rubricMissed)).toEqual(rubric.items.filter((i) => i.outcome === "missed").map((i) => i.id));
        } else {
          expect(stored.rubricSequence).toBeNull();
        }
      }),
      { numRuns: 50 },
    );
    // Some of the random cases ended, or the property says little about the stored score.
    expect(ended).toBeGreaterThan(0);
  }, 180_000);

  it("follows the steps after closing: a late note rescored, a reopening cleared, a second close scored again", async () => {
    const { caseId } = await recordCase(db, { staff: amira, manager: maria, at: minutesAgo(60 * 24) });
    const closed = await storedRubric(db, caseId);
    expect(closed.rubricSequence).not.toBeNull();
    const step = async (event: Parameters<typeof appendEvent>[3], at: Date) => appendEvent(db, maria, caseId, event, () => at);

    await step(
      { clientEventId: randomUUID(), event: { type: "manager_note_added", data: { text: "Talked it through with Amira." } } },
      minutesAgo(60),
    );
    const noted = await storedRubric(db, caseId);
    expect(noted.rubricSequence).toBe((closed.rubricSequence ?? 0) + 1);
    expect(noted).toEqual(rubricColumns(await loadCaseLog(db, caseId)));

    await step(
      { clientEventId: randomUUID(), event: { type: "case_reopened", data: { reason: "The customer wrote in again." } } },
      minutesAgo(50),
    );
    expect((await storedRubric(db, caseId)).rubricSequence).toBeNull();
    expect((await listReplayCases(db, tara, { minScore: "0" })).rows.map((r) => r.id)).not.toContain(caseId);

    await step({ clientEventId: randomUUID(), event: { type: "case_closed", data: {} } }, minutesAgo(40));
    const again = await storedRubric(db, caseId);
    expect(again).toEqual(rubricColumns(await loadCaseLog(db, caseId)));
    expect(again.rubricSequence).toBe((closed.rubricSequence ?? 0) + 3);
    expect((await checkCaseLogs(db, [caseId])).problems).toEqual([]);
  });

  it("is backfilled for ended cases that have none, through the same scoring, and the check finds a wrong one", async () => {
    const { caseId } = await recordCase(db, {
      staff: amira,
      manager: maria,
      at: minutesAgo(60 * 30),
      edit: (e) => (e.type === "apology_given" ? { ...e, data: { ...e.data, words: "Sorry, but we are short staffed." } } : e),
    });
    const expected = await storedRubric(db, caseId);
    await db.case.update({ where: { id: caseId }, data: { rubricScore: 100, rubricMissed: ",,", rubricSequence: 3 } });
    expect((await checkCaseLogs(db, [caseId])).problems.join()).toMatch(/rubric/);
    await db.case.update({
      where: { id: caseId },
      data: { rubricScore: null, rubricMet: null, rubricApplicable: null, rubricMissed: null, rubricSequence: null },
    });
    expect(await backfillCaseScores(db)).toBeGreaterThanOrEqual(1);
    expect(await storedRubric(db, caseId)).toEqual(expected);
    // Run again, nothing is left to score.
    expect(await backfillCaseScores(db)).toBe(0);
  });
});

describe("score filters and the order by score cover every case", () => {
  const CLONES = 650;

  let oldLow: string;

  beforeAll(async () => {
    // A low-scoring case closed long ago, then more than 600 well-handled cases closed after it.
    oldLow = (
      await recordCase(many, {
        staff: amira,
        manager: maria,
        at: new Date(NOW.getTime() - 200 * 24 * 3_600_000),
        edit: (e) =>
          e.type === "apology_given" ? { ...e, data: { ...e.data, words: "Sorry, we are short staffed tonight, calm down." } } : e,
        options: { severity: 4, compensationCents: 500 },
      })
    ).caseId;
    const good = (await recordCase(many, { staff: amira, manager: maria, at: minutesAgo(60 * 24 * 100) })).caseId;
    // The good case copied as is (its log, and its row with the rubric the append stored for it), each closed a minute later.
    const row = await many.case.findUniqueOrThrow({ where: { id: good } });
    const events = await many.caseEvent.findMany({ where: { caseId: good }, orderBy: { sequence: "asc" } });
    const rows = [];
    const log = [];
    for (let i = 0; i < CLONES; i++) {
      const id = `clone${i.toString().padStart(5, "0")}`;
      const shift = (i + 1) * 60_000;
      const later = (d: Date | null) => (d ? new Date(d.getTime() + shift) : d);
      rows.push({
        ...row,
        id,
        reference: `CL-${i}`,
        openedAt: later(row.openedAt) as Date,
        closedAt: later(row.closedAt),
        lastEventAt: later(row.lastEventAt) as Date,
        firstApologyAt: later(row.firstApologyAt),
        resolvedAt: later(row.resolvedAt),
        stateSnapshot: null,
        stateSequence: null,
      });
      for (const e of events)
        log.push({ ...e, id: `${id}-${e.sequence}`, caseId: id, clientEventId: `${id}-${e.sequence}`, at: later(e.at) as Date });
    }
    await many.case.createMany({ data: rows });
    for (let i = 0; i < log.length; i += 2000) await many.caseEvent.createMany({ data: log.slice(i, i + 2000) });
  }, 180_000);

  it("finds a low-scoring case older than 600 newer ended cases", async () => {
    expect((await many.case.count({ where: { status: "closed", isPractice: false } })).valueOf()).toBeGreaterThan(600);
    const score = scoreForTrainer(await loadCaseLog(many, oldLow)).score ?? 100;
    expect(score).toBeLessThan(100);
    const low = await listReplayCases(many, tara, { maxScore: String(score) });
    expect(low.rows.map((r) => r.id)).toEqual([oldLow]);
    expect(low.rows.map((r) => r.id)).toContain(oldLow);
    expect(low.rows[0].score).toBe(score);
    const missed = await listReplayCases(many, tara, { missed: "apology_no_excuses" });
    expect(missed.rows.map((r) => r.id)).toEqual([oldLow]);
    // The lowest score first, over every case: the old one leads.
    const lowest = await listReplayCases(many, tara, { sort: "score_low" });
    expect(lowest.rows[0].id).toBe(oldLow);
    expect(lowest.total).toBeGreaterThan(CLONES);
    const scores = lowest.rows.map((r) => r.score ?? 101);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    // The highest first, paginated to the end: the old low case is on the last page.
    const highest = await listReplayCases(many, tara, { sort: "score_high" });
    const last = await listReplayCases(many, tara, { sort: "score_high", page: String(highest.pageCount) });
    expect(last.rows.map((r) => r.id)).toContain(oldLow);
  }, 60_000);
});
