import "server-only";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCaseId, isEnded } from "./common";

/**
 * A case someone may practise on: real (not itself a practice run), ended, and at one of their
 * locations. What the customer said comes to them redacted, like a trainer's copy.
 */
export async function loadPracticeSource(db: Db, actor: Actor, caseId: string) {
  const id = assertCaseId(caseId);
  const row = await db.case.findUnique({
    where: { id },
    select: {
      id: true,
      reference: true,
      status: true,
      isPractice: true,
      locationId: true,
      category: true,
      severity: true,
      mood: true,
      openedById: true,
      location: { select: { name: true, timezone: true } },
    },
  });
  if (!row) throw new AppError("not_found", "No case with that id.");
  assertAtLocation(actor, row.locationId);
  if (row.isPractice) throw new AppError("invalid_input", "That is a practice run; practise on the real case it came from.");
  return { ...row, practisable: isEnded(row.status) };
}
