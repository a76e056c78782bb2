import "server-only";
import { z } from "zod";

/** Generated on the tablet for each step, so a step sent twice is recorded once. */
export const clientEventIdSchema = z
  .string()
  .trim()
  .min(8, "clientEventId must be at least 8 characters")
  .max(64, "clientEventId must be at most 64 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "clientEventId may hold only letters, digits, - and _");

/**
 * A case id chosen by the tablet, so a case opened without a connection has its final id at
 * once (docs/decisions/0004-offline-capture.md). Same alphabet and shape as the server's cuids:
 * "c" and 20 to 40 lower-case letters or digits. The tablet draws 24 random base-36 characters.
 */
export const CASE_ID_PATTERN = /^c[0-9a-z]{20,40}$/;
export const caseIdSchema = z.string().regex(CASE_ID_PATTERN, 'caseId must be "c" and 20 to 40 lower-case letters or digits');

/**
 * When the step was captured on the tablet. Steps recorded offline reach the server later; the
 * server keeps the capture time, clamped so the log never runs backwards or into the future.
 */
export const capturedAtSchema = z.iso.datetime({ offset: true, message: "capturedAt must be an ISO 8601 date and time" });

/** How long a step may wait on a tablet and still keep its capture time. */
export const MAX_OFFLINE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The time the log records for a step: the server's clock, or the tablet's capture time when
 * given, clamped to no earlier than `notBefore` (the case's previous step) or a week ago, and no
 * later than the server's clock.
 */
export function recordedTime(capturedAt: string | undefined, now: Date, notBefore: Date | null): Date {
  if (capturedAt === undefined) return now;
  const floor = Math.max(notBefore?.getTime() ?? -Infinity, now.getTime() - MAX_OFFLINE_MS);
  return new Date(Math.max(Math.min(Date.parse(capturedAt), now.getTime()), Math.min(floor, now.getTime())));
}

export type AppendResult = {
  caseId: string;
  reference: string;
  sequence: number;
  /** When the server recorded the step (ISO 8601). */
  at: string;
  phase: string;
  status: string;
  /** True when this client id had already been recorded: nothing new was written. */
  duplicate: boolean;
};
