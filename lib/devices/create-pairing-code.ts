import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPairingCode, newPairingCode, PAIRING_CODE_MS } from "./pairing-code";

export const createPairingCodeSchema = z.object({
  locationId: z.string().trim().min(1, "Pick the location").max(64),
  name: z.string().trim().min(1, "Name the tablet (for example “Front desk”)").max(60, "A tablet's name is at most 60 characters"),
});

export type NewPairingCode = { code: string; expiresAt: string; locationId: string; locationName: string; deviceName: string };

/**
 * A manager (at that venue) or an admin makes a one-time code for one tablet. The code is shown
 * once; only its hash is kept. Old codes are forgotten a day after they expire.
 */
export async function createPairingCode(
  db: Db,
  actor: Actor,
  input: unknown,
  options: { now?: Date; validForMs?: number } = {},
): Promise<NewPairingCode> {
  assertCan(actor, "device.pair");
  const { locationId, name } = parseInput(createPairingCodeSchema, input);
  if (!can(actor, "admin.manage")) assertAtLocation(actor, locationId);
  const location = await db.location.findUnique({ where: { id: locationId }, select: { id: true, name: true } });
  if (!location) throw new AppError("not_found", "No location with that id.");
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.validForMs ?? PAIRING_CODE_MS));
  const code = newPairingCode();
  await serialiseWrite(() =>
    db.$transaction([
      db.pairingCode.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } }),
      db.pairingCode.create({
        data: { codeHash: hashPairingCode(code), locationId, deviceName: name, createdById: actor.id, createdAt: now, expiresAt },
      }),
    ]),
  );
  return { code, expiresAt: expiresAt.toISOString(), locationId, locationName: location.name, deviceName: name };
}
