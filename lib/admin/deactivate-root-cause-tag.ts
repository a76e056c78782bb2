import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { parseInput } from "@/lib/validation";
import { assertAdmin, idSchema, orNotFound } from "./common";

export const deactivateRootCauseTagSchema = z.object({ tagId: idSchema("root cause") });

/** Hidden from new cases; never deleted, because past cases point at it. */
export async function deactivateRootCauseTag(db: Db, actor: Actor, input: unknown): Promise<{ id: string; active: false }> {
  assertAdmin(actor);
  const { tagId } = parseInput(deactivateRootCauseTagSchema, input);
  await serialiseWrite(() =>
    orNotFound(db.rootCauseTag.update({ where: { id: tagId }, data: { active: false } }), "No root cause with that id."),
  );
  return { id: tagId, active: false };
}
