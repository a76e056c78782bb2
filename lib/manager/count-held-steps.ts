import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { heldStepScope } from "./list-held-steps";
import { assertManager } from "./scope";

/** How many held steps at the manager's locations nobody has reviewed yet (the badge on their home page). */
export async function countHeldSteps(db: Db, actor: Actor): Promise<number> {
  assertManager(actor);
  return db.heldStep.count({ where: { AND: [heldStepScope(actor), { reviewedAt: null }] } });
}
