import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { parseInput } from "@/lib/validation";
import { loadManagedImprovement } from "./load-managed-improvement";

export const setImprovementStatusSchema = z.object({ status: z.enum(["done", "open"]).default("done") });

/** Marks an improvement done (or back to open). Doing it twice changes nothing the second time. */
export async function setImprovementStatus(db: Db, actor: Actor, improvementId: string, input: unknown, now: Date = new Date()) {
  const { status } = parseInput(setImprovementStatusSchema, input);
  const improvement = await loadManagedImprovement(db, actor, improvementId);
  if (improvement.status === status) return { id: improvement.id, status };
  await serialiseWrite(() =>
    db.improvement.update({ where: { id: improvement.id }, data: { status, completedAt: status === "done" ? now : null } }),
  );
  return { id: improvement.id, status };
}
