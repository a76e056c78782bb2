import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { parseInput } from "@/lib/validation";
import { assertAdmin, idSchema, orNotFound } from "./common";

export const reactivateUserSchema = z.object({ userId: idSchema("person") });

/** Someone coming back: they sign in with the PIN and password they had. */
export async function reactivateUser(db: Db, actor: Actor, input: unknown): Promise<{ id: string; active: true }> {
  assertAdmin(actor);
  const { userId } = parseInput(reactivateUserSchema, input);
  await serialiseWrite(() => orNotFound(db.user.update({ where: { id: userId }, data: { active: true } }), "No person with that id."));
  return { id: userId, active: true };
}
