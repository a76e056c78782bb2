import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import { heldStepScope } from "./list-held-steps";
import { assertManager } from "./scope";

/** GET /api/manager/held-steps/count takes no parameters (any others are ignored). */
export const heldStepsCountQuerySchema = z.object({});

/** How many held steps at the manager's locations nobody has reviewed yet (the badge on their live board). */
export async function countHeldSteps(db: Db, actor: Actor, input: unknown = {}): Promise<number> {
  assertManager(actor);
  parseInput(heldStepsCountQuerySchema, input);
  return db.heldStep.count({ where: { AND: [heldStepScope(actor), { reviewedAt: null }] } });
}
