import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertAdmin, isUniqueViolation, nameSchema } from "./common";

/** Slugs are what a case's log records (root_causes_tagged): at most 40 characters, never changed. */
export function slugFor(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/g, "");
}

export const addRootCauseTagSchema = z.object({ label: nameSchema("label", 60) });

/** A new root cause staff can pick when closing a case. It goes to the end of the list. */
export async function addRootCauseTag(db: Db, actor: Actor, input: unknown): Promise<{ id: string; slug: string }> {
  assertAdmin(actor);
  const { label } = parseInput(addRootCauseTagSchema, input);
  const slug = slugFor(label);
  if (!slug)
    throw new AppError("invalid_input", "A label needs some letters or digits (label)", { fields: { label: "Letters or digits needed" } });
  try {
    return await serialiseWrite(async () => {
      const last = await db.rootCauseTag.aggregate({ _max: { sortOrder: true } });
      return db.rootCauseTag.create({
        data: { slug, label, sortOrder: (last._max.sortOrder ?? -1) + 1 },
        select: { id: true, slug: true },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "A root cause with that name already exists; rename or reactivate it instead.", {
        fields: { label: "Already exists" },
      });
    }
    throw error;
  }
}
