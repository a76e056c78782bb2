import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActionTimes, DayFigures } from "./insight-days";
import type { InsightScope } from "./insights";
import { dialectOf } from "./sql-dialect";

/**
 * What was prevented, next to the complaints (docs/decisions/0024): heads-ups raised, tables and
 * rooms told, how many of those still complained, and promises that ran late — told or not.
 * Same scope as every other figure: the venues, the venue-local days [from, to], no practice.
 */
export type PreventionFigures = {
  /** Floor-wide heads-ups raised on a day in range. */
  headsUpsRaised: number;
  /** Tables or rooms told (heads-up cases that reached Explain), opened on a day in range. */
  tablesTold: number;
  /** Of those, how many complained after all (their heads-up became a complaint case). */
  stillComplained: number;
  stillComplainedShare: number | null;
  /**
   * Agreed actions of the range's complaint cases whose promise broke: past due and still open
   * now, done after the time promised, or told late. `told`: someone went back to the customer
   * about it (a promise_update_told step); `notTold`: nobody did.
   */
  brokenPromises: { total: number; told: number; notTold: number; toldShare: number | null };
};

export type HeadsUpCounts = Omit<PreventionFigures, "brokenPromises">;

/** The heads-up figures, counted live from their own day indexes (a few rows a day at most). */
export async function headsUpFigures(db: Db, scope: InsightScope): Promise<HeadsUpCounts> {
  if (scope.locationIds.length === 0) return { headsUpsRaised: 0, tablesTold: 0, stillComplained: 0, stillComplainedShare: null };
  const inVenues = { in: scope.locationIds };
  const days = { gte: scope.from, lte: scope.to };
  const [headsUpsRaised, tablesTold, stillComplained] = await Promise.all([
    db.headsUpAlert.count({ where: { locationId: inVenues, raisedLocalDay: days } }),
    db.headsUpCase.count({ where: { locationId: inVenues, openedLocalDay: days, toldAt: { not: null } } }),
    db.headsUpCase.count({ where: { locationId: inVenues, openedLocalDay: days, toldAt: { not: null }, complaintCaseId: { not: null } } }),
  ]);
  return { headsUpsRaised, tablesTold, stillComplained, stillComplainedShare: tablesTold ? stillComplained / tablesTold : null };
}

/**
 * The broken promises of the days' cases (insight-days.ts keeps, per venue day, the actions done
 * late, the open actions' due times and the told actions), judged against `now` as
 * preventionFigures does: every late action, plus each told action that is not late.
 */
export function brokenPromisesOf(days: readonly DayFigures[], now: Date): PreventionFigures["brokenPromises"] {
  const at = now.getTime();
  const late = ([done, dueAt, completedAt]: ActionTimes) => (done === 0 ? dueAt < at : completedAt !== null && completedAt > dueAt);
  let total = 0;
  let told = 0;
  for (const d of days) {
    total += d.lateDone + d.openLate;
    for (const dueAt of d.openDue) if (dueAt < at) total += 1;
    for (const action of d.told) {
      told += 1;
      if (!late(action)) total += 1;
    }
  }
  return { total, told, notTold: total - told, toldShare: total ? told / total : null };
}

/**
 * The same figures counted from the scope at once, without the day cache: the reference the
 * tests compare the day figures with (and what the insights did before decision 31).
 */
export async function preventionFigures(db: Db, scope: InsightScope, now: Date): Promise<PreventionFigures> {
  if (scope.locationIds.length === 0) {
    return {
      headsUpsRaised: 0,
      tablesTold: 0,
      stillComplained: 0,
      stillComplainedShare: null,
      brokenPromises: { total: 0, told: 0, notTold: 0, toldShare: null },
    };
  }
  const inVenues = { in: scope.locationIds };
  const days = { gte: scope.from, lte: scope.to };
  const caseScope = { locationId: inVenues, openedLocalDay: days, isPractice: false };
  const [headsUpsRaised, tablesTold, stillComplained, lateRows, tellings] = await Promise.all([
    db.headsUpAlert.count({ where: { locationId: inVenues, raisedLocalDay: days } }),
    db.headsUpCase.count({ where: { locationId: inVenues, openedLocalDay: days, toldAt: { not: null } } }),
    db.headsUpCase.count({ where: { locationId: inVenues, openedLocalDay: days, toldAt: { not: null }, complaintCaseId: { not: null } } }),
    // Counted by the database: a year of a chain's cases holds ~100,000 actions, too many to load.
    // The scope's case ids come from the day index, each case's actions from the case-id index,
    // both covering (docs/decisions/0025). CROSS JOIN keeps SQLite in that order (it would
    // otherwise walk every late action and rescan the day range for each); PostgreSQL plans a
    // CROSS JOIN with a join condition as any inner join.
    db.$queryRaw<{ n: bigint | number }[]>(Prisma.sql`
      SELECT COUNT(*) AS n FROM "Case" c ${dialectOf(db).indexedBy("Case_insights_day_id_idx")}
      CROSS JOIN "AgreedAction" a ${dialectOf(db).indexedBy("AgreedAction_caseId_late_idx")}
      WHERE a."caseId" = c."id"
        AND c."openedLocalDay" >= ${scope.from} AND c."openedLocalDay" <= ${scope.to}
        AND c."locationId" IN (${Prisma.join(scope.locationIds)}) AND c."isPractice" = FALSE
        AND ${lateSql(now)}`),
    db.caseEvent.findMany({ where: { type: "promise_update_told", case: caseScope }, select: { caseId: true, payload: true } }),
  ]);
  const told = new Set(tellings.map((t) => `${t.caseId} ${actionIdOf(t.payload)}`));
  // The few actions someone went back about: told, and a broken promise even when not late.
  const toldActions = told.size
    ? await db.agreedAction.findMany({
        where: { id: { in: tellings.map((t) => actionIdOf(t.payload)).filter((id) => id !== "") }, case: caseScope },
        select: { id: true, caseId: true, status: true, dueAt: true, completedAt: true },
      })
    : [];
  let total = Number(lateRows[0]?.n ?? 0);
  let toldCount = 0;
  for (const a of toldActions) {
    if (!told.has(`${a.caseId} ${a.id}`)) continue;
    toldCount += 1;
    if (!isLate(a, now)) total += 1;
  }
  return {
    headsUpsRaised,
    tablesTold,
    stillComplained,
    stillComplainedShare: tablesTold ? stillComplained / tablesTold : null,
    brokenPromises: { total, told: toldCount, notTold: total - toldCount, toldShare: total ? toldCount / total : null },
  };
}

function actionIdOf(payload: string): string {
  const actionId = (JSON.parse(payload) as { actionId?: unknown }).actionId;
  return typeof actionId === "string" ? actionId : "";
}

/** A promise that ran late: past due and still open now, or done after the time promised. */
function isLate(a: { status: string; dueAt: Date; completedAt: Date | null }, now: Date): boolean {
  return (a.status === "open" && a.dueAt < now) || (a.status === "done" && a.completedAt !== null && a.completedAt > a.dueAt);
}

/** isLate, as SQL on `"AgreedAction" a` (dates compare as stored: the same format in every row). */
function lateSql(now: Date): Prisma.Sql {
  return Prisma.sql`((a."status" = 'open' AND a."dueAt" < ${now}) OR (a."status" = 'done' AND a."completedAt" IS NOT NULL AND a."completedAt" > a."dueAt"))`;
}
