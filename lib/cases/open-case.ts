import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { retryOnContention, uniqueViolation } from "@/lib/db/contention";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { transition, initialState, venueDay, PLAYBOOK_REVISION, type RecordedEvent } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { capturedAtSchema, caseIdSchema, clientEventIdSchema, recordedTime, type AppendResult } from "./client-event";
import { newCaseReference } from "./references";
import { writeProjection } from "./write-projection";
import { findRecordedResult } from "./append-event";
import { authorityLimitFor } from "./authority-limit";

export const openCaseSchema = z.object({
  clientEventId: clientEventIdSchema,
  /** The id the tablet gave the case when it opened it, possibly offline; the server picks one if absent. */
  caseId: caseIdSchema.optional(),
  locationId: z.string().trim().min(1).max(64).optional(),
  practice: z.boolean().optional(),
  capturedAt: capturedAtSchema.optional(),
});

export { authorityLimitFor };

/**
 * Opens a case at the actor's location; its first event is case_opened. Sent again with the
 * same clientEventId it answers as the first time; a tablet-chosen caseId that is already
 * taken by another opening is a conflict.
 */
export async function openCase(db: Db, actor: Actor, input: unknown, now: () => Date = () => new Date()): Promise<AppendResult> {
  assertCan(actor, "case.open");
  const { clientEventId, caseId, locationId: requested, practice, capturedAt } = parseInput(openCaseSchema, input);
  const locationId = requested ?? actor.currentLocationId ?? actor.locationIds[0];
  if (!locationId) throw new AppError("invalid_input", "Pick the location the complaint is at.");
  assertAtLocation(actor, locationId);
  const authorityLimitCents = await authorityLimitFor(db, actor.role);
  const location = await db.location.findUnique({ where: { id: locationId }, select: { timezone: true } });
  if (!location) throw new AppError("not_found", "No location with that id.");
  const venue = { timeZone: location.timezone };

  return serialiseWrite(() =>
    retryOnContention(async () => {
      const earlier = await findRecordedResult(db, clientEventId, "case_opened", null, caseId);
      if (earlier) return earlier;
      if (caseId && (await db.case.findUnique({ where: { id: caseId }, select: { id: true } }))) {
        throw new AppError("conflict", "A case with this id was already opened by another step; this one was not recorded.", { caseId });
      }

      for (let attempt = 0; ; attempt++) {
        const reference = newCaseReference();
        const event: RecordedEvent = {
          type: "case_opened",
          data: { reference, locationId, authorityLimitCents, practice: practice ?? false, revision: PLAYBOOK_REVISION },
          at: recordedTime(capturedAt, now(), null),
          actor: { id: actor.id, role: actor.role },
        };
        const result = transition(initialState, event);
        if (!result.ok) throw new AppError("playbook_refused", result.reason);
        try {
          return await db.$transaction(async (tx) => {
            const created = await tx.case.create({
              data: {
                id: caseId,
                reference,
                locationId,
                openedById: actor.id,
                stage: result.state.phase,
                status: "open",
                openedAt: event.at,
                openedLocalDay: venueDay(event.at, venue.timeZone),
                lastEventAt: event.at,
              },
            });
            const response: AppendResult = {
              caseId: created.id,
              reference,
              sequence: 1,
              at: event.at.toISOString(),
              phase: result.state.phase,
              status: "open",
              duplicate: false,
            };
            await tx.caseEvent.create({
              data: {
                caseId: created.id,
                sequence: 1,
                type: event.type,
                payload: JSON.stringify(event.data),
                actorId: actor.id,
                actorRole: actor.role,
                at: event.at,
                clientEventId,
                result: JSON.stringify(response),
              },
            });
            await writeProjection(tx, created.id, venue, result.state);
            return response;
          });
        } catch (error) {
          const referenceTaken = uniqueViolation(error)?.fields.includes("reference") ?? false;
          if (!referenceTaken || attempt >= 5) throw error;
        }
      }
    }),
  );
}
