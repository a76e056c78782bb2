import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { publishSessionsEnded } from "@/lib/live/publish-change";
import { parseInput } from "@/lib/validation";

export const revokeDeviceSchema = z.object({ deviceId: z.string().trim().min(1, "Pick the tablet").max(64) });

/**
 * A lost, stolen or retired tablet: its credential stops working and every session started on
 * it ends now. Steps it had already sealed still count (docs/decisions/0013-sealed-steps.md).
 * A manager may do it for their own venue's tablets; an admin for any.
 */
export async function revokeDevice(db: Db, actor: Actor, input: unknown, now: () => Date = () => new Date()) {
  assertCan(actor, "device.revoke");
  const { deviceId } = parseInput(revokeDeviceSchema, input);
  const device = await db.device.findUnique({ where: { id: deviceId }, select: { id: true, locationId: true, revokedAt: true } });
  if (!device) throw new AppError("not_found", "No tablet with that id.");
  if (!can(actor, "admin.manage")) assertAtLocation(actor, device.locationId);
  if (device.revokedAt) return { id: device.id, revokedAt: device.revokedAt.toISOString() };
  const at = now();
  await serialiseWrite(() =>
    db.$transaction([
      db.device.update({ where: { id: device.id }, data: { revokedAt: at, revokedById: actor.id } }),
      db.session.updateMany({ where: { deviceId: device.id, revokedAt: null }, data: { revokedAt: at } }),
    ]),
  );
  await publishSessionsEnded(db, { by: "device", id: device.id });
  return { id: device.id, revokedAt: at.toISOString() };
}
