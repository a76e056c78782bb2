import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { retryOnContention, uniqueViolation } from "@/lib/db/contention";
import { newCuid } from "@/lib/db/cuid";
import { engineOf } from "@/lib/db/engine";
import { HotBusy, hotAppender, type HotAppender, type HotOpeningContext } from "@/lib/db/hot-append";
import { serialiseWrite, serialiseWriteFor } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import {
  encodeState,
  transition,
  initialState,
  venueDay,
  PLAYBOOK_REVISION,
  type CaseState,
  type ProjectionVenue,
  type RecordedEvent,
} from "@/lib/playbook";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HeadsUpCarryOver } from "@/lib/playbook/heads-up/carry-over";
import { publishChange } from "@/lib/live/publish-change";
import { encodeNotice, LIVE_CHANNEL, type LiveNotice } from "@/lib/live/notice";
import { parseInput } from "@/lib/validation";
import { capturedAtSchema, caseIdSchema, clientEventIdSchema, recordedTime, type AppendResult } from "./client-event";
import { newCaseReference } from "./references";
import { planProjection, writeProjection } from "./write-projection";
import { findRecordedResult } from "./append-event";
import { authorityLimitFor } from "./authority-limit";

export const openCaseSchema = z.object({
  clientEventId: clientEventIdSchema,
  /** The id the tablet gave the case when it opened it, possibly offline; the server picks one if absent. */
  caseId: caseIdSchema.optional(),
  locationId: z.string().trim().min(1).max(64).optional(),
  /**
   * A live complaint is never a practice case: practice cases hide from the queue, board, CSV,
   * insights and scores, so only the practice feature opens them (openPracticeCase, from
   * lib/training/start-practice.ts). Tablets still send `practice: false`.
   */
  practice: z.literal(false, { message: "A practice run is started from the Practice page, not opened as a complaint." }).optional(),
  capturedAt: capturedAtSchema.optional(),
});
type OpenCaseInput = z.infer<typeof openCaseSchema>;

export { authorityLimitFor };

/**
 * Opens a case at the actor's location; its first event is case_opened. Sent again with the
 * same clientEventId it answers as the first time; a tablet-chosen caseId that is already
 * taken by another opening is a conflict.
 */
export async function openCase(db: Db, actor: Actor, input: unknown, now: () => Date = () => new Date()): Promise<AppendResult> {
  assertCan(actor, "case.open");
  return recordOpening(db, actor, parseInput(openCaseSchema, input), false, now);
}

/**
 * Opens a practice case: for the practice feature's own server path only
 * (lib/training/start-practice.ts, which first checks the case it plays; and test factories).
 * tests/security/i10-2-practice-open.test.ts fails if anything else imports it.
 */
export async function openPracticeCase(db: Db, actor: Actor, input: unknown, now: () => Date = () => new Date()): Promise<AppendResult> {
  assertCan(actor, "practice.run");
  return recordOpening(db, actor, parseInput(openCaseSchema, input), true, now);
}

/**
 * A complaint that grew out of a heads-up: opened with the heads-up's context in its first step,
 * and `within` (which closes the heads-up as handed on) run in the same transaction.
 * Only lib/heads-ups/start-complaint.ts calls it.
 */
export type HeadsUpLink = { fromHeadsUp: HeadsUpCarryOver; within: (tx: Prisma.TransactionClient, opened: AppendResult) => Promise<void> };
export async function openCaseFromHeadsUp(
  db: Db,
  actor: Actor,
  input: unknown,
  link: HeadsUpLink,
  now: () => Date = () => new Date(),
): Promise<AppendResult> {
  assertCan(actor, "case.open");
  return recordOpening(db, actor, parseInput(openCaseSchema, input), false, now, link);
}

async function recordOpening(
  db: Db,
  actor: Actor,
  input: OpenCaseInput,
  practice: boolean,
  now: () => Date,
  link?: HeadsUpLink,
): Promise<AppendResult> {
  const { clientEventId, caseId, locationId: requested, capturedAt } = input;
  const locationId = requested ?? actor.currentLocationId ?? actor.locationIds[0];
  if (!locationId) throw new AppError("invalid_input", "Pick the location the complaint is at.");
  assertAtLocation(actor, locationId);
  // The raw-SQL hot path (docs/decisions/0029) for the common opening: a live complaint, not from
  // a heads-up. Practice and heads-up openings, and anything the hot path cannot take, go through
  // Prisma below, which stays the reference.
  const hot = practice || link ? null : hotAppender(db);
  const { timeZone, authorityLimitCents } = await openingContext(db, hot, actor.role, locationId);
  const venue = { timeZone };
  const openingEvent = (reference: string): RecordedEvent => ({
    type: "case_opened",
    data: {
      reference,
      locationId,
      authorityLimitCents,
      practice,
      revision: PLAYBOOK_REVISION,
      ...(link ? { fromHeadsUp: link.fromHeadsUp } : {}),
    },
    at: recordedTime(capturedAt, now(), null),
    actor: { id: actor.id, role: actor.role },
  });
  const opening = (id: string, reference: string) => {
    const event = openingEvent(reference);
    const result = transition(initialState, event);
    if (!result.ok) throw new AppError("playbook_refused", result.reason);
    const response: AppendResult = {
      caseId: id,
      reference,
      sequence: 1,
      at: event.at.toISOString(),
      phase: result.state.phase,
      status: "open",
      duplicate: false,
    };
    return { event, state: result.state, response };
  };

  if (hot) {
    const opened = await openHot(db, hot, actor, { caseId, clientEventId, locationId, venue }, opening);
    if (opened) {
      if (!hot.notifiesInStore) await publishChange(db, { locationId, caseId: opened.caseId, floor: false });
      return opened;
    }
  }

  const opened = await serialiseWrite(() =>
    retryOnContention(async () => {
      const earlier = await findRecordedResult(db, clientEventId, "case_opened", null, caseId);
      if (earlier) {
        // The first answer names the case: only someone who works where it was opened gets it again.
        const opened = await db.case.findUnique({ where: { id: earlier.caseId }, select: { locationId: true, isPractice: true } });
        if (!opened) throw new AppError("not_found", "No case with that id.");
        assertAtLocation(actor, opened.locationId);
        if (opened.isPractice !== practice)
          throw new AppError("conflict", "This step's id was already used for a different step; it was not recorded again.", {
            clientEventId,
          });
        return earlier;
      }
      if (caseId && (await db.case.findUnique({ where: { id: caseId }, select: { id: true } }))) {
        throw new AppError("conflict", "A case with this id was already opened by another step; this one was not recorded.", { caseId });
      }

      for (let attempt = 0; ; attempt++) {
        const reference = newCaseReference();
        const { event, state, response: answer } = opening(caseId ?? "", reference);
        try {
          return await db.$transaction(async (tx) => {
            const created = await tx.case.create({
              data: {
                id: caseId,
                reference,
                locationId,
                openedById: actor.id,
                stage: state.phase,
                status: "open",
                openedAt: event.at,
                openedLocalDay: venueDay(event.at, venue.timeZone),
                lastEventAt: event.at,
                stateSnapshot: encodeState(state),
                stateSequence: 1,
              },
            });
            const response: AppendResult = { ...answer, caseId: created.id };
            await tx.caseEvent.create({
              data: { caseId: created.id, sequence: 1, ...storedOpening(event, actor, clientEventId, response) },
            });
            await writeProjection(tx, created.id, venue, state);
            if (link) await link.within(tx, response);
            return response;
          });
        } catch (error) {
          const referenceTaken = uniqueViolation(error)?.fields.includes("reference") ?? false;
          if (!referenceTaken || attempt >= 5) throw error;
        }
      }
    }),
  );
  // The board lists it; a complaint started from a heads-up also changes the floor banner.
  if (!opened.duplicate) await publishChange(db, { locationId, caseId: opened.caseId, floor: Boolean(link) });
  return opened;
}

/** The location's time zone and the role's authority limit: one statement on the hot path, else Prisma's two lookups. */
async function openingContext(
  db: Db,
  hot: HotAppender | null,
  role: string,
  locationId: string,
): Promise<{ timeZone: string; authorityLimitCents: number }> {
  let context: HotOpeningContext | null | undefined;
  if (hot) {
    try {
      context = await hot.openingContext(locationId, role);
    } catch (error) {
      if (!(error instanceof HotBusy)) throw error;
    }
  }
  if (context === undefined) {
    const authorityLimitCents = await authorityLimitFor(db, role);
    const location = await db.location.findUnique({ where: { id: locationId }, select: { timezone: true } });
    context = location && { timezone: location.timezone, authorityLimitCents };
  }
  if (!context) throw new AppError("not_found", "No location with that id.");
  return { timeZone: context.timezone, authorityLimitCents: context.authorityLimitCents };
}

/** The case_opened event as stored, by either path (its case id and sequence 1 are the caller's). */
function storedOpening(event: RecordedEvent, actor: Actor, clientEventId: string, response: AppendResult) {
  return {
    type: event.type,
    payload: JSON.stringify(event.data),
    actorId: actor.id,
    actorRole: actor.role,
    at: event.at,
    clientEventId,
    result: JSON.stringify(response),
  };
}

/**
 * The common opening in one write (docs/decisions/0029): the Case row as Prisma's create and
 * writeProjection leave it and the case_opened event, inserted together, with no lookup first.
 * A step sent again, a case id already taken or a reference that collides shows up as a unique
 * violation, and the SQLite file busy elsewhere as HotBusy: nothing was stored, and null sends the
 * opening the Prisma way, whose lookups give the right answer (the first answer again, a conflict,
 * another reference).
 */
async function openHot(
  db: Db,
  hot: HotAppender,
  actor: Actor,
  { caseId, clientEventId, locationId, venue }: { caseId?: string; clientEventId: string; locationId: string; venue: ProjectionVenue },
  opening: (id: string, reference: string) => { event: RecordedEvent; state: CaseState; response: AppendResult },
): Promise<AppendResult | null> {
  const id = caseId ?? newCuid();
  const { event, state, response } = opening(id, newCaseReference());
  const { projection } = planProjection(venue, state);
  // A new case has no child rows; should an opening ever project some, Prisma writes them.
  if (projection.actions.length || projection.rootCauseSlugs.length || projection.compensation.length) return null;
  const live: LiveNotice = { locationId, caseId: id, floor: false };
  try {
    await serialiseWriteFor(engineOf(db), id, () =>
      hot.open({
        caseId: id,
        reference: response.reference,
        locationId,
        openedById: actor.id,
        row: projection.row,
        stateSnapshot: encodeState(state),
        event: storedOpening(event, actor, clientEventId, response),
        notify: hot.notifiesInStore ? { channel: LIVE_CHANNEL, payload: encodeNotice(live) } : undefined,
      }),
    );
  } catch (error) {
    if (error instanceof HotBusy || uniqueViolation(error)) return null;
    throw error;
  }
  return response;
}
