import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { randomInt } from "node:crypto";
import {
  foldHeadsUp,
  headsUpEventSchema,
  headsUpOptionSchema,
  headsUpStatus,
  type HeadsUpOption,
  type HeadsUpState,
  type RecordedHeadsUpEvent,
} from "@/lib/playbook/heads-up";
import { ROLES, type Role } from "@/lib/playbook";

export const idSchema = z.string().trim().min(1).max(64);

export function parseId(id: string, what = "heads-up"): string {
  const parsed = idSchema.regex(/^[A-Za-z0-9_-]+$/).safeParse(id);
  if (!parsed.success) throw new AppError("invalid_input", `That is not a ${what} id.`);
  return parsed.data;
}

/** The venues an actor's floor view covers: the tablet's venue, or every venue they work at. */
export function floorLocations(actor: Actor): string[] {
  return actor.currentLocationId ? [actor.currentLocationId] : actor.locationIds;
}

/** The location an actor raises or opens something at: the one asked for (if theirs), else the tablet's. */
export function actingLocation(actor: Actor, requested: string | undefined): string {
  const locationId = requested ?? actor.currentLocationId ?? actor.locationIds[0];
  if (!locationId) throw new AppError("invalid_input", "Pick the location this is at.");
  if (!actor.locationIds.includes(locationId)) throw new AppError("forbidden", "You do not work at this location.");
  return locationId;
}

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export function newHeadsUpReference(): string {
  let ref = "";
  for (let i = 0; i < 6; i++) ref += ALPHABET[randomInt(ALPHABET.length)];
  return `H-${ref}`;
}

export function parseOptions(json: string): HeadsUpOption[] {
  const parsed = z.array(headsUpOptionSchema).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

type StoredEvent = { type: string; payload: string; at: Date; actorId: string; actorRole: string };
export function toRecordedHeadsUpEvent(row: StoredEvent): RecordedHeadsUpEvent {
  const event = headsUpEventSchema.parse({ type: row.type, data: JSON.parse(row.payload) });
  const role: Role = ROLES.includes(row.actorRole as Role) ? (row.actorRole as Role) : "staff";
  return { ...event, at: row.at, actor: { id: row.actorId, role } };
}

export async function loadHeadsUpLog(db: Pick<Db, "headsUpEvent">, caseId: string): Promise<RecordedHeadsUpEvent[]> {
  const rows = await db.headsUpEvent.findMany({ where: { caseId }, orderBy: { sequence: "asc" } });
  return rows.map(toRecordedHeadsUpEvent);
}

export async function loadHeadsUpState(
  db: Pick<Db, "headsUpEvent">,
  caseId: string,
): Promise<{ log: RecordedHeadsUpEvent[]; state: HeadsUpState }> {
  const log = await loadHeadsUpLog(db, caseId);
  return { log, state: foldHeadsUp(log) };
}

/** The HeadsUpCase row as the fold determines it. */
export function projectHeadsUp(state: HeadsUpState) {
  if (state.phase === "new" || !state.openedAt || !state.lastEventAt) throw new Error("A heads-up must be opened first");
  return {
    stage: state.phase,
    status: headsUpStatus(state),
    kind: state.issue?.kind ?? null,
    what: state.issue?.what ?? null,
    spot: state.issue?.spot ?? null,
    choice: state.decision?.choice ?? null,
    chosenOption: state.decision?.option ?? null,
    customerAskedFirst: state.issue?.customerAskedFirst ?? null,
    toldById: state.toldById ?? null,
    toldAt: state.toldAt ?? null,
    complaintCaseId: state.complaint?.caseId ?? null,
    eventCount: state.eventCount,
    openedAt: state.openedAt,
    closedAt: state.closedAt ?? null,
    lastEventAt: state.lastEventAt,
  };
}

/** Stores events folded from `before` and rewrites the projection, inside the caller's transaction. */
export async function writeHeadsUpEvents(
  tx: Prisma.TransactionClient,
  caseId: string,
  reference: string,
  events: { event: RecordedHeadsUpEvent; clientEventId: string }[],
  startSequence: number,
  states: HeadsUpState[],
): Promise<void> {
  for (const [i, { event, clientEventId }] of events.entries()) {
    const sequence = startSequence + i;
    const state = states[i];
    await tx.headsUpEvent.create({
      data: {
        caseId,
        sequence,
        type: event.type,
        payload: JSON.stringify(event.data),
        actorId: event.actor.id,
        actorRole: event.actor.role,
        at: event.at,
        clientEventId,
        result: JSON.stringify({
          caseId,
          reference,
          sequence,
          at: event.at.toISOString(),
          phase: state.phase,
          status: headsUpStatus(state),
          duplicate: false,
        }),
      },
    });
  }
  await tx.headsUpCase.update({ where: { id: caseId }, data: projectHeadsUp(states[states.length - 1]) });
}

export type HeadsUpAppendResult = {
  caseId: string;
  reference: string;
  sequence: number;
  at: string;
  phase: string;
  status: string;
  duplicate: boolean;
};
