import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { RUBRIC_LABELS } from "@/lib/playbook/rubric";
import { parseInput } from "@/lib/validation";
import { ENDED_STATUSES, idSchema, isEnded, maskText, scopeTo } from "./common";
import { scorePracticeRuns } from "./practice-scores";

export const practiceDeskSchema = z.object({ location: idSchema.optional(), person: idSchema.optional() });

const RECENT_SOURCES = 40;

/**
 * The trainer's practice desk, at the trainer's own venues only: every trainee's practice runs
 * (score, missed items, a replay to comment on), the drills assigned and who has done them, and
 * what a new drill can be made from.
 */
export async function getPracticeDesk(db: Db, actor: Actor, input: unknown = {}, now: Date = new Date()) {
  assertCan(actor, "trainer.replay");
  const query = parseInput(practiceDeskSchema, input);
  const locationIds = scopeTo(actor, query.location);
  const [runs, drills, people, locations, sources] = await Promise.all([
    db.practiceRun.findMany({
      where: { practiceCase: { locationId: { in: locationIds } }, ...(query.person ? { traineeId: query.person } : {}) },
      orderBy: { startedAt: "desc" },
      take: 200,
      select: {
        practiceCaseId: true,
        sourceCaseId: true,
        traineeId: true,
        startedAt: true,
        trainee: { select: { name: true } },
        practiceCase: { select: { reference: true, status: true, stage: true, closedAt: true, location: { select: { timezone: true } } } },
        sourceCase: { select: { reference: true, category: true } },
      },
    }),
    db.practiceDrill.findMany({
      where: { locationId: { in: locationIds } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: 100,
      include: {
        assignee: { select: { id: true, name: true } },
        location: { select: { name: true, timezone: true } },
        sourceCase: { select: { reference: true, category: true, customerWords: true } },
      },
    }),
    db.user.findMany({
      where: { active: true, role: { in: ["staff", "manager"] }, locations: { some: { locationId: { in: locationIds } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true, locations: { select: { locationId: true } } },
    }),
    db.location.findMany({ where: { id: { in: locationIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.case.findMany({
      where: { locationId: { in: locationIds }, isPractice: false, status: { in: [...ENDED_STATUSES] } },
      orderBy: [{ closedAt: "desc" }, { id: "desc" }],
      take: RECENT_SOURCES,
      select: { id: true, reference: true, category: true, severity: true, customerWords: true, location: { select: { name: true } } },
    }),
  ]);
  const [scores, commentRows] = await Promise.all([
    scorePracticeRuns(
      db,
      runs.filter((r) => isEnded(r.practiceCase.status)),
    ),
    db.coachingComment.findMany({
      where: { caseId: { in: runs.map((r) => r.practiceCaseId) } },
      select: { caseId: true, acknowledgedAt: true },
    }),
  ]);

  const shapedRuns = runs.map((r) => {
    const rubric = scores.get(r.practiceCaseId);
    return {
      practiceCaseId: r.practiceCaseId,
      sourceCaseId: r.sourceCaseId,
      sourceReference: r.sourceCase.reference,
      category: r.sourceCase.category,
      traineeId: r.traineeId,
      traineeName: r.trainee.name,
      reference: r.practiceCase.reference,
      status: r.practiceCase.status,
      stage: r.practiceCase.stage,
      startedAt: r.startedAt.toISOString(),
      timeZone: r.practiceCase.location.timezone,
      ended: isEnded(r.practiceCase.status),
      score: rubric?.score ?? null,
      missed: rubric ? rubric.items.filter((i) => i.outcome === "missed").map((i) => RUBRIC_LABELS[i.id]) : [],
      comments: commentRows.filter((c) => c.caseId === r.practiceCaseId).length,
      acknowledged: commentRows.filter((c) => c.caseId === r.practiceCaseId && c.acknowledgedAt !== null).length,
    };
  });

  const memberIds = (locationId: string) => people.filter((p) => p.locations.some((l) => l.locationId === locationId)).map((p) => p.id);
  const shapedDrills = drills.map((d) => {
    const who = d.assignee ? [d.assignee.id] : memberIds(d.locationId);
    const status = who.map((id) => {
      const mine = shapedRuns.filter(
        (r) => r.traineeId === id && r.sourceCaseId === d.sourceCaseId && r.ended && r.startedAt >= d.createdAt.toISOString(),
      );
      const best = mine.reduce<number | null>((b, r) => (r.score !== null && (b === null || r.score > b) ? r.score : b), null);
      return {
        id,
        name: people.find((p) => p.id === id)?.name ?? d.assignee?.name ?? "Someone",
        runs: mine.length,
        best,
        done: mine.length > 0,
      };
    });
    return {
      id: d.id,
      sourceCaseId: d.sourceCaseId,
      sourceReference: d.sourceCase.reference,
      category: d.sourceCase.category,
      words: maskText(d.sourceCase.customerWords),
      assignee: d.assignee ? d.assignee.name : `Team: everyone at ${d.location.name}`,
      team: d.assignee === null,
      dueAt: d.dueAt.toISOString(),
      timeZone: d.location.timezone,
      overdue: d.dueAt.getTime() < now.getTime() && status.some((s) => !s.done),
      note: d.note,
      status,
    };
  });

  return {
    query,
    locations,
    people: people.map((p) => ({ id: p.id, name: p.name, role: p.role })),
    sources: sources.map((s) => ({
      id: s.id,
      reference: s.reference,
      category: s.category,
      severity: s.severity,
      words: maskText(s.customerWords),
      locationName: s.location.name,
    })),
    drills: shapedDrills,
    runs: shapedRuns,
  };
}
export type PracticeDesk = Awaited<ReturnType<typeof getPracticeDesk>>;
