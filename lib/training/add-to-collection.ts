import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { idSchema, isEnded, tagsSchema } from "./common";

export const addToCollectionSchema = z.object({
  caseId: idSchema,
  tags: tagsSchema.optional(),
  note: z
    .string()
    .trim()
    .max(500, "At most 500 characters")
    .optional()
    .transform((n) => (n ? n : undefined)),
});

/**
 * Puts an ended, real case in a collection with tags and a note. Adding a case that is already
 * there updates its note and tags, so the form can be sent again safely.
 */
export async function addToCollection(db: Db, actor: Actor, collectionId: string, input: unknown, now: () => Date = () => new Date()) {
  assertCan(actor, "trainer.coach");
  const { caseId, tags, note } = parseInput(addToCollectionSchema, input);
  const [collection, row] = await Promise.all([
    db.caseCollection.findUnique({ where: { id: String(collectionId).slice(0, 64) }, select: { id: true, name: true } }),
    db.case.findUnique({ where: { id: caseId }, select: { id: true, locationId: true, status: true, isPractice: true } }),
  ]);
  if (!collection) throw new AppError("not_found", "No such collection.");
  if (!row) throw new AppError("not_found", "No case with that id.");
  assertAtLocation(actor, row.locationId);
  if (row.isPractice) throw new AppError("invalid_input", "Practice runs are not kept in the library.");
  if (!isEnded(row.status)) throw new AppError("conflict", "Only ended cases go in the library.");

  return serialiseWrite(() =>
    db.$transaction(async (tx) => {
      const item = await tx.collectionItem.upsert({
        where: { collectionId_caseId: { collectionId: collection.id, caseId } },
        create: { collectionId: collection.id, caseId, note: note ?? null, addedById: actor.id, addedAt: now() },
        update: { ...(note !== undefined ? { note } : {}) },
      });
      if (tags) {
        await tx.collectionItemTag.deleteMany({ where: { itemId: item.id } });
        if (tags.length) await tx.collectionItemTag.createMany({ data: tags.map((tag) => ({ itemId: item.id, tag })) });
      }
      const saved = await tx.collectionItemTag.findMany({ where: { itemId: item.id }, orderBy: { tag: "asc" }, select: { tag: true } });
      return {
        id: item.id,
        collectionId: collection.id,
        collectionName: collection.name,
        caseId,
        note: item.note,
        tags: saved.map((t) => t.tag),
      };
    }),
  );
}
