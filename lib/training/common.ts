import "server-only";
// Shared by the training use-cases (one per file in this folder): scope, loading logs in bulk,
// and the redaction every trainer-facing answer goes through.
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { toRecordedEvent } from "@/lib/cases/case-log";
import { trainerRubric } from "@/lib/cases/case-score";
import { maskPersonalDetails, redactEvents } from "@/lib/cases/redact";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { RecordedEvent } from "@/lib/playbook";
import type { RubricReference, RubricResult } from "@/lib/playbook/rubric";

export const idSchema = z.string().trim().min(1).max(64);

/** Case statuses a replay, a score or a practice run can be built from: the customer has gone. */
export const ENDED_STATUSES = ["closed", "abandoned"] as const;

export function isEnded(status: string): boolean {
  return (ENDED_STATUSES as readonly string[]).includes(status);
}

/** The locations a view covers: all of the actor's, or the one asked for (which must be theirs). */
export function scopeTo(actor: Actor, requested?: string): string[] {
  if (requested) {
    assertAtLocation(actor, requested);
    return [requested];
  }
  return [...actor.locationIds];
}

/** A case id from a URL: anything odd is simply not found. */
export function assertCaseId(caseId: unknown): string {
  if (typeof caseId !== "string" || caseId.length === 0 || caseId.length > 64) throw new AppError("not_found", "No case with that id.");
  return caseId;
}

/** The logs of many cases in one query, each in sequence order. */
export async function loadLogs(db: Pick<Db, "caseEvent">, caseIds: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
  const logs = new Map<string, RecordedEvent[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return logs;
  const rows = await db.caseEvent.findMany({
    where: { caseId: { in: [...caseIds] } },
    orderBy: [{ caseId: "asc" }, { sequence: "asc" }],
    select: { caseId: true, type: true, payload: true, at: true, actorId: true, actorRole: true },
  });
  for (const row of rows) logs.get(row.caseId)?.push(toRecordedEvent(row));
  return logs;
}

/** A log as a trainer (or a trainee practising on someone else's case) may see it. */
export function redactLog(log: readonly RecordedEvent[]): RecordedEvent[] {
  return redactEvents(log);
}

/** Customer free text on a Case row (words, spot), masked like the log. */
export function maskText(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : maskPersonalDetails(text);
}

/**
 * A case's rubric as a trainer may see it: trainerRubric (the outcomes scored from the log with
 * contact details masked, as stored on the Case row, docs/decisions/0037). What a line quotes of
 * the case then has names masked as well.
 */
export function scoreForTrainer(log: readonly RecordedEvent[], reference?: RubricReference): RubricResult {
  const result = trainerRubric(log, reference);
  // The rubric's own words are plain; what it quotes of the case is between “ and ”.
  const maskQuotes = (line: string) => line.replace(/“([^”]*)”/g, (_, quoted: string) => `“${maskPersonalDetails(quoted)}”`);
  return { ...result, items: result.items.map((item) => ({ ...item, reason: maskQuotes(item.reason) })) };
}

/** Scores of many cases, as trainers see them (scoreForTrainer). */
export async function scoreCases(db: Pick<Db, "caseEvent">, caseIds: readonly string[]): Promise<Map<string, RubricResult>> {
  const logs = await loadLogs(db, caseIds);
  return new Map([...logs].map(([id, log]) => [id, scoreForTrainer(log)]));
}

/** The Case columns `storedScores` reads: select them with the rows whose scores a page shows. */
export const STORED_SCORE_COLUMNS = { id: true, eventCount: true, rubricScore: true, rubricSequence: true } as const;

type StoredScoreRow = { id: string; eventCount: number; rubricScore: number | null; rubricSequence: number | null };

/**
 * Scores as trainers see them (scoreForTrainer's score) of cases already read with
 * STORED_SCORE_COLUMNS: off the row where its stored rubric (docs/decisions/0037) describes the
 * whole log (rubricSequence = eventCount: an ended real case), from the log only for the others (a
 * case reopened since it was added, or one migrate's backfill has not reached). Same numbers as
 * scoreCases, without loading the logs of ended cases.
 */
export async function storedScores(db: Pick<Db, "caseEvent">, rows: readonly StoredScoreRow[]): Promise<Map<string, number | null>> {
  const scores = new Map<string, number | null>();
  const unscored: string[] = [];
  for (const row of rows) {
    if (row.rubricSequence !== null && row.rubricSequence === row.eventCount) scores.set(row.id, row.rubricScore);
    else unscored.push(row.id);
  }
  for (const [id, rubric] of await scoreCases(db, [...new Set(unscored)])) scores.set(id, rubric.score);
  return scores;
}

/** Dates as ISO strings, for a client component. */
export function serialiseLog(log: readonly RecordedEvent[]) {
  return log.map((event) => ({ ...event, at: event.at.toISOString() }));
}

/** Normalised library tags: lower case, single spaces, no duplicates. */
export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((t) => t.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1)
      .max(30, "A tag is at most 30 characters")
      .regex(/^[\p{L}\p{N} _'-]+$/u, "Tags use letters, numbers, spaces and - only"),
  );

/** Tags as typed: a list, or one string separated by commas. */
export const tagsSchema = z
  .union([z.array(z.string()), z.string().transform((s) => s.split(","))])
  .transform((tags) => tags.map((t) => t.trim()).filter((t) => t !== ""))
  .pipe(z.array(tagSchema).max(8, "At most 8 tags"))
  .transform((tags) => [...new Set(tags)]);
