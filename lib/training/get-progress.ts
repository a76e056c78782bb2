import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { addDays, localDate, mondayOf, startOfLocalDate, DEFAULT_TIMEZONE } from "@/lib/manager/time";
import { RUBRIC_ITEMS, type RubricItemId } from "@/lib/playbook/rubric";
import { parseInput } from "@/lib/validation";
import { ENDED_STATUSES, idSchema, isEnded, scopeTo, scoreCases } from "./common";
import { scorePracticeRuns } from "./practice-scores";

export const progressSchema = z.object({
  location: idSchema.optional(),
  weeks: z.coerce.number().int().min(4, "At least 4 weeks").max(52, "At most 52 weeks").default(12),
});

type ItemTally = { met: number; missed: number };

/**
 * Each person's rubric scores over time at the viewer's locations: real, ended cases, averaged
 * per week (weeks start on Monday). Practice runs are shown beside them, never mixed in.
 */
export async function getProgress(db: Db, actor: Actor, input: unknown = {}, now: Date = new Date()) {
  assertCan(actor, "trainer.progress");
  const query = parseInput(progressSchema, input);
  const locationIds = scopeTo(actor, query.location);
  const lastWeek = mondayOf(localDate(now, DEFAULT_TIMEZONE));
  const weeks = Array.from({ length: query.weeks }, (_, i) => addDays(lastWeek, -7 * (query.weeks - 1 - i)));
  const since = startOfLocalDate(weeks[0], DEFAULT_TIMEZONE);

  const [rows, locations, practiceRuns] = await Promise.all([
    db.case.findMany({
      where: {
        locationId: { in: locationIds },
        isPractice: false,
        status: { in: [...ENDED_STATUSES] },
        openedAt: { gte: since, lte: now },
      },
      orderBy: { openedAt: "asc" },
      select: { id: true, openedAt: true, openedBy: { select: { id: true, name: true } } },
    }),
    db.location.findMany({ where: { id: { in: actor.locationIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.practiceRun.findMany({
      where: { practiceCase: { locationId: { in: locationIds } }, startedAt: { gte: since, lte: now } },
      select: {
        practiceCaseId: true,
        sourceCaseId: true,
        traineeId: true,
        trainee: { select: { name: true } },
        practiceCase: { select: { status: true } },
      },
    }),
  ]);
  const endedRuns = practiceRuns.filter((r) => isEnded(r.practiceCase.status));
  const practiceScores = await scorePracticeRuns(db, endedRuns);
  // Scored from the logs, not read off the rows' stored rubric (docs/decisions/0037, Later): the
  // per-item tallies below need which items each case met, and the row stores only how many.
  const scores = await scoreCases(
    db,
    rows.map((r) => r.id),
  );

  type Person = {
    id: string;
    name: string;
    sums: number[];
    counts: number[];
    scores: number[];
    practice: number[];
    items: Record<RubricItemId, ItemTally>;
  };
  const people = new Map<string, Person>();
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const personFor = (id: string, name: string): Person => {
    let person = people.get(id);
    if (!person) {
      person = {
        id,
        name,
        sums: weeks.map(() => 0),
        counts: weeks.map(() => 0),
        scores: [],
        practice: [],
        items: Object.fromEntries(RUBRIC_ITEMS.map((item) => [item, { met: 0, missed: 0 }])) as Record<RubricItemId, ItemTally>,
      };
      people.set(id, person);
    }
    return person;
  };
  for (const run of endedRuns) {
    const score = practiceScores.get(run.practiceCaseId)?.score;
    if (score !== null && score !== undefined) personFor(run.traineeId, run.trainee.name).practice.push(score);
  }
  for (const row of rows) {
    const rubric = scores.get(row.id);
    if (!rubric || rubric.score === null) continue;
    const i = weekIndex.get(mondayOf(localDate(row.openedAt, DEFAULT_TIMEZONE)));
    if (i === undefined) continue;
    const person = personFor(row.openedBy.id, row.openedBy.name);
    person.sums[i] += rubric.score;
    person.counts[i] += 1;
    person.scores.push(rubric.score);
    for (const item of rubric.items) {
      if (item.outcome === "met") person.items[item.id].met += 1;
      if (item.outcome === "missed") person.items[item.id].missed += 1;
    }
  }

  const average = (values: number[]) => (values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null);
  return {
    query,
    weeks,
    locations,
    people: [...people.values()]
      .map((p) => {
        const half = Math.floor(p.scores.length / 2);
        const earlier = average(p.scores.slice(0, half));
        const later = average(p.scores.slice(half));
        const weakest = RUBRIC_ITEMS.map((id) => ({ id, ...p.items[id] }))
          .filter((t) => t.missed > 0)
          .sort((a, b) => b.missed / (b.met + b.missed) - a.missed / (a.met + a.missed) || b.missed - a.missed)[0];
        return {
          id: p.id,
          name: p.name,
          cases: p.scores.length,
          average: average(p.scores),
          /** Average of the later half of their cases minus the earlier half (null with fewer than 2). */
          trend: earlier === null || later === null ? null : later - earlier,
          weekly: p.counts.map((n, i) => (n ? Math.round(p.sums[i] / n) : null)),
          counts: p.counts,
          items: p.items,
          focus: weakest ? weakest.id : null,
          /** Practice runs in the same weeks: shown beside real cases, never mixed into them. */
          practice: { runs: p.practice.length, average: average(p.practice) },
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
export type Progress = Awaited<ReturnType<typeof getProgress>>;
export type PersonProgress = Progress["people"][number];
