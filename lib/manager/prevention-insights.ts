import type { Db } from "@/lib/db/client";
import type { InsightScope } from "./insights";

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
  const [headsUpsRaised, tablesTold, stillComplained, actions, tellings] = await Promise.all([
    db.headsUpAlert.count({ where: { locationId: inVenues, raisedLocalDay: days } }),
    db.headsUpCase.count({ where: { locationId: inVenues, openedLocalDay: days, toldAt: { not: null } } }),
    db.headsUpCase.count({ where: { locationId: inVenues, openedLocalDay: days, toldAt: { not: null }, complaintCaseId: { not: null } } }),
    db.agreedAction.findMany({
      where: { case: caseScope },
      select: { id: true, caseId: true, status: true, dueAt: true, completedAt: true },
    }),
    db.caseEvent.findMany({ where: { type: "promise_update_told", case: caseScope }, select: { caseId: true, payload: true } }),
  ]);
  const told = new Set(
    tellings.map((t) => {
      const actionId = (JSON.parse(t.payload) as { actionId?: unknown }).actionId;
      return `${t.caseId} ${typeof actionId === "string" ? actionId : ""}`;
    }),
  );
  let total = 0;
  let toldCount = 0;
  for (const a of actions) {
    const wasTold = told.has(`${a.caseId} ${a.id}`);
    const late = (a.status === "open" && a.dueAt < now) || (a.status === "done" && a.completedAt !== null && a.completedAt > a.dueAt);
    if (!late && !wasTold) continue;
    total += 1;
    if (wasTold) toldCount += 1;
  }
  return {
    headsUpsRaised,
    tablesTold,
    stillComplained,
    stillComplainedShare: tablesTold ? stillComplained / tablesTold : null,
    brokenPromises: { total, told: toldCount, notTold: total - toldCount, toldShare: total ? toldCount / total : null },
  };
}
