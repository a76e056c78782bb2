import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCaseId, idSchema, isEnded } from "./common";

export const pinCommentSchema = z.object({
  eventSequence: z.coerce.number().int("Pick a step").min(1, "Pick a step"),
  text: z.string().trim().min(1, "Write the comment").max(2000, "At most 2000 characters"),
  /** Who the comment is for; by default the person who handled the case. */
  staffId: idSchema.optional(),
});

/** A trainer pins a coaching comment to one step of an ended case, for the person who handled it. */
export async function pinComment(db: Db, actor: Actor, caseId: string, input: unknown, now: () => Date = () => new Date()) {
  assertCan(actor, "trainer.coach");
  const { eventSequence, text, staffId } = parseInput(pinCommentSchema, input);
  const id = assertCaseId(caseId);
  const row = await db.case.findUnique({ where: { id }, select: { id: true, locationId: true, status: true, openedById: true } });
  if (!row) throw new AppError("not_found", "No case with that id.");
  assertAtLocation(actor, row.locationId);
  if (!isEnded(row.status)) throw new AppError("conflict", "Comments are pinned once the case has ended.");
  const event = await db.caseEvent.findUnique({
    where: { caseId_sequence: { caseId: id, sequence: eventSequence } },
    select: { id: true },
  });
  if (!event) throw new AppError("invalid_input", "This case has no such step.", { fields: { eventSequence: "No such step" } });
  const forId = staffId ?? row.openedById;
  if (forId !== row.openedById) {
    const tookPart = await db.caseEvent.findFirst({ where: { caseId: id, actorId: forId }, select: { id: true } });
    if (!tookPart)
      throw new AppError("invalid_input", "A comment is for someone who worked on this case.", { fields: { staffId: "Not on this case" } });
  }
  const created = await serialiseWrite(() =>
    db.coachingComment.create({
      data: { caseId: id, eventSequence, authorId: actor.id, staffId: forId, text, createdAt: now() },
      include: { author: { select: { name: true } }, staff: { select: { name: true } } },
    }),
  );
  return {
    id: created.id,
    caseId: created.caseId,
    eventSequence: created.eventSequence,
    text: created.text,
    authorName: created.author.name,
    staffName: created.staff.name,
    createdAt: created.createdAt.toISOString(),
    acknowledgedAt: null,
  };
}
