import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { parseInput } from "@/lib/validation";
import { assertAdmin, idSchema, nameSchema, orNotFound } from "./common";

export const renameRootCauseTagSchema = z.object({ tagId: idSchema("root cause"), label: nameSchema("label", 60) });

/** Changes what people see; the slug in past cases' logs stays, so history still reads. */
export async function renameRootCauseTag(db: Db, actor: Actor, input: unknown): Promise<{ id: string; label: string }> {
  assertAdmin(actor);
  const { tagId, label } = parseInput(renameRootCauseTagSchema, input);
  return serialiseWrite(() =>
    orNotFound(
      db.rootCauseTag.update({ where: { id: tagId }, data: { label }, select: { id: true, label: true } }),
      "No root cause with that id.",
    ),
  );
}
