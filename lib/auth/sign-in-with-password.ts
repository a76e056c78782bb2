import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { verifyAgainstNothing, verifySecret } from "./passwords";
import { can, refusalFor } from "./policy";
import { createSession } from "./sessions";
import type { SignInContext } from "./sign-in-with-pin";
import { accountKey, addressKey, beginAttempt, systemClock, type ThrottleKey } from "./throttle";

export const passwordSignInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email").max(200, "That email is too long").pipe(z.email("Enter your email address")),
  password: z.string().min(1, "Enter your password").max(200, "That password is too long"),
});

const NO_MATCH = "That email and password do not match. Try again.";

/**
 * Managers, trainers and admins sign in with email and password (Argon2id). The same
 * slow-down and lockout as PINs applies, per account and per address.
 */
export async function signInWithPassword(db: Db, input: unknown, context: SignInContext = {}) {
  const { email, password } = parseInput(passwordSignInSchema, input);
  const now = context.now ?? systemClock;
  const user = await db.user.findUnique({ where: { email }, include: { locations: true } });
  if (user?.active && !can(user, "signIn.password")) throw new AppError("forbidden", refusalFor("signIn.password"));

  const keys: ThrottleKey[] = [addressKey(context.address ?? "local")];
  if (user) keys.unshift(accountKey(user.id));
  const attempt = await beginAttempt(db, keys, "password", now);
  const ok = user?.active && user.passwordHash ? await verifySecret(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!user || !ok) throw new AppError("unauthenticated", NO_MATCH);
  await attempt.succeeded();

  // Someone who works at one place starts there; anyone else picks per case.
  const locationId = user.locations.length === 1 ? user.locations[0].locationId : null;
  return createSession(db, user.id, locationId, now());
}
