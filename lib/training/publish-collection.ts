import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { idSchema } from "./common";

export const publishCollectionSchema = z.object({ published: z.boolean({ message: "Say whether to publish or unpublish" }) });

/**
 * Publishes a library collection to staff practice lists, or takes it back to a draft. A new
 * collection starts as a draft, so half-picked cases never reach staff.
 */
export async function publishCollection(db: Db, actor: Actor, collectionId: unknown, input: unknown, now: () => Date = () => new Date()) {
  assertCan(actor, "trainer.coach");
  const id = idSchema.safeParse(collectionId);
  if (!id.success) throw new AppError("not_found", "No collection with that id.");
  const { published } = parseInput(publishCollectionSchema, input);
  return serialiseWrite(async () => {
    const found = await db.caseCollection.findUnique({ where: { id: id.data }, select: { id: true } });
    if (!found) throw new AppError("not_found", "No collection with that id.");
    const updated = await db.caseCollection.update({ where: { id: id.data }, data: { publishedAt: published ? now() : null } });
    return { id: updated.id, name: updated.name, publishedAt: updated.publishedAt?.toISOString() ?? null };
  });
}
