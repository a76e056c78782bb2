import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { caseIdSchema } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { retryOnContention, uniqueViolation } from "@/lib/db/contention";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import {
  HEADS_UP_REVISION,
  initialHeadsUpState,
  transitionHeadsUp,
  type HeadsUpEvent,
  type HeadsUpState,
  type RecordedHeadsUpEvent,
} from "@/lib/playbook/heads-up";
import { venueDay } from "@/lib/playbook/venue-day";
import { publishChange } from "@/lib/live/publish-change";
import { newHeadsUpReference, writeHeadsUpEvents, type HeadsUpAppendResult } from "./common";

export { caseIdSchema };

/**
 * Opens a heads-up case at `locationId` and records `steps` after its opening, all in one
 * transaction, each through the heads-up playbook. Sent again with the same client id, answers as
 * the first time (to someone who works there).
 */
export async function recordNewHeadsUp(
  db: Db,
  actor: Actor,
  input: { clientEventId: string; caseId?: string; locationId: string; alertId?: string; steps: HeadsUpEvent[] },
  now: () => Date,
): Promise<HeadsUpAppendResult> {
  const location = await db.location.findUnique({ where: { id: input.locationId }, select: { timezone: true } });
  if (!location) throw new AppError("not_found", "No location with that id.");
  const result = await serialiseWrite(() =>
    retryOnContention(async (): Promise<HeadsUpAppendResult> => {
      const earlier = await db.headsUpEvent.findUnique({
        where: { clientEventId: input.clientEventId },
        include: { case: { select: { locationId: true } } },
      });
      if (earlier) {
        if (earlier.type !== "heads_up_opened" || !actor.locationIds.includes(earlier.case.locationId)) {
          throw new AppError("conflict", "This step's id was already used for a different step; it was not recorded again.");
        }
        const opened = JSON.parse(earlier.result) as HeadsUpAppendResult;
        const last = await db.headsUpEvent.findFirst({ where: { caseId: earlier.caseId }, orderBy: { sequence: "desc" } });
        return { ...(last ? (JSON.parse(last.result) as HeadsUpAppendResult) : opened), duplicate: true };
      }
      if (input.caseId && (await db.headsUpCase.findUnique({ where: { id: input.caseId }, select: { id: true } }))) {
        throw new AppError("conflict", "A heads-up with this id was already opened by another step.");
      }
      for (let attempt = 0; ; attempt++) {
        const reference = newHeadsUpReference();
        const at = now();
        const who = { id: actor.id, role: actor.role };
        const recorded: RecordedHeadsUpEvent[] = [
          {
            type: "heads_up_opened",
            data: { reference, locationId: input.locationId, alertId: input.alertId, revision: HEADS_UP_REVISION },
            at,
            actor: who,
          },
          ...input.steps.map((step) => ({ ...step, at, actor: who }) as RecordedHeadsUpEvent),
        ];
        const states: HeadsUpState[] = [];
        let state = initialHeadsUpState;
        for (const event of recorded) {
          const next = transitionHeadsUp(state, event);
          if (!next.ok) throw new AppError("playbook_refused", next.reason, { refusal: next.code, phase: state.phase });
          state = next.state;
          states.push(state);
        }
        try {
          return await db.$transaction(async (tx) => {
            const created = await tx.headsUpCase.create({
              data: {
                id: input.caseId,
                reference,
                locationId: input.locationId,
                alertId: input.alertId ?? null,
                openedById: actor.id,
                stage: "notice",
                status: "open",
                openedAt: at,
                openedLocalDay: venueDay(at, location.timezone),
                lastEventAt: at,
              },
            });
            const events = recorded.map((event, i) => ({
              event,
              clientEventId: i === 0 ? input.clientEventId : `${input.clientEventId}:${i}`,
            }));
            await writeHeadsUpEvents(tx, created.id, reference, events, 1, states);
            return {
              caseId: created.id,
              reference,
              sequence: recorded.length,
              at: at.toISOString(),
              phase: state.phase,
              status: "open",
              duplicate: false,
            };
          });
        } catch (error) {
          const taken = uniqueViolation(error)?.fields.includes("reference") ?? false;
          if (!taken || attempt >= 5) throw error;
        }
      }
    }),
  );
  // A table told about a heads-up shows on every tablet's banner.
  if (!result.duplicate) await publishChange(db, { locationId: input.locationId, floor: true });
  return result;
}
