import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { parseInput } from "@/lib/validation";
import { HELD_STEP_OUTCOMES, type HeldStepOutcome } from "./list-held-steps";
import { assertManager } from "./scope";

export const reviewHeldStepSchema = z.object({
  outcome: z.enum(HELD_STEP_OUTCOMES, { message: 'Choose "Recorded by hand" or "No longer needed" (outcome)' }),
  note: z.string().trim().min(1, "Write a short note on what was done").max(500, "The note is at most 500 characters"),
});

export type HeldStepReview = { id: string; outcome: HeldStepOutcome; note: string; reviewedAt: string; duplicate: boolean };

const NOT_FOUND = "No held step with that id.";

/**
 * A manager marks a held step reviewed: what they did about it ("recorded by hand" or "no longer
 * needed"), with a short note; who and when are kept. Sent again by the same manager with the same
 * words (an answer lost on the way) it answers as the first time; any other second review is a
 * conflict naming the first. Only the managers of the location it was captured at (an admin also
 * those with no location).
 */
export async function reviewHeldStep(
  db: Db,
  actor: Actor,
  heldStepId: string,
  input: unknown,
  now: () => Date = () => new Date(),
): Promise<HeldStepReview> {
  assertManager(actor);
  const { outcome, note } = parseInput(reviewHeldStepSchema, input);
  if (typeof heldStepId !== "string" || heldStepId.length === 0 || heldStepId.length > 64) throw new AppError("not_found", NOT_FOUND);
  const held = await db.heldStep.findUnique({ where: { id: heldStepId }, select: { id: true, locationId: true } });
  if (!held) throw new AppError("not_found", NOT_FOUND);
  if (held.locationId) assertAtLocation(actor, held.locationId);
  else if (actor.role !== "admin") throw new AppError("forbidden", "Only an admin can review a held step no venue could be found for.");

  const at = now();
  const { count } = await serialiseWrite(() =>
    db.heldStep.updateMany({
      where: { id: held.id, reviewedAt: null },
      data: { reviewedAt: at, reviewedById: actor.id, reviewOutcome: outcome, reviewNote: note },
    }),
  );
  if (count === 1) {
    // The badge on the venue's managers' boards counts one fewer (docs/decisions/0019).
    if (held.locationId) await publishChange(db, { locationId: held.locationId, held: true });
    return { id: held.id, outcome, note, reviewedAt: at.toISOString(), duplicate: false };
  }

  const first = await db.heldStep.findUniqueOrThrow({
    where: { id: held.id },
    select: { reviewedAt: true, reviewedById: true, reviewOutcome: true, reviewNote: true },
  });
  if (first.reviewedById === actor.id && first.reviewOutcome === outcome && first.reviewNote === note && first.reviewedAt) {
    return { id: held.id, outcome, note, reviewedAt: first.reviewedAt.toISOString(), duplicate: true };
  }
  const by = first.reviewedById ? await db.user.findUnique({ where: { id: first.reviewedById }, select: { name: true } }) : null;
  throw new AppError(
    "conflict",
    `${by?.name ?? "Someone"} already reviewed this held step${first.reviewedAt ? ` on ${first.reviewedAt.toISOString().slice(0, 10)}` : ""}: ${first.reviewNote ?? ""}`.trim(),
    { reviewedBy: by?.name ?? null },
  );
}
