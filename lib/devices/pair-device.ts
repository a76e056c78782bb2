import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { publishSessionsEnded } from "@/lib/live/publish-change";
import { beginAttempt, pairingKeys, systemClock, type Clock } from "@/lib/auth/throttle";
import { hashToken, newSessionToken } from "@/lib/auth/tokens";
import { parseInput } from "@/lib/validation";
import { hashPairingCode, normalisePairingCode } from "./pairing-code";

export const pairDeviceSchema = z.object({
  code: z
    .string()
    .trim()
    .max(40, "A pairing code is 8 letters and digits")
    .refine((typed) => /^[A-Z0-9]{8}$/.test(normalisePairingCode(typed)), "A pairing code is 8 letters and digits, like ABCD-EFGH"),
});

const NO_SUCH_CODE = "That pairing code does not work: it may be mistyped, used already, or expired. Ask a manager for a new one.";

export type PairingContext = {
  /** Where the attempt came from (lib/http.ts clientAddress): wrong codes are throttled per address. */
  address?: string;
  /** The credential this browser already holds, if any: pairing again replaces it. */
  currentToken?: string;
  now?: Clock;
};

/**
 * The tablet side of pairing: a valid, unused, unexpired code becomes a device credential for
 * the code's venue (a random token for the cookie; its hash here). A wrong, expired or reused
 * code gets one answer, and counts against the address.
 */
export async function pairDevice(db: Db, input: unknown, context: PairingContext = {}) {
  const { code } = parseInput(pairDeviceSchema, input);
  const now = context.now ?? systemClock;
  const attempt = await beginAttempt(db, pairingKeys(context.address ?? "local"), "pairing code", now);
  const token = newSessionToken();
  let unpaired: string | null = null;
  const device = await serialiseWrite(() =>
    db.$transaction(async (tx) => {
      const at = now();
      const found = await tx.pairingCode.findUnique({ where: { codeHash: hashPairingCode(code) } });
      if (!found || found.usedAt || found.expiresAt <= at) return null;
      const created = await tx.device.create({
        data: {
          name: found.deviceName,
          locationId: found.locationId,
          tokenHash: hashToken(token),
          pairedById: found.createdById,
          pairedAt: at,
          lastUsedAt: at,
        },
        select: { id: true, name: true, locationId: true, location: { select: { name: true } } },
      });
      // Once only: a second tablet with the same code is refused.
      const used = await tx.pairingCode.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: at, deviceId: created.id } });
      if (used.count !== 1) throw new AppError("invalid_input", NO_SUCH_CODE);
      // A browser paired before (to this venue or another) gives up its old credential.
      if (context.currentToken) {
        const previous = await tx.device.findUnique({
          where: { tokenHash: hashToken(context.currentToken) },
          select: { id: true, revokedAt: true },
        });
        if (previous && !previous.revokedAt) {
          await tx.device.update({ where: { id: previous.id }, data: { revokedAt: at } });
          await tx.session.updateMany({ where: { deviceId: previous.id, revokedAt: null }, data: { revokedAt: at } });
          unpaired = previous.id;
        }
      }
      return created;
    }),
  );
  if (!device) throw new AppError("invalid_input", NO_SUCH_CODE);
  if (unpaired) await publishSessionsEnded(db, { by: "device", id: unpaired });
  await attempt.succeeded();
  return { token, device: { id: device.id, name: device.name, locationId: device.locationId, locationName: device.location.name } };
}
