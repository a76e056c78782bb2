import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { CATEGORY_LABELS, type Category } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { csvLine } from "./csv";
import { dialectOf } from "./sql-dialect";
import { caseWhereSql, orderBySql, queueQuerySchema, toCaseFilter } from "./filters";
import { READBACK_OUTCOME_LABELS } from "@/lib/display/format";
import { DEFAULT_TIMEZONE, localDateTime } from "./time";
import { scopeLocations, venuesOf } from "./scope";

export const CSV_MAX_ROWS = 250_000;
const BATCH = 500;

export const CSV_HEADER = [
  "Reference",
  "Opened at (venue time)",
  "Location",
  "Time zone",
  "Opened by",
  "Stage",
  "Status",
  "Category",
  "Severity",
  "Spot",
  "Customer words",
  "Mood",
  "Feeling",
  "Agreed solution",
  "Read-back",
  "Read-back refusals",
  "Root causes",
  "Compensation (GBP)",
  "Open actions",
  "Last activity (venue time)",
  "Closed at (venue time)",
] as const;

/**
 * The filtered queue as CSV, produced in batches: the ordered ids come from one indexed query,
 * then every 500 cases are loaded and written, so memory stays flat at 100,000 rows.
 * Validation and authorisation happen before the first chunk, so errors are still proper responses.
 */
export async function prepareQueueCsv(db: Db, actor: Actor, input: unknown, now: Date = new Date()) {
  const query = parseInput(queueQuerySchema, input);
  const locationIds = scopeLocations(actor, query.location);
  const zones = new Map((await venuesOf(db, locationIds)).map((v) => [v.id, v.timeZone]));
  const filter = toCaseFilter(query, locationIds, zones);
  const dialect = dialectOf(db);
  const where = caseWhereSql(filter, now, { dialect });
  const idRows = await db.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT c."id" FROM "Case" c WHERE ${where} ORDER BY ${orderBySql(query.sort, query.dir, dialect)} LIMIT ${CSV_MAX_ROWS + 1}`,
  );
  if (idRows.length > CSV_MAX_ROWS) {
    throw new AppError("invalid_input", `More than ${CSV_MAX_ROWS.toLocaleString("en-GB")} cases match; narrow the dates first.`);
  }
  const ids = idRows.map((r) => r.id);
  return { count: ids.length, chunks: csvChunks(db, ids) };
}

async function* csvChunks(db: Db, ids: string[]): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(CSV_HEADER)}`;
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const cases = await db.case.findMany({
      where: { id: { in: batch } },
      include: {
        location: { select: { name: true, timezone: true } },
        openedBy: { select: { name: true } },
        rootCauses: { select: { tag: { select: { label: true } } } },
        compensation: { where: { status: { in: ["offered", "approved"] } }, select: { valueCents: true } },
        actions: { where: { status: "open" }, select: { id: true } },
      },
    });
    const byId = new Map(cases.map((c) => [c.id, c]));
    let out = "";
    for (const id of batch) {
      const c = byId.get(id);
      if (!c) continue;
      const zone = c.location.timezone || DEFAULT_TIMEZONE;
      out += csvLine([
        c.reference,
        localDateTime(c.openedAt, zone),
        c.location.name,
        zone,
        c.openedBy.name,
        c.stage,
        c.status,
        c.category ? (CATEGORY_LABELS[c.category as Category] ?? c.category) : null,
        c.severity,
        c.spot,
        c.customerWords,
        c.mood,
        c.feeling,
        c.chosenSolution,
        c.readbackOutcome ? (READBACK_OUTCOME_LABELS[c.readbackOutcome] ?? c.readbackOutcome) : null,
        c.readbackRefusals,
        c.rootCauses.map((r) => r.tag.label).join("; "),
        c.compensation.length ? (c.compensation.reduce((sum, x) => sum + x.valueCents, 0) / 100).toFixed(2) : null,
        c.actions.length,
        localDateTime(c.lastEventAt, zone),
        c.closedAt ? localDateTime(c.closedAt, zone) : null,
      ]);
    }
    yield out;
  }
}

/** The async chunks as a byte stream for a Response body. */
export function toByteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
