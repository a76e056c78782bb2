import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertManager } from "./scope";
import { DEFAULT_TIMEZONE } from "./time";

export type ImprovementRow = {
  id: string;
  title: string;
  owner: string;
  dueAt: string;
  status: "open" | "done";
  overdue: boolean;
  createdAt: string;
  completedAt: string | null;
  createdBy: string;
  locationId: string | null;
  locationName: string;
  /** The location's clock (London's for an improvement across all locations): dates are shown on it. */
  timeZone: string;
  tag: { slug: string; label: string } | null;
  linkedCases: number;
  /** Cases with the same root cause at the same location since it was created: is it working? */
  casesSince: number | null;
};

/** The manager's improvements: open ones first (soonest due), then done ones. */
export async function listImprovements(db: Db, actor: Actor, now: Date = new Date()): Promise<ImprovementRow[]> {
  assertManager(actor);
  const rows = await db.improvement.findMany({
    where: { OR: [{ locationId: { in: actor.locationIds } }, { locationId: null }] },
    orderBy: [{ status: "asc" }, { dueAt: "asc" }],
    take: 500,
    include: { _count: { select: { cases: true } } },
  });
  if (rows.length === 0) return [];
  const [locations, tags, users] = await Promise.all([
    db.location.findMany({ select: { id: true, name: true, timezone: true } }),
    db.rootCauseTag.findMany({ select: { id: true, slug: true, label: true } }),
    db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true } }),
  ]);
  const tracked = rows.filter((r) => r.locationId && r.tagId);
  const since = tracked.length
    ? await db.$queryRaw<{ id: string; n: bigint }[]>(Prisma.sql`
        SELECT i."id" AS id, COUNT(c."id") AS n
        FROM "Improvement" i
        JOIN "CaseRootCause" r ON r."tagId" = i."tagId"
        JOIN "Case" c ON c."id" = r."caseId" AND c."locationId" = i."locationId" AND c."openedAt" >= i."createdAt" AND c."isPractice" = FALSE
        WHERE i."id" IN (${Prisma.join(tracked.map((r) => r.id))})
        GROUP BY i."id"`)
    : [];
  const sinceById = new Map(since.map((s) => [s.id, Number(s.n)]));
  return rows.map((r) => {
    const tag = tags.find((t) => t.id === r.tagId);
    return {
      id: r.id,
      title: r.title,
      owner: r.owner,
      dueAt: r.dueAt.toISOString(),
      status: r.status === "done" ? "done" : "open",
      overdue: r.status !== "done" && r.dueAt < now,
      createdAt: r.createdAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
      createdBy: users.find((u) => u.id === r.createdById)?.name ?? r.createdById,
      locationId: r.locationId,
      locationName: r.locationId ? (locations.find((l) => l.id === r.locationId)?.name ?? r.locationId) : "All locations",
      timeZone: (r.locationId ? locations.find((l) => l.id === r.locationId)?.timezone : undefined) || DEFAULT_TIMEZONE,
      tag: tag ? { slug: tag.slug, label: tag.label } : null,
      linkedCases: r._count.cases,
      casesSince: r.locationId && r.tagId ? (sinceById.get(r.id) ?? 0) : null,
    };
  });
}
