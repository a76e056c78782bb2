import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { isEnded, maskText } from "./common";
import { scorePracticeRuns } from "./practice-scores";

/**
 * Drills assigned to the signed-in person, or to the team at one of their venues: what to
 * practise, by when, and whether they have finished a run on it since it was assigned.
 */
export async function listMyDrills(db: Db, actor: Actor, now: Date = new Date()) {
  assertCan(actor, "practice.run");
  const drills = await db.practiceDrill.findMany({
    where: { locationId: { in: actor.locationIds }, OR: [{ assigneeId: actor.id }, { assigneeId: null }] },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: 50,
    include: {
      assignedBy: { select: { name: true } },
      location: { select: { timezone: true } },
      sourceCase: { select: { id: true, reference: true, category: true, severity: true, customerWords: true } },
    },
  });
  const runs = await db.practiceRun.findMany({
    where: { traineeId: actor.id, sourceCaseId: { in: drills.map((d) => d.sourceCaseId) } },
    select: { practiceCaseId: true, sourceCaseId: true, startedAt: true, practiceCase: { select: { status: true } } },
  });
  const finished = runs.filter((r) => isEnded(r.practiceCase.status));
  const scores = await scorePracticeRuns(db, finished);
  return drills.map((d) => {
    const mine = finished.filter((r) => r.sourceCaseId === d.sourceCaseId && r.startedAt >= d.createdAt);
    const best = mine.reduce<number | null>((b, r) => {
      const s = scores.get(r.practiceCaseId)?.score ?? null;
      return s !== null && (b === null || s > b) ? s : b;
    }, null);
    return {
      id: d.id,
      sourceCaseId: d.sourceCaseId,
      reference: d.sourceCase.reference,
      category: d.sourceCase.category,
      severity: d.sourceCase.severity,
      words: maskText(d.sourceCase.customerWords),
      forTeam: d.assigneeId === null,
      assignedBy: d.assignedBy.name,
      dueAt: d.dueAt.toISOString(),
      timeZone: d.location.timezone,
      note: d.note,
      runs: mine.length,
      best,
      done: mine.length > 0,
      overdue: mine.length === 0 && d.dueAt.getTime() < now.getTime(),
    };
  });
}
export type MyDrill = Awaited<ReturnType<typeof listMyDrills>>[number];
