import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { clientEventIdSchema } from "@/lib/cases/client-event";
import { openCaseFromHeadsUp } from "@/lib/cases/open-case";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { headsUpCarryOver, isHeadsUpOpen, transitionHeadsUp, type RecordedHeadsUpEvent } from "@/lib/playbook/heads-up";
import { parseInput } from "@/lib/validation";
import { loadHeadsUpState, parseId, writeHeadsUpEvents } from "./common";

export const startComplaintSchema = z.object({ clientEventId: clientEventIdSchema });

/**
 * The customer complains after all: opens a complaint case at Listen carrying the heads-up's
 * context (nothing retyped), and hands the heads-up on to it, both in one transaction.
 */
export async function startComplaintFromHeadsUp(
  db: Db,
  actor: Actor,
  headsUpCaseId: string,
  input: unknown,
  now: () => Date = () => new Date(),
) {
  assertCan(actor, "headsUp.tell");
  assertCan(actor, "case.open");
  const id = parseId(headsUpCaseId, "heads-up case");
  const { clientEventId } = parseInput(startComplaintSchema, input);
  const row = await db.headsUpCase.findUnique({ where: { id }, select: { locationId: true, reference: true, complaintCaseId: true } });
  if (!row) throw new AppError("not_found", "No heads-up case with that id.");
  assertAtLocation(actor, row.locationId);
  const { state } = await loadHeadsUpState(db, id);
  const fromHeadsUp = headsUpCarryOver(id, state);
  const repeat = await db.caseEvent.findUnique({ where: { clientEventId }, select: { caseId: true } });
  if (!repeat) {
    if (row.complaintCaseId)
      throw new AppError("conflict", "This heads-up already became a complaint case.", { complaintCaseId: row.complaintCaseId });
    if (!isHeadsUpOpen(state)) throw new AppError("playbook_refused", "This heads-up has ended; open a new complaint case instead.");
    if (!fromHeadsUp) throw new AppError("playbook_refused", "Note what is happening first (Notice), so the complaint starts with it.");
  }
  const opened = await openCaseFromHeadsUp(
    db,
    actor,
    { clientEventId, locationId: row.locationId },
    {
      fromHeadsUp: fromHeadsUp!,
      within: async (tx, complaint) => {
        const { state: latest } = await loadHeadsUpState(tx, id);
        const event: RecordedHeadsUpEvent = {
          type: "complaint_started",
          data: { complaintCaseId: complaint.caseId, complaintReference: complaint.reference },
          at: new Date(complaint.at),
          actor: { id: actor.id, role: actor.role },
        };
        const next = transitionHeadsUp(latest, event);
        if (!next.ok) throw new AppError("playbook_refused", next.reason, { refusal: next.code });
        await writeHeadsUpEvents(tx, id, row.reference, [{ event, clientEventId: `${clientEventId}:heads-up` }], latest.eventCount + 1, [
          next.state,
        ]);
      },
    },
    now,
  );
  return { ...opened, headsUpCaseId: id };
}
