import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { ENDED_STATUSES, isEnded, maskText } from "./common";
import { scorePracticeRuns } from "./practice-scores";

const RECENT = 12;

/**
 * What someone can practise on: the library's collections (cases their trainer picked) and
 * recent ended cases at their locations, plus their own practice runs. Complaint text masked.
 */
export async function listPracticeCases(db: Db, actor: Actor) {
  assertCan(actor, "practice.run");
  const caseSelect = {
    id: true,
    reference: true,
    category: true,
    severity: true,
    mood: true,
    spot: true,
    customerWords: true,
    closedAt: true,
    location: { select: { name: true } },
  } as const;
  const real = { locationId: { in: actor.locationIds }, isPractice: false, status: { in: [...ENDED_STATUSES] } };
  const [collections, recent, runs] = await Promise.all([
    db.caseCollection.findMany({
      // Drafts stay on the trainer's desk until published.
      where: { publishedAt: { not: null } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        description: true,
        items: {
          where: { case: real },
          orderBy: { addedAt: "desc" },
          select: { case: { select: caseSelect }, tags: { select: { tag: true } } },
        },
      },
    }),
    db.case.findMany({
      where: { ...real, status: "closed" },
      orderBy: [{ closedAt: "desc" }, { id: "desc" }],
      take: RECENT,
      select: caseSelect,
    }),
    db.practiceRun.findMany({
      where: { traineeId: actor.id },
      orderBy: { startedAt: "desc" },
      take: 20,
      select: {
        practiceCaseId: true,
        sourceCaseId: true,
        startedAt: true,
        practiceCase: { select: { reference: true, status: true, stage: true, location: { select: { timezone: true } } } },
        sourceCase: { select: { reference: true } },
      },
    }),
  ]);
  const scores = await scorePracticeRuns(
    db,
    runs.filter((r) => isEnded(r.practiceCase.status)),
  );
  type CaseRow = (typeof recent)[number];
  const shape = (c: CaseRow) => ({
    id: c.id,
    reference: c.reference,
    category: c.category,
    severity: c.severity,
    mood: c.mood,
    spot: maskText(c.spot),
    words: maskText(c.customerWords),
    closedAt: c.closedAt?.toISOString() ?? null,
    locationName: c.location.name,
  });
  return {
    collections: collections
      .filter((c) => c.items.length > 0)
      .map((c) => ({
        id: c.id,
        name: c.name,
        description: c.description,
        cases: c.items.map((i) => ({ ...shape(i.case), tags: i.tags.map((t) => t.tag) })),
      })),
    recent: recent.map(shape),
    runs: runs.map((r) => ({
      practiceCaseId: r.practiceCaseId,
      sourceCaseId: r.sourceCaseId,
      sourceReference: r.sourceCase.reference,
      reference: r.practiceCase.reference,
      status: r.practiceCase.status,
      stage: r.practiceCase.stage,
      startedAt: r.startedAt.toISOString(),
      timeZone: r.practiceCase.location.timezone,
      score: scores.get(r.practiceCaseId)?.score ?? null,
    })),
  };
}
export type PracticeCases = Awaited<ReturnType<typeof listPracticeCases>>;
