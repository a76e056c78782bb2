import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { ROLES, type Role } from "@/lib/playbook";
import { assertAdmin } from "./common";

/** Reads for the admin pages. Never a hash, only whether one is set. */
export async function listPeople(db: Db, actor: Actor) {
  assertAdmin(actor);
  const users = await db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      role: true,
      email: true,
      active: true,
      pinHash: true,
      passwordHash: true,
      locations: { select: { locationId: true } },
    },
  });
  return users.map(({ pinHash, passwordHash, locations, ...u }) => ({
    ...u,
    hasPin: pinHash !== null,
    hasPassword: passwordHash !== null,
    locationIds: locations.map((l) => l.locationId),
  }));
}

export async function listLocations(db: Db, actor: Actor) {
  assertAdmin(actor);
  const locations = await db.location.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true, timezone: true, _count: { select: { members: true, cases: true } } },
  });
  return locations.map(({ _count, ...l }) => ({ ...l, members: _count.members, cases: _count.cases }));
}

export async function listRootCauses(db: Db, actor: Actor) {
  assertAdmin(actor);
  const tags = await db.rootCauseTag.findMany({
    orderBy: [{ active: "desc" }, { sortOrder: "asc" }],
    select: { id: true, slug: true, label: true, active: true, _count: { select: { cases: true } } },
  });
  return tags.map(({ _count, ...t }) => ({ ...t, cases: _count.cases }));
}

export async function listAuthorityLimits(db: Db, actor: Actor): Promise<{ role: Role; limitCents: number }[]> {
  assertAdmin(actor);
  const rows = await db.roleAuthority.findMany();
  return ROLES.map((role) => ({ role, limitCents: rows.find((r) => r.role === role)?.limitCents ?? 0 }));
}
