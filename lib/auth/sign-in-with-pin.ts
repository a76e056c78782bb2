import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { PairedDevice } from "@/lib/devices/resolve-device";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertArgon2Capacity, verifySecret, verifyAgainstNothing } from "./passwords";
import { can } from "./policy";
import { createSession } from "./sessions";
import { beginAttempt, pinKeys, systemClock, type Clock } from "./throttle";

export const pinSignInSchema = z.object({
  userId: z.string().trim().min(1, "Pick your name").max(64),
  pin: z.string().regex(/^\d{4,8}$/, "Your PIN is 4 to 8 digits"),
  /** The tablet's venue decides where the session works; naming another one is refused. */
  locationId: z.string().trim().min(1, "Pick the location").max(64).optional(),
});

export type SignInContext = {
  /** Where the attempt came from (lib/http.ts clientAddress). */
  address?: string;
  /** The paired tablet the attempt came from (lib/devices/resolve-device.ts), if any. */
  device?: PairedDevice | null;
  now?: Clock;
};

export const NOT_PAIRED =
  "PIN sign-in works only on a tablet paired to your venue. Sign in with your email and password, or ask a manager to pair this tablet.";
const NO_MATCH = "That PIN does not match. Try again.";

/**
 * Staff on a shared tablet pick their name and type a PIN. Only on a paired tablet, and only for
 * the people of that tablet's venue. Every refusal after the tablet check is the same 401, given
 * after the same throttle and the same Argon2 work, whoever the id names (someone at another
 * venue, a trainer, an admin, nobody): the answer tells a guesser nothing. Wrong PINs slow down,
 * then lock that person on that tablet only.
 */
export async function signInWithPin(db: Db, input: unknown, context: SignInContext = {}) {
  const { userId, pin, locationId } = parseInput(pinSignInSchema, input);
  const device = context.device;
  if (!device) throw new AppError("forbidden", NOT_PAIRED, { reason: "not_paired" });
  if (locationId && locationId !== device.locationId) {
    throw new AppError("forbidden", `This tablet is paired to ${device.locationName}: sign in there, or on a tablet paired to your venue.`);
  }
  const now = context.now ?? systemClock;
  assertArgon2Capacity();

  const attempt = await beginAttempt(db, pinKeys(userId, device.id), "PIN", now);
  const user = await db.user.findUnique({ where: { id: userId }, include: { locations: true } });
  const eligible = Boolean(
    user?.active && user.pinHash && can(user, "signIn.pin") && user.locations.some((l) => l.locationId === device.locationId),
  );
  const ok = eligible && user?.pinHash ? await verifySecret(user.pinHash, pin) : await verifyAgainstNothing(pin);
  if (!user || !eligible || !ok) throw new AppError("unauthenticated", NO_MATCH);
  await attempt.succeeded();
  return createSession(db, user.id, device.locationId, now(), device.id);
}
