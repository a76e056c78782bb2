import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { retryOnContention, uniqueViolation } from "@/lib/db/contention";
import { engineOf } from "@/lib/db/engine";
import { HotBusy, HotRaced, hotAppender, type CaseRowColumns, type HotAppender, type HotCaseRead, type HotStep } from "@/lib/db/hot-append";
import { serialiseWriteFor } from "@/lib/db/write-lock";
import { AppError, isAppError } from "@/lib/errors";
import {
  carriesLimit,
  caseStatus,
  encodeState,
  playbookEventSchema,
  transition,
  withOwnLimit,
  withoutOwnLimit,
  type RecordedEvent,
} from "@/lib/playbook";
import { publishChange } from "@/lib/live/publish-change";
import { encodeNotice, LIVE_CHANNEL, type LiveNotice } from "@/lib/live/notice";
import { parseInput } from "@/lib/validation";
import { assertPracticeStep } from "./practice-step";
import { loadCaseLog, loadCaseState, snapshotState, storedStateSelect, toRecordedEvent, type StoredState } from "./case-log";
import { isScored, rubricColumns } from "./case-score";
import { authorityLimitFor } from "./authority-limit";
import { capturedAtSchema, clientEventIdSchema, recordedTime, type AppendResult } from "./client-event";
import { applyProjection, planProjection } from "./write-projection";

export const appendEventSchema = z.object({
  clientEventId: clientEventIdSchema,
  event: playbookEventSchema,
  /** When the tablet captured the step (it may have waited offline); see recordedTime. */
  capturedAt: capturedAtSchema.optional(),
});
export type AppendEventInput = z.input<typeof appendEventSchema>;

/**
 * A step sent again with the same client id gets the answer it got the first time. The same
 * id with a different step is a conflict, never silently accepted.
 */
export async function findRecordedResult(
  db: Pick<Db, "caseEvent">,
  clientEventId: string,
  type: string,
  payload: string | null,
  caseId?: string,
): Promise<AppendResult | null> {
  const earlier = await db.caseEvent.findUnique({ where: { clientEventId } });
  if (!earlier) return null;
  const same =
    earlier.type === type && (payload === null || samePayload(type, earlier.payload, payload)) && (!caseId || earlier.caseId === caseId);
  if (!same) {
    throw new AppError("conflict", "This step's id was already used for a different step; it was not recorded again.", {
      clientEventId,
    });
  }
  return { ...(JSON.parse(earlier.result) as AppendResult), duplicate: true };
}

/** The same step, ignoring the limit the server wrote in (an admin may have changed it since). */
function samePayload(type: string, stored: string, sent: string): boolean {
  if (stored === sent) return true;
  if (!carriesLimit(type)) return false;
  const strip = (payload: string) => JSON.stringify(withoutOwnLimit(JSON.parse(payload) as Record<string, unknown>));
  return strip(stored) === strip(sent);
}

/**
 * Validates one step with zod and the playbook, then stores it and the projection together.
 * Offers and decisions get the actor's own authority limit written in here, whatever the client
 * sent: the playbook decides from it (lib/playbook/authority.ts).
 */
export async function appendEvent(
  db: Db,
  actor: Actor,
  caseId: string,
  input: unknown,
  now: () => Date = () => new Date(),
  /** The case's row as the caller read it with the session (lib/auth/sessions.ts resolveSessionWithCase): the first try uses it instead of reading. */
  { knownCase }: { knownCase?: HotCaseRead | null } = {},
): Promise<AppendResult> {
  assertCan(actor, "case.append");
  const { clientEventId, event: sent, capturedAt } = parseInput(appendEventSchema, input);
  if (sent.type === "case_opened") throw new AppError("invalid_input", "A case is opened with POST /api/cases, not as a step.");
  const event = carriesLimit(sent.type) ? withOwnLimit(sent, await authorityLimitFor(db, actor.role)) : sent;
  const payload = JSON.stringify(event.data);

  // Set when this call stores the step (not for a step answered as recorded earlier): the live
  // notice goes out after the write (docs/decisions/0026).
  let notice: LiveNotice | undefined;
  // The raw-SQL hot path for the common step (docs/decisions/0029), when this client has one.
  const hot = hotAppender(db);
  // Queued behind this process's other writes (on PostgreSQL, those to the same case); retried
  // from the top if another process appended to the same case between our read and our write
  // (docs/decisions/0003).
  const result = await serialiseWriteFor(engineOf(db), caseId, () =>
    retryOnContention(async (attempt) => {
      // Access first: a repeated step's answer names the case (reference, sequence, phase), so
      // only someone who works where the case is may have it again. One query: the row with its
      // location's time zone and the stored state.
      // The row read with the session (docs/decisions/0041), on the first try: if the case moved on
      // since, the write is refused and retried from a fresh read (the store's eventCount guard,
      // the event's unique sequence), and a refusal is checked below.
      const readWithSession = attempt === 1 && knownCase?.id === caseId ? knownCase : null;
      const row = readWithSession ?? (await readCase(db, hot, caseId));
      if (!row) throw new AppError("not_found", "No case with that id.");
      assertAtLocation(actor, row.locationId);

      // A step sent again is usually caught by the event's unique clientEventId as it is stored
      // (docs/decisions/0023): no lookup before every append. After a retry, look first.
      const recordedBefore = () => findRecordedResult(db, clientEventId, event.type, payload, caseId);
      if (attempt > 1) {
        const earlier = await recordedBefore();
        if (earlier) return earlier;
      }
      try {
        return await store(attempt, row);
      } catch (error) {
        // Refused, or its id already taken: if it is this very step, recorded earlier, answer as then.
        if (attempt === 1 && (isAppError(error) || uniqueViolation(error)?.fields.includes("clientEventId"))) {
          const earlier = await recordedBefore();
          if (earlier) return earlier;
        }
        // A refusal worked out from the row read with the session stands only if the case is still
        // where that row says: another step may have moved it on (and made this one possible) since.
        if (readWithSession && isAppError(error) && (await readCase(db, hot, caseId))?.eventCount !== readWithSession.eventCount) {
          throw new HotRaced(caseId);
        }
        throw error;
      }
    }),
  );
  if (notice) await publishChange(db, notice);
  return result;

  /** The hot path's store, when it can take this step: true when stored (and, on PostgreSQL, the notice sent). */
  async function storeHot(
    row: CaseRow,
    step: { expectedCount: number; next: CaseRowColumns; changed: (keyof CaseRowColumns)[]; floor: boolean } & StoredStep,
  ): Promise<boolean> {
    if (!hot) return false;
    const { caseId: _case, next, changed, expectedCount, floor, stateSnapshot, stateSequence, ...eventFields } = step;
    const live: LiveNotice = { locationId: row.locationId, caseId, floor };
    try {
      await hot.store({
        caseId,
        expectedCount,
        row: next,
        changed,
        stateSnapshot,
        stateSequence,
        event: eventFields,
        notify: hot.notifiesInStore ? { channel: LIVE_CHANNEL, payload: encodeNotice(live) } : undefined,
      });
    } catch (error) {
      if (error instanceof HotBusy) return false;
      throw error;
    }
    if (!hot.notifiesInStore) notice = live;
    return true;
  }

  async function store(attempt: number, row: CaseRow): Promise<AppendResult> {
    if (event.type === "root_causes_tagged") await assertKnownTags(db, event.data.tags);

    // The state from the snapshot on the row (docs/decisions/0023); the fold of the log when it
    // is missing or stale. On a retry another writer got in first: the snapshot is used only if
    // it describes the log's last event (a writer that does not keep it would leave it behind).
    const snapshot = attempt === 1 || (await lastSequence(db, caseId)) === row.stateSequence ? snapshotState(row) : null;
    const { state, log } = snapshot
      ? { state: snapshot, log: () => loadCaseLog(db, caseId) }
      : await loadCaseState(db, caseId).then((folded) => ({ state: folded.state, log: () => Promise.resolve(folded.log) }));
    const at = recordedTime(capturedAt, now(), state.lastEventAt ?? null);
    const recorded: RecordedEvent = { ...event, at, actor: { id: actor.id, role: actor.role } };
    const next = transition(state, recorded);
    if (!next.ok) throw new AppError("playbook_refused", next.reason, { refusal: next.code, phase: state.phase });
    await assertPracticeStep(db, caseId, state, log, recorded);

    const sequence = state.eventCount + 1;
    const response: AppendResult = {
      caseId,
      reference: row.reference,
      sequence,
      at: recorded.at.toISOString(),
      phase: next.state.phase,
      status: caseStatus(next.state),
      duplicate: false,
    };
    const stored = {
      caseId,
      sequence,
      type: event.type,
      payload,
      actorId: actor.id,
      actorRole: actor.role,
      at: recorded.at,
      clientEventId,
      result: JSON.stringify(response),
    };
    // The trainer's rubric of an ended case (docs/decisions/0037): rescored from the whole log by
    // the step that ends it and by every step after (a note, a follow-up, a reopening, which clears
    // it), in the same write. Such steps are rare, and take the Prisma path.
    const rescored = isScored(state) || isScored(next.state);
    const rubric = rescored ? rubricColumns([...(await log()), toRecordedEvent(stored)], next.state) : undefined;
    const storedState = { stateSnapshot: encodeState(next.state), stateSequence: sequence, ...rubric };
    const plan = planProjection({ timeZone: row.location.timezone }, next.state, state);
    // The floor banner lists promises running late: it needs to hear when an agreed action changes.
    const floor =
      event.type === "promise_update_told" || (plan.children && JSON.stringify(next.state.actions) !== JSON.stringify(state.actions));
    // Practice cases (rare, and checked against their source case) keep the Prisma path with the rest.
    if (
      !plan.children &&
      !state.practice &&
      !rescored &&
      (await storeHot(row, {
        ...stored,
        ...storedState,
        expectedCount: row.eventCount,
        next: plan.projection.row,
        changed: Object.keys(plan.row) as (keyof CaseRowColumns)[],
        floor,
      }))
    ) {
      return response;
    }
    if (plan.children) {
      await db.$transaction(async (tx) => {
        await tx.caseEvent.create({ data: stored });
        await applyProjection(tx, caseId, plan, storedState);
      });
    } else {
      // Most steps change the Case row alone: one nested write stores the event and the row
      // together (Prisma runs it as one transaction) instead of an interactive transaction.
      const { caseId: _case, ...eventFields } = stored;
      await db.case.update({ where: { id: caseId }, data: { ...plan.row, ...storedState, events: { create: eventFields } } });
    }
    notice = { locationId: row.locationId, caseId, floor };
    return response;
  }
}

async function lastSequence(db: Db, caseId: string): Promise<number> {
  const last = await db.caseEvent.findFirst({ where: { caseId }, orderBy: { sequence: "desc" }, select: { sequence: true } });
  return last?.sequence ?? 0;
}

type CaseRow = StoredState & { reference: string; locationId: string; location: { timezone: string } };

/** An event as stored (the hot path's shape, for either path), with the state stored beside it on the Case row. */
type StoredStep = HotStep["event"] & Pick<HotStep, "caseId" | "stateSnapshot" | "stateSequence">;

// The hot path writes every projection column of the row: a column added to the projection but
// not to lib/db/hot-append.ts's list fails to compile here.
type ProjectionRow = ReturnType<typeof planProjection>["projection"]["row"];
const everyColumn: [Exclude<keyof ProjectionRow, keyof CaseRowColumns>] extends [never] ? true : false = true;
void everyColumn;

/** The case, its location's time zone and its stored state: one query (through the hot path's cached statement when there is one). */
async function readCase(db: Db, hot: HotAppender | null, caseId: string): Promise<CaseRow | null> {
  if (hot) {
    try {
      return await hot.readCase(caseId);
    } catch (error) {
      if (!(error instanceof HotBusy)) throw error;
    }
  }
  return db.case.findUnique({
    where: { id: caseId },
    select: { id: true, reference: true, locationId: true, location: { select: { timezone: true } }, ...storedStateSelect },
  });
}

async function assertKnownTags(db: Db, slugs: string[]): Promise<void> {
  const known = await db.rootCauseTag.findMany({ where: { slug: { in: slugs }, active: true }, select: { slug: true } });
  const unknown = slugs.filter((s) => !known.some((k) => k.slug === s));
  if (unknown.length)
    throw new AppError("invalid_input", `Unknown root-cause tag: ${unknown.join(", ")}`, { fields: { "event.data.tags": "Unknown tag" } });
}
