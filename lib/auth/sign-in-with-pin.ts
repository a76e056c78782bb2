import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { verifySecret, verifyAgainstNothing } from "./passwords";
import { can, refusalFor } from "./policy";
import { createSession } from "./sessions";
import { accountKey, addressKey, beginAttempt, systemClock, type Clock } from "./throttle";

export const pinSignInSchema = z.object({
  userId: z.string().trim().min(1, "Pick your name").max(64),
  pin: z.string().regex(/^\d{4,8}$/, "Your PIN is 4 to 8 digits"),
  locationId: z.string().trim().min(1, "Pick the location").max(64),
});

export type SignInContext = {
  /** Where the attempt came from (lib/http.ts clientAddress). */
  address?: string;
  now?: Clock;
};

/** Staff on a shared tablet pick their name and type a PIN. Wrong PINs slow down, then lock. */
export async function signInWithPin(db: Db, input: unknown, context: SignInContext = {}) {
  const { userId, pin, locationId } = parseInput(pinSignInSchema, input);
  const now = context.now ?? systemClock;
  const user = await db.user.findUnique({ where: { id: userId }, include: { locations: true } });
  if (user?.active && !can(user, "signIn.pin")) throw new AppError("forbidden", refusalFor("signIn.pin"));

  // The account key is used even for an id that does not exist, so throttling reveals nothing.
  const attempt = await beginAttempt(db, [accountKey(userId), addressKey(context.address ?? "local")], "PIN", now);
  const ok = user?.active && user.pinHash ? await verifySecret(user.pinHash, pin) : await verifyAgainstNothing(pin);
  if (!user || !ok) throw new AppError("unauthenticated", "That PIN does not match. Try again.");
  await attempt.succeeded();

  if (!user.locations.some((l) => l.locationId === locationId)) {
    throw new AppError("forbidden", "You are not on the team at this location.");
  }
  return createSession(db, user.id, locationId, now());
}
