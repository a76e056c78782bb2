import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";

/** The signed-in person's cases that are still open, and any they opened today. */
export async function listMyCasesToday(db: Db, actor: Actor, now = new Date()) {
  const startOfDay = new Date(now);
  startOfDay.setHours(0, 0, 0, 0);
  return db.case.findMany({
    where: {
      openedById: actor.id,
      isPractice: false,
      OR: [{ status: { in: ["open", "awaiting_manager"] } }, { openedAt: { gte: startOfDay } }],
    },
    orderBy: [{ lastEventAt: "desc" }],
    take: 30,
    select: {
      id: true,
      reference: true,
      stage: true,
      status: true,
      category: true,
      severity: true,
      spot: true,
      customerWords: true,
      openedAt: true,
    },
  });
}
