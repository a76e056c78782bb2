import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { publishSessionsEnded } from "@/lib/live/publish-change";
import { parseInput } from "@/lib/validation";
import { assertAdmin, idSchema } from "./common";

export const deactivateUserSchema = z.object({ userId: idSchema("person") });

/**
 * Someone who has left can no longer sign in, and any session they still have ends now. Their
 * name stays on the cases they handled. The last active admin cannot be deactivated.
 */
export async function deactivateUser(
  db: Db,
  actor: Actor,
  input: unknown,
  now: () => Date = () => new Date(),
): Promise<{ id: string; active: false }> {
  assertAdmin(actor);
  const { userId } = parseInput(deactivateUserSchema, input);
  if (userId === actor.id) throw new AppError("conflict", "You cannot deactivate yourself; ask another admin.");
  const done = await serialiseWrite(() =>
    db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, active: true } });
      if (!user) throw new AppError("not_found", "No person with that id.");
      if (user.role === "admin" && user.active) {
        const admins = await tx.user.count({ where: { role: "admin", active: true } });
        if (admins <= 1) throw new AppError("conflict", "This is the last active admin; add another admin first.");
      }
      await tx.user.update({ where: { id: userId }, data: { active: false } });
      await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now() } });
      return { id: userId, active: false as const };
    }),
  );
  await publishSessionsEnded(db, { by: "user", id: userId });
  return done;
}
