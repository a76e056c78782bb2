import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { HotRaced } from "./hot-append";

/** A driver's own error, as the append hot path (./hot-append.ts) gets it: better-sqlite3's code, or pg's code and constraint. */
type DriverError = { code?: unknown; constraint?: unknown; message?: unknown };

/** Prisma's constraint names on PostgreSQL: "<Model>_<field>_<field>_key" for a unique, "<Model>_pkey" for the primary key. */
function fromConstraintName(name: string): { table: string; fields: string[] } | null {
  const pkey = /^([A-Za-z0-9]+)_pkey$/.exec(name);
  if (pkey) return { table: pkey[1], fields: ["id"] };
  const unique = /^([A-Za-z0-9]+)_(.+)_key$/.exec(name);
  return unique ? { table: unique[1], fields: unique[2].split("_") } : null;
}

function driverUniqueViolation(error: unknown): { table: string | null; fields: string[] } | null {
  if (!(error instanceof Error)) return null;
  const { code, constraint, message } = error as DriverError;
  // pg: unique_violation, with the constraint's name.
  if (code === "23505" && typeof constraint === "string") return fromConstraintName(constraint);
  // better-sqlite3: "UNIQUE constraint failed: CaseEvent.caseId, CaseEvent.sequence".
  if ((code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") && typeof message === "string") {
    const columns = (message.split("constraint failed: ")[1] ?? "").split(", ");
    return { table: columns[0]?.split(".")[0] ?? null, fields: columns.map((c) => c.split(".").pop() ?? c) };
  }
  return null;
}

/**
 * The table and columns of a unique-constraint violation (P2002), or null for any other error.
 * The driver adapter reports them under meta.driverAdapterError.cause; older engines used meta.target.
 */
export function uniqueViolation(error: unknown): { table: string | null; fields: string[] } | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return driverUniqueViolation(error);
  const meta: unknown = error.meta;
  const record = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const cause = record(record(record(meta).driverAdapterError).cause);
  const constraint = record(cause.constraint);
  const fromAdapter = constraint.fields;
  const target = record(meta).target;
  // PostgreSQL (@prisma/adapter-pg) names the constraint instead: Prisma's own names,
  // "<Model>_<field>_<field>_key" for a unique and "<Model>_pkey" for the primary key.
  if (!Array.isArray(fromAdapter) && typeof constraint.index === "string") {
    const named = fromConstraintName(constraint.index);
    if (named) return named;
  }
  const fields = Array.isArray(fromAdapter) ? fromAdapter : Array.isArray(target) ? target : typeof target === "string" ? [target] : [];
  return { table: typeof cause.table === "string" ? cause.table : null, fields: fields.map(String) };
}

/**
 * Another process wrote first. Inside one server process every write is queued
 * (./write-lock.ts), so these only happen when a second process writes to the same file —
 * a second server, a script — and all are safe to retry from the top:
 *  - P2002 on a case's (caseId, sequence), on a clientEventId or on a new case's id: the other
 *    process stored something between our read and our write; reading again gives the next
 *    sequence, or finds the step (or the case) already recorded;
 *  - P1008: the adapter's name for SQLITE_BUSY, once the busy timeout has run out.
 * Nothing of the failed attempt was stored: its transaction was rolled back.
 */
export function isContention(error: unknown): boolean {
  // The hot path's guard (the row's eventCount moved since we read it): another writer appended first.
  if (error instanceof HotRaced) return true;
  // The same, from pg itself: a serialization failure or a deadlock.
  if (error instanceof Error && ["40001", "40P01"].includes(String((error as DriverError).code))) return true;
  // P1008: SQLITE_BUSY after the busy timeout; P2034: a write conflict or deadlock (PostgreSQL).
  if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P1008" || error.code === "P2034")) return true;
  const unique = uniqueViolation(error);
  if (!unique) return false;
  if (unique.fields.includes("sequence") || unique.fields.includes("clientEventId")) return true;
  return unique.table === "Case" && unique.fields.length === 1 && unique.fields[0] === "id";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first retry waits up to this long; each later one up to twice the one before, to the cap. */
const FIRST_PAUSE_MS = 4;
const PAUSE_CAP_MS = 128;

/**
 * Runs `attempt` again (up to `tries` times) while another process wins the race. `attempt` is
 * told which try it is (1 the first). Between tries it waits a random share of a pause that
 * doubles up to a cap ("full jitter"): a writer that keeps appending to the same case can win
 * many times running, more so on a loaded box where the loser's read-then-write takes longest,
 * and 16 tries outlast about a second of that (CI once lost a step after 8 short linear pauses).
 */
export async function retryOnContention<T>(attempt: (tries: number) => Promise<T>, tries = 16): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt(i);
    } catch (error) {
      if (i >= tries || !isContention(error)) throw error;
      await sleep(Math.random() * Math.min(PAUSE_CAP_MS, FIRST_PAUSE_MS * 2 ** (i - 1)));
    }
  }
}
