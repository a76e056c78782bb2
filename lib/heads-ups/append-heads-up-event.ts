import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { authorityLimitFor } from "@/lib/cases/authority-limit";
import { capturedAtSchema, clientEventIdSchema, recordedTime } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { retryOnContention } from "@/lib/db/contention";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { headsUpEventSchema, headsUpStatus, transitionHeadsUp, type RecordedHeadsUpEvent } from "@/lib/playbook/heads-up";
import { publishChange } from "@/lib/live/publish-change";
import { parseInput } from "@/lib/validation";
import { loadHeadsUpState, parseId, writeHeadsUpEvents, type HeadsUpAppendResult } from "./common";

export const appendHeadsUpEventSchema = z.object({
  clientEventId: clientEventIdSchema,
  event: headsUpEventSchema,
  capturedAt: capturedAtSchema.optional(),
});

/** One step of a heads-up case, validated by zod and the heads-up playbook, stored with its projection. */
export async function appendHeadsUpEvent(
  db: Db,
  actor: Actor,
  caseId: string,
  input: unknown,
  now: () => Date = () => new Date(),
): Promise<HeadsUpAppendResult> {
  assertCan(actor, "headsUp.tell");
  const id = parseId(caseId, "heads-up case");
  const { clientEventId, event: sent, capturedAt } = parseInput(appendHeadsUpEventSchema, input);
  if (sent.type === "heads_up_opened")
    throw new AppError("invalid_input", "A heads-up is opened with POST /api/heads-up-cases, not as a step.");
  if (sent.type === "complaint_started")
    throw new AppError("invalid_input", "A heads-up becomes a complaint through its own request, which opens the complaint case.");
  const event =
    sent.type === "gesture_offered"
      ? { ...sent, data: { ...sent.data, authorityLimitCents: await authorityLimitFor(db, actor.role) } }
      : sent;
  if (event.type === "prevention_noted" && event.data.tags.length) {
    const known = await db.rootCauseTag.findMany({ where: { slug: { in: event.data.tags }, active: true }, select: { slug: true } });
    const unknown = event.data.tags.filter((t) => !known.some((k) => k.slug === t));
    if (unknown.length)
      throw new AppError("invalid_input", `Unknown root-cause tag: ${unknown.join(", ")}`, {
        fields: { "event.data.tags": "Unknown tag" },
      });
  }
  const payload = JSON.stringify(event.data);
  let locationId: string | null = null;
  const result = await serialiseWrite(() =>
    retryOnContention(async () => {
      const row = await db.headsUpCase.findUnique({ where: { id }, select: { id: true, reference: true, locationId: true } });
      if (!row) throw new AppError("not_found", "No heads-up case with that id.");
      assertAtLocation(actor, row.locationId);
      locationId = row.locationId;
      const earlier = await db.headsUpEvent.findUnique({ where: { clientEventId } });
      if (earlier) {
        if (earlier.caseId !== id || earlier.type !== event.type || earlier.payload !== payload) {
          throw new AppError("conflict", "This step's id was already used for a different step; it was not recorded again.", {
            clientEventId,
          });
        }
        return { ...(JSON.parse(earlier.result) as HeadsUpAppendResult), duplicate: true };
      }
      const { state } = await loadHeadsUpState(db, id);
      const recorded: RecordedHeadsUpEvent = {
        ...event,
        at: recordedTime(capturedAt, now(), state.lastEventAt ?? null),
        actor: { id: actor.id, role: actor.role },
      };
      const next = transitionHeadsUp(state, recorded);
      if (!next.ok) throw new AppError("playbook_refused", next.reason, { refusal: next.code, phase: state.phase });
      await db.$transaction((tx) =>
        writeHeadsUpEvents(tx, id, row.reference, [{ event: recorded, clientEventId }], state.eventCount + 1, [next.state]),
      );
      return {
        caseId: id,
        reference: row.reference,
        sequence: state.eventCount + 1,
        at: recorded.at.toISOString(),
        phase: next.state.phase,
        status: headsUpStatus(next.state),
        duplicate: false,
      };
    }),
  );
  if (!result.duplicate && locationId) await publishChange(db, { locationId, floor: true });
  return result;
}
