import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertArgon2Capacity, verifyAgainstNothing, verifySecret } from "./passwords";
import { can } from "./policy";
import { createSession } from "./sessions";
import type { SignInContext } from "./sign-in-with-pin";
import { beginAttempt, passwordKeys, systemClock } from "./throttle";

export const passwordSignInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email")
    .max(200, "That email is too long")
    .pipe(z.email("Enter your email address")),
  password: z.string().min(1, "Enter your password").max(200, "That password is too long"),
});

const NO_MATCH = "That email and password do not match. Try again.";

/**
 * Managers, trainers and admins sign in with email and password (Argon2id), on their own device
 * or on a paired tablet. Every refusal is the same 401 after the same throttle and the same
 * Argon2 work, whether the email is unknown, belongs to someone who signs in with a PIN, or the
 * password is wrong.
 */
export async function signInWithPassword(db: Db, input: unknown, context: SignInContext = {}) {
  const { email, password } = parseInput(passwordSignInSchema, input);
  const now = context.now ?? systemClock;
  assertArgon2Capacity();
  const attempt = await beginAttempt(db, passwordKeys(email, context.address ?? "local"), "password", now);
  const user = await db.user.findUnique({ where: { email }, include: { locations: true } });
  const eligible = Boolean(user?.active && user.passwordHash && can(user, "signIn.password"));
  const ok = eligible && user?.passwordHash ? await verifySecret(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!user || !eligible || !ok) throw new AppError("unauthenticated", NO_MATCH);
  await attempt.succeeded();

  // On a paired tablet of one of their venues, they work there; someone who works at one place
  // starts there; anyone else picks per case.
  const device = context.device ?? null;
  const here = user.locations.map((l) => l.locationId);
  const locationId = device && here.includes(device.locationId) ? device.locationId : here.length === 1 ? here[0] : null;
  return createSession(db, user.id, locationId, now(), device?.id ?? null);
}
