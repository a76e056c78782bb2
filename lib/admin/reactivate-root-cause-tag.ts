import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { parseInput } from "@/lib/validation";
import { assertAdmin, idSchema, orNotFound } from "./common";

export const reactivateRootCauseTagSchema = z.object({ tagId: idSchema("root cause") });

/** Offered to new cases again. */
export async function reactivateRootCauseTag(db: Db, actor: Actor, input: unknown): Promise<{ id: string; active: true }> {
  assertAdmin(actor);
  const { tagId } = parseInput(reactivateRootCauseTagSchema, input);
  await serialiseWrite(() =>
    orNotFound(db.rootCauseTag.update({ where: { id: tagId }, data: { active: true } }), "No root cause with that id."),
  );
  return { id: tagId, active: true };
}
