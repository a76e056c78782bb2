import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { CATEGORIES } from "@/lib/playbook";
import { QUEUE_SORTS, QUEUE_STATES, type QueueSort, type QueueState } from "@/lib/display/queue-options";
import { dialectFor, type SqlDialect } from "./sql-dialect";
import { DEFAULT_TIMEZONE, localRange } from "./time";

// Filters arrive as URL query strings (shareable links), so every field is a string first.

export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** The query as a plain record, dropping empty fields (a GET form sends every field). */
export function searchParamsToObject(params: SearchParamsLike): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: [string, string | string[] | undefined][] =
    params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, raw] of entries) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === "string" && value.trim() !== "" && !(key in out)) out[key] = value.trim();
  }
  return out;
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Not a real date");

const id = z.string().trim().min(1).max(64);

export const caseFilterFields = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  location: id.optional(),
  state: z.enum(QUEUE_STATES, { message: "Unknown stage or status" }).optional(),
  severity: z.coerce.number().int().min(1).max(4).optional(),
  category: z.enum(CATEGORIES, { message: "Unknown category" }).optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  staff: id.optional(),
  actions: z.enum(["open", "overdue"], { message: "Use open or overdue" }).optional(),
  q: z.string().trim().max(100, "Search at most 100 characters").optional(),
};

export const queueQuerySchema = z
  .object({
    ...caseFilterFields,
    sort: z.enum(QUEUE_SORTS).default("opened"),
    dir: z.enum(["desc", "asc"]).default("desc"),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    size: z.coerce.number().int().min(10).max(100).default(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The start date is after the end date", path: ["from"] });
export type QueueQuery = z.infer<typeof queueQuerySchema>;
export type CaseFilterQuery = Pick<QueueQuery, keyof typeof caseFilterFields>;

/** A resolved filter: locations already narrowed to what the manager may see. */
export type CaseFilter = {
  locationIds: string[];
  /** Opened from (inclusive) and before (exclusive): the range's local midnights, when every location keeps one clock. */
  start?: Date;
  end?: Date;
  /**
   * Locations on different clocks: each group's own local midnights (same calendar dates, other
   * instants). Set instead of start/end when the locations do not share one time zone.
   */
  periods?: { locationIds: string[]; start?: Date; end?: Date }[];
  state?: QueueState;
  severity?: number;
  category?: string;
  tag?: string;
  staffId?: string;
  actions?: "open" | "overdue";
  q?: string;
  includePractice?: boolean;
};

/**
 * The query as a filter. Dates are calendar days at each location, on its own clock (`zones`:
 * location id → time zone), as the insights count them: locations that share a clock share one
 * range; otherwise each clock gets its own.
 */
export function toCaseFilter(query: CaseFilterQuery, locationIds: string[], zones: ReadonlyMap<string, string>): CaseFilter {
  const range = (timeZone: string) => ({
    start: query.from ? localRange(query.from, query.from, timeZone).start : undefined,
    end: query.to ? localRange(query.to, query.to, timeZone).end : undefined,
  });
  const byZone = new Map<string, string[]>();
  for (const id of locationIds) {
    const zone = zones.get(id) ?? DEFAULT_TIMEZONE;
    byZone.set(zone, [...(byZone.get(zone) ?? []), id]);
  }
  const dated = query.from !== undefined || query.to !== undefined;
  const [only] = byZone.keys();
  const { start, end } = byZone.size <= 1 ? range(only ?? DEFAULT_TIMEZONE) : { start: undefined, end: undefined };
  return {
    locationIds,
    start,
    end,
    periods: dated && byZone.size > 1 ? [...byZone.entries()].map(([zone, ids]) => ({ locationIds: ids, ...range(zone) })) : undefined,
    state: query.state,
    severity: query.severity,
    category: query.category,
    tag: query.tag,
    staffId: query.staff,
    actions: query.actions,
    q: query.q,
  };
}

export { likeContains } from "./sql-dialect";

/**
 * The WHERE clause for `"Case" c`: every value is a bound parameter. Dates compare as the
 * adapter's ISO-8601 text, which sorts in time order because every row uses the same format.
 */
export function caseWhereSql(f: CaseFilter, now: Date = new Date(), options: { ordered?: boolean; dialect?: SqlDialect } = {}): Prisma.Sql {
  const sql = options.dialect ?? dialectFor("sqlite");
  if (f.locationIds.length === 0) return Prisma.sql`FALSE`;
  // For a page in sort order, the unary + keeps SQLite from picking the location index, whose
  // IN (…) list cannot deliver rows in date order (it would sort every matching case to return
  // 25); the sort column's index, or a filter's own index, is then used instead. Counting
  // and grouping keep the location index.
  const scope = options.ordered ? sql.noIndex(Prisma.sql`c."locationId"`) : Prisma.sql`c."locationId"`;
  const parts: Prisma.Sql[] = [Prisma.sql`${scope} IN (${Prisma.join(f.locationIds)})`];
  if (!f.includePractice)
    parts.push(Prisma.sql`${options.ordered ? sql.noIndex(Prisma.sql`c."isPractice"`) : Prisma.sql`c."isPractice"`} = FALSE`);
  if (f.start) parts.push(Prisma.sql`c."openedAt" >= ${f.start}`);
  if (f.end) parts.push(Prisma.sql`c."openedAt" < ${f.end}`);
  if (f.periods) {
    const period = (p: NonNullable<CaseFilter["periods"]>[number]) =>
      Prisma.join(
        [
          Prisma.sql`${scope} IN (${Prisma.join(p.locationIds)})`,
          ...(p.start ? [Prisma.sql`c."openedAt" >= ${p.start}`] : []),
          ...(p.end ? [Prisma.sql`c."openedAt" < ${p.end}`] : []),
        ],
        " AND ",
      );
    parts.push(
      Prisma.sql`(${Prisma.join(
        f.periods.map((p) => Prisma.sql`(${period(p)})`),
        " OR ",
      )})`,
    );
  }
  if (f.state === "open") parts.push(Prisma.sql`c."status" IN ('open', 'awaiting_manager')`);
  else if (f.state === "awaiting_manager" || f.state === "closed" || f.state === "abandoned")
    parts.push(Prisma.sql`c."status" = ${f.state}`);
  else if (f.state) parts.push(Prisma.sql`c."stage" = ${f.state}`);
  if (f.severity) parts.push(Prisma.sql`c."severity" = ${f.severity}`);
  if (f.category) parts.push(Prisma.sql`c."category" = ${f.category}`);
  if (f.staffId) parts.push(Prisma.sql`c."openedById" = ${f.staffId}`);
  // Child-table filters come in two shapes. Counting uses uncorrelated IN (…) sets, built once
  // from the child's own index. A page in sort order walks the sort index and probes each case
  // with EXISTS pinned (by the unary +) to the case-id index, stopping after a page of hits;
  // unpinned, SQLite may pick the status index inside the probe and rescan it for every case.
  if (f.tag) {
    parts.push(
      options.ordered
        ? Prisma.sql`EXISTS (SELECT 1 FROM "CaseRootCause" r WHERE r."caseId" = c."id"
            AND r."tagId" = (SELECT t."id" FROM "RootCauseTag" t WHERE t."slug" = ${f.tag}))`
        : Prisma.sql`c."id" IN (SELECT r."caseId" FROM "CaseRootCause" r JOIN "RootCauseTag" t ON t."id" = r."tagId" WHERE t."slug" = ${f.tag})`,
    );
  }
  if (f.actions) {
    const overdue = f.actions === "overdue" ? Prisma.sql`AND ${sql.noIndex(Prisma.sql`a."dueAt"`)} < ${now}` : Prisma.empty;
    parts.push(
      options.ordered
        ? Prisma.sql`EXISTS (SELECT 1 FROM "AgreedAction" a WHERE a."caseId" = c."id" AND ${sql.noIndex(Prisma.sql`a."status"`)} = 'open' ${overdue})`
        : Prisma.sql`c."id" IN (SELECT a."caseId" FROM "AgreedAction" a WHERE a."status" = 'open' ${f.actions === "overdue" ? Prisma.sql`AND a."dueAt" < ${now}` : Prisma.empty})`,
    );
  }
  if (f.q) parts.push(sql.textSearch(Prisma.sql`c."customerWords"`, f.q));
  return Prisma.join(parts, " AND ");
}

export function orderBySql(sort: QueueSort, dir: "asc" | "desc", dialect: SqlDialect = dialectFor("sqlite")): Prisma.Sql {
  const d = dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  switch (sort) {
    case "severity":
      // Cases still at Listen have no severity yet: they go last either way (SQLite sorts NULL
      // first, so last when descending; ascending needs the IS NULL term). PostgreSQL sorts NULL
      // as the largest value, so it is told outright.
      if (dialect.engine === "postgresql") return Prisma.sql`c."severity" ${d} NULLS LAST, c."openedAt" DESC, c."id" DESC`;
      return dir === "asc"
        ? Prisma.sql`c."severity" IS NULL, c."severity" ASC, c."openedAt" DESC, c."id" DESC`
        : Prisma.sql`c."severity" DESC, c."openedAt" DESC, c."id" DESC`;
    case "activity":
      return Prisma.sql`c."lastEventAt" ${d}, c."id" ${d}`;
    case "opened":
      return Prisma.sql`c."openedAt" ${d}, c."id" ${d}`;
  }
}

/** A query string for a link: the current filters with some fields changed (undefined removes one). */
export function queryString(
  base: Record<string, string | number | undefined>,
  changes: Record<string, string | number | undefined> = {},
): string {
  const merged = { ...base, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "") continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
