import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { clientEventIdSchema } from "@/lib/cases/client-event";
import { openPracticeCase } from "@/lib/cases/open-case";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { loadPracticeSource } from "./practice-source";

export const startPracticeSchema = z.object({ clientEventId: clientEventIdSchema });

/**
 * Opens a practice case (case_opened with practice: true, through openPracticeCase: the same
 * steps as a live complaint, and the only way a practice case is opened) and links it to the real case whose customer it plays. Sent twice with the same
 * clientEventId, it answers with the same practice case.
 */
export async function startPractice(db: Db, actor: Actor, sourceCaseId: string, input: unknown, now: () => Date = () => new Date()) {
  assertCan(actor, "practice.run");
  const { clientEventId } = parseInput(startPracticeSchema, input);
  const source = await loadPracticeSource(db, actor, sourceCaseId);
  if (!source.practisable) throw new AppError("conflict", "This case is still open: it can be practised once it has ended.");
  const opened = await openPracticeCase(db, actor, { clientEventId, locationId: source.locationId }, now);
  // A reused id answers with whatever it opened first: it must be this person's practice case.
  const practiceCase = await db.case.findUnique({ where: { id: opened.caseId }, select: { isPractice: true, openedById: true } });
  if (!practiceCase?.isPractice || practiceCase.openedById !== actor.id) {
    throw new AppError("conflict", "This step's id was already used for something else; nothing was started.");
  }
  const run = await serialiseWrite(async () => {
    const earlier = await db.practiceRun.findUnique({ where: { practiceCaseId: opened.caseId } });
    if (earlier) {
      if (earlier.sourceCaseId !== source.id) throw new AppError("conflict", "This step's id was already used for another practice run.");
      return earlier;
    }
    return db.practiceRun.create({
      data: { practiceCaseId: opened.caseId, sourceCaseId: source.id, traineeId: actor.id, startedAt: now() },
    });
  });
  return { practiceCaseId: run.practiceCaseId, sourceCaseId: run.sourceCaseId, reference: opened.reference, duplicate: opened.duplicate };
}
