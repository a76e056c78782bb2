import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { dialectOf, type SqlDialect } from "./sql-dialect";
import { caseWhereSql, orderBySql, queueQuerySchema, toCaseFilter, type QueueQuery } from "./filters";
import { scopeLocations, venuesOf } from "./scope";
import { DEFAULT_TIMEZONE } from "./time";

export type QueueRow = {
  id: string;
  reference: string;
  openedAt: string;
  lastEventAt: string;
  locationName: string;
  /** The location's clock: openedAt and lastEventAt are shown on it. */
  timeZone: string;
  staffName: string;
  stage: string;
  status: string;
  category: string | null;
  severity: number | null;
  spot: string | null;
  customerWords: string | null;
  openActions: number;
  overdueActions: number;
};

export type QueuePage = {
  query: QueueQuery;
  rows: QueueRow[];
  /** Matching cases, counted up to COUNT_CAP; `totalCapped` says there are more. */
  total: number;
  totalCapped: boolean;
  page: number;
  /** Pages known to exist (a lower bound when the total is capped). */
  pageCount: number;
  hasNext: boolean;
};

/**
 * SQLite counts a text search by reading its narrow words index whole (a hand-written SQLite
 * migration, queue_search_words) rather than every case row: LIKE '%…%' can seek no index.
 * Only when the words are the one filter besides the scope; PostgreSQL uses its full-text index.
 */
function searchIndex(filter: ReturnType<typeof toCaseFilter>, dialect: SqlDialect): Prisma.Sql {
  const onlyWords =
    filter.q &&
    !filter.start &&
    !filter.end &&
    !filter.periods &&
    !filter.state &&
    !filter.severity &&
    !filter.category &&
    !filter.tag &&
    !filter.staffId &&
    !filter.actions;
  return onlyWords ? dialect.indexedBy("Case_search_words_idx") : Prisma.empty;
}

/** Counting stops here: "10,000+ cases" costs the same at 100,000 as at 10,001. */
export const COUNT_CAP = 10_000;

/**
 * The filtered, sorted case queue, one page at a time. The database filters, sorts and pages
 * (LIMIT/OFFSET over indexed columns); only the page's ids come back and are then loaded whole.
 */
export async function listCaseQueue(
  db: Db,
  actor: Actor,
  input: unknown,
  now: Date = new Date(),
  { countCap = COUNT_CAP }: { countCap?: number } = {},
): Promise<QueuePage> {
  const query = parseInput(queueQuerySchema, input);
  const locationIds = scopeLocations(actor, query.location);
  const venues = await venuesOf(db, locationIds);
  const zones = new Map(venues.map((v) => [v.id, v.timeZone]));
  const filter = toCaseFilter(query, locationIds, zones);
  const dialect = dialectOf(db);
  const where = caseWhereSql(filter, now, { dialect });

  const [countRows, idRows] = await Promise.all([
    db.$queryRaw<{ n: bigint }[]>(
      Prisma.sql`SELECT COUNT(*) AS n FROM (SELECT 1 FROM "Case" c ${searchIndex(filter, dialect)} WHERE ${where} LIMIT ${countCap + 1}) AS q`,
    ),
    db.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT c."id" FROM "Case" c WHERE ${caseWhereSql(filter, now, { ordered: true, dialect })} ORDER BY ${orderBySql(query.sort, query.dir, dialect)}
        LIMIT ${query.size} OFFSET ${(query.page - 1) * query.size}`,
    ),
  ]);
  const counted = Number(countRows[0]?.n ?? 0);
  const totalCapped = counted > countCap;
  const total = Math.min(counted, countCap);
  const ids = idRows.map((r) => r.id);
  const cases = ids.length
    ? await db.case.findMany({
        where: { id: { in: ids } },
        include: {
          location: { select: { name: true } },
          openedBy: { select: { name: true } },
          actions: { where: { status: "open" }, select: { dueAt: true } },
        },
      })
    : [];
  const byId = new Map(cases.map((c) => [c.id, c]));
  const rows: QueueRow[] = [];
  for (const caseId of ids) {
    const c = byId.get(caseId);
    if (!c) continue;
    rows.push({
      id: c.id,
      reference: c.reference,
      openedAt: c.openedAt.toISOString(),
      lastEventAt: c.lastEventAt.toISOString(),
      locationName: c.location.name,
      timeZone: zones.get(c.locationId) ?? DEFAULT_TIMEZONE,
      staffName: c.openedBy.name,
      stage: c.stage,
      status: c.status,
      category: c.category,
      severity: c.severity,
      spot: c.spot,
      customerWords: c.customerWords,
      openActions: c.actions.length,
      overdueActions: c.actions.filter((a) => a.dueAt < now).length,
    });
  }
  const pageCount = Math.max(1, Math.ceil(total / query.size));
  return {
    query,
    rows,
    total,
    totalCapped,
    page: query.page,
    pageCount,
    hasNext: query.page < pageCount || (totalCapped && rows.length === query.size),
  };
}
