import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";

/** The member of staff says they have read a coaching comment. Acknowledging twice keeps the first time. */
export async function acknowledgeComment(db: Db, actor: Actor, commentId: string, now: () => Date = () => new Date()) {
  assertCan(actor, "feedback.own");
  if (typeof commentId !== "string" || commentId.length === 0 || commentId.length > 64) throw new AppError("not_found", "No such comment.");
  return serialiseWrite(async () => {
    const comment = await db.coachingComment.findUnique({
      where: { id: commentId },
      select: { id: true, staffId: true, acknowledgedAt: true },
    });
    // Someone else's comment is not found: its existence is not this person's business.
    if (!comment || comment.staffId !== actor.id) throw new AppError("not_found", "No such comment.");
    if (comment.acknowledgedAt) return { id: comment.id, acknowledgedAt: comment.acknowledgedAt.toISOString(), duplicate: true };
    const updated = await db.coachingComment.update({
      where: { id: comment.id },
      data: { acknowledgedAt: now() },
      select: { id: true, acknowledgedAt: true },
    });
    return { id: updated.id, acknowledgedAt: updated.acknowledgedAt?.toISOString() ?? null, duplicate: false };
  });
}
