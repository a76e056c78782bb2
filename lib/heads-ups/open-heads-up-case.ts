import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { caseIdSchema, clientEventIdSchema } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import { actingLocation } from "./common";
import { recordNewHeadsUp } from "./record-heads-up";

export const openHeadsUpCaseSchema = z.object({
  clientEventId: clientEventIdSchema,
  caseId: caseIdSchema.optional(),
  locationId: z.string().trim().min(1).max(64).optional(),
});

/** Opens a heads-up for one table or room (not from a floor-wide heads-up): it starts at Notice. */
export async function openHeadsUpCase(db: Db, actor: Actor, input: unknown, now: () => Date = () => new Date()) {
  assertCan(actor, "headsUp.tell");
  const data = parseInput(openHeadsUpCaseSchema, input);
  const locationId = actingLocation(actor, data.locationId);
  return recordNewHeadsUp(db, actor, { clientEventId: data.clientEventId, caseId: data.caseId, locationId, steps: [] }, now);
}
