import "server-only";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { hashToken } from "@/lib/auth/tokens";

/** The tablet a browser is, as the server knows it from the tablet's credential. */
export type PairedDevice = { id: string; name: string; locationId: string; locationName: string };

/** The paired tablet behind a device credential, or null (unknown, revoked, or none given). */
export async function resolveDevice(db: Db, token: string | undefined, now = new Date()): Promise<PairedDevice | null> {
  if (!token || token.length > 200) return null;
  const device = await db.device.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, locationId: true, revokedAt: true, lastUsedAt: true, location: { select: { name: true } } },
  });
  if (!device || device.revokedAt) return null;
  // "Last used" for the admin's list; written at most once a minute, so reads stay reads.
  if (!device.lastUsedAt || now.getTime() - device.lastUsedAt.getTime() > 60_000) {
    await serialiseWrite(() => db.device.update({ where: { id: device.id }, data: { lastUsedAt: now } }));
  }
  return { id: device.id, name: device.name, locationId: device.locationId, locationName: device.location.name };
}
