import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";

export type DeviceRow = {
  id: string;
  name: string;
  locationId: string;
  locationName: string;
  /** The venue's time zone: pairing and last use are shown on its clock. */
  timeZone: string;
  pairedByName: string;
  pairedAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** Paired tablets, newest first: an admin sees every venue's, a manager their venues'. */
export async function listDevices(db: Db, actor: Actor, options: { includeRevoked?: boolean } = {}): Promise<DeviceRow[]> {
  assertCan(actor, "device.revoke");
  const everywhere = can(actor, "admin.manage");
  const devices = await db.device.findMany({
    where: { ...(everywhere ? {} : { locationId: { in: actor.locationIds } }), ...(options.includeRevoked ? {} : { revokedAt: null }) },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { pairedAt: "desc" }],
    take: 200,
    select: {
      id: true,
      name: true,
      locationId: true,
      pairedById: true,
      pairedAt: true,
      lastUsedAt: true,
      revokedAt: true,
      location: { select: { name: true, timezone: true } },
    },
  });
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(devices.map((d) => d.pairedById))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return devices.map((d) => ({
    id: d.id,
    name: d.name,
    locationId: d.locationId,
    locationName: d.location.name,
    timeZone: d.location.timezone,
    pairedByName: nameOf.get(d.pairedById) ?? "someone no longer here",
    pairedAt: d.pairedAt.toISOString(),
    lastUsedAt: d.lastUsedAt?.toISOString() ?? null,
    revokedAt: d.revokedAt?.toISOString() ?? null,
  }));
}
