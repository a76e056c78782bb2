import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertAtLocation } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";

/** Takes a case out of a collection (the case itself is untouched). */
export async function removeFromCollection(db: Db, actor: Actor, collectionId: string, caseId: string) {
  assertCan(actor, "trainer.coach");
  const item = await db.collectionItem.findUnique({
    where: { collectionId_caseId: { collectionId: String(collectionId).slice(0, 64), caseId: String(caseId).slice(0, 64) } },
    select: { id: true, case: { select: { locationId: true } } },
  });
  if (!item) throw new AppError("not_found", "That case is not in this collection.");
  assertAtLocation(actor, item.case.locationId);
  await serialiseWrite(() => db.collectionItem.delete({ where: { id: item.id } }));
  return { removed: true };
}
