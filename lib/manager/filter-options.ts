import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { assertManager } from "./scope";

/** What the queue's and insights' filter controls offer: only the manager's own locations and people. */
export async function listFilterOptions(db: Db, actor: Actor) {
  assertManager(actor);
  const [locations, staff, tags] = await Promise.all([
    db.location.findMany({ where: { id: { in: actor.locationIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { locations: { some: { locationId: { in: actor.locationIds } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true },
    }),
    db.rootCauseTag.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, slug: true, label: true, active: true } }),
  ]);
  return { locations, staff, tags };
}
export type FilterOptions = Awaited<ReturnType<typeof listFilterOptions>>;
