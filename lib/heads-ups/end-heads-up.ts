import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertAtLocation } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { parseInput } from "@/lib/validation";
import { parseId } from "./common";

export const endHeadsUpSchema = z.object({ note: z.string().trim().max(500, "At most 500 characters").optional() });

/** Ends a heads-up on record: who ended it, when, and a note. Its raiser or a manager may. */
export async function endHeadsUp(db: Db, actor: Actor, alertId: string, input: unknown, now: () => Date = () => new Date()) {
  assertCan(actor, "headsUp.raise");
  const id = parseId(alertId);
  const { note } = parseInput(endHeadsUpSchema, input);
  let locationId: string | null = null;
  const result = await serialiseWrite(async () => {
    const alert = await db.headsUpAlert.findUnique({
      where: { id },
      select: { id: true, locationId: true, raisedById: true, endedAt: true },
    });
    if (!alert) throw new AppError("not_found", "No heads-up with that id.");
    assertAtLocation(actor, alert.locationId);
    locationId = alert.locationId;
    if (alert.raisedById !== actor.id && !can(actor, "headsUp.endAny")) {
      throw new AppError("forbidden", "Only the person who raised this heads-up, or a manager, can end it.");
    }
    if (alert.endedAt) return { id, endedAt: alert.endedAt.toISOString(), duplicate: true };
    const ended = await db.headsUpAlert.update({ where: { id }, data: { endedAt: now(), endedById: actor.id, endNote: note || null } });
    return { id, endedAt: ended.endedAt!.toISOString(), duplicate: false };
  });
  if (!result.duplicate && locationId) await publishChange(db, { locationId, floor: true });
  return result;
}
