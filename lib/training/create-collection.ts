import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export const createCollectionSchema = z.object({
  name: z.string().trim().min(1, "Name the collection").max(60, "At most 60 characters"),
  description: z
    .string()
    .trim()
    .max(300, "At most 300 characters")
    .optional()
    .transform((d) => (d ? d : undefined)),
});

/** A named collection in the case library ("great recoveries", "say no graciously"). */
export async function createCollection(db: Db, actor: Actor, input: unknown, now: () => Date = () => new Date()) {
  assertCan(actor, "trainer.coach");
  const { name, description } = parseInput(createCollectionSchema, input);
  return serialiseWrite(async () => {
    const existing = await db.caseCollection.findFirst({ where: { name }, select: { id: true } });
    if (existing) throw new AppError("conflict", `There is already a collection called “${name}”.`, { fields: { name: "Already taken" } });
    const created = await db.caseCollection.create({
      data: { name, description: description ?? null, createdById: actor.id, createdAt: now() },
    });
    return { id: created.id, name: created.name, description: created.description };
  });
}
