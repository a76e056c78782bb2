import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/auth/passwords";
import { can } from "@/lib/auth/policy";
import { accountKeyFilters } from "@/lib/auth/throttle";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { publishSessionsEnded } from "@/lib/live/publish-change";
import { parseInput } from "@/lib/validation";
import { assertAdmin, blankToUndefined, idSchema } from "./common";
import { passwordSchema, pinSchema } from "./create-user";

export const resetCredentialsSchema = z
  .object({
    userId: idSchema("person"),
    pin: z.preprocess(blankToUndefined, pinSchema.optional()),
    password: z.preprocess(blankToUndefined, passwordSchema.optional()),
  })
  .refine((v) => v.pin || v.password, { message: "Enter a new PIN or a new password", path: ["pin"] });

/**
 * A forgotten PIN or password: the admin sets a new one. The person's sessions end, and the
 * account's failed-attempt counter is cleared so they can sign in straight away.
 */
export async function resetCredentials(db: Db, actor: Actor, input: unknown, now: () => Date = () => new Date()): Promise<{ id: string }> {
  assertAdmin(actor);
  const { userId, pin, password } = parseInput(resetCredentialsSchema, input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, email: true } });
  if (!user) throw new AppError("not_found", "No person with that id.");
  if (password && !can(user, "signIn.password")) {
    throw new AppError("invalid_input", "Staff sign in with a PIN; leave the password empty", { fields: { password: "Not for staff" } });
  }
  const [pinHash, passwordHash] = await Promise.all([pin ? hashSecret(pin) : undefined, password ? hashSecret(password) : undefined]);
  await serialiseWrite(() =>
    db.$transaction([
      db.user.update({ where: { id: userId }, data: { pinHash, passwordHash } }),
      db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now() } }),
      db.signInAttempt.deleteMany({ where: { OR: accountKeyFilters(userId, user.email) } }),
    ]),
  );
  await publishSessionsEnded(db, { by: "user", id: userId });
  return { id: userId };
}
