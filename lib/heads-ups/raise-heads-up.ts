import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { clientEventIdSchema } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { venueDay } from "@/lib/playbook/venue-day";
import { HEADS_UP_KINDS, headsUpOptionSchema } from "@/lib/playbook/heads-up";
import { publishChange } from "@/lib/live/publish-change";
import { parseInput } from "@/lib/validation";
import { actingLocation } from "./common";

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, `At most ${max} characters`);

export const raiseHeadsUpSchema = z.object({
  clientEventId: clientEventIdSchema,
  locationId: z.string().trim().min(1).max(64).optional(),
  kind: z.enum(HEADS_UP_KINDS, { message: "Pick what kind of problem it is" }),
  what: text(200, "Say what is happening, in a few words"),
  reason: text(300, "Give the plain, true reason"),
  options: z
    .array(z.object({ choice: headsUpOptionSchema.shape.choice, text: text(200, "Write the option") }))
    .min(2, "Give at least two options, such as waiting, changing or cancelling")
    .max(6),
});

/** Raises a floor-wide heads-up at the actor's venue; sent again with the same id, answers as before. */
export async function raiseHeadsUp(db: Db, actor: Actor, input: unknown, now: () => Date = () => new Date()) {
  assertCan(actor, "headsUp.raise");
  const data = parseInput(raiseHeadsUpSchema, input);
  const locationId = actingLocation(actor, data.locationId);
  const texts = new Set(data.options.map((o) => o.text.toLowerCase().replace(/\s+/g, " ")));
  if (texts.size < 2)
    throw new AppError("invalid_input", "Give at least two different options.", { fields: { options: "Two different options" } });
  const location = await db.location.findUnique({ where: { id: locationId }, select: { timezone: true } });
  if (!location) throw new AppError("not_found", "No location with that id.");
  const raised = await serialiseWrite(async () => {
    const earlier = await db.headsUpAlert.findUnique({ where: { clientEventId: data.clientEventId } });
    if (earlier) {
      if (earlier.raisedById !== actor.id || earlier.what !== data.what) {
        throw new AppError("conflict", "This id was already used for a different heads-up; it was not raised again.");
      }
      return { id: earlier.id, duplicate: true };
    }
    const raisedAt = now();
    const created = await db.headsUpAlert.create({
      data: {
        raisedLocalDay: venueDay(raisedAt, location.timezone),
        locationId,
        kind: data.kind,
        what: data.what,
        reason: data.reason,
        options: JSON.stringify(data.options),
        raisedById: actor.id,
        raisedAt,
        clientEventId: data.clientEventId,
      },
    });
    return { id: created.id, duplicate: false };
  });
  if (!raised.duplicate) await publishChange(db, { locationId, floor: true });
  return raised;
}
