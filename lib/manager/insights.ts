import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CATEGORIES, CATEGORY_LABELS, utcDay, type Category } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { isoDate } from "./filters";
import { scopeLocations, timezoneOf } from "./scope";
import { addDays, daysBetween, localDate, localRange, mondayOf } from "./time";

export const DEFAULT_INSIGHT_DAYS = 90;
export const MAX_INSIGHT_DAYS = 3 * 366;

export const insightsQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    location: z.string().trim().min(1).max(64).optional(),
    /** Two cases with the same root cause at the same location this many days apart or less are a repeat. */
    within: z.coerce.number().int().min(1, "At least 1 day").max(90, "At most 90 days").default(7),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The start date is after the end date", path: ["from"] });
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

export type WeeklySeries = { weeks: string[]; series: { key: string; label: string; values: number[]; total: number }[] };

export type Insights = {
  range: { from: string; to: string; days: number; timeZone: string };
  location: string | null;
  within: number;
  cases: number;
  pareto: { slug: string; label: string; count: number; cumulativeShare: number }[];
  weeklyByCategory: WeeklySeries;
  weeklyByLocation: WeeklySeries;
  firstApology: { medianSeconds: number | null; cases: number };
  resolution: { medianSeconds: number | null; cases: number };
  readback: { accepted: number; answered: number; share: number | null };
  remedy: { totalCents: number; compensatedCases: number; perCaseCents: number | null; perCompensatedCaseCents: number | null };
  repeats: {
    locationId: string;
    locationName: string;
    tagId: string;
    slug: string;
    label: string;
    cases: number;
    repeats: number;
    lastAt: string;
    improvement: { id: string; title: string } | null;
  }[];
};

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** The resolved date range: the last 90 local days by default, never longer than 3 years. */
export function insightsRange(query: Pick<InsightsQuery, "from" | "to">, now: Date, timeZone: string): { from: string; to: string } {
  const to = query.to ?? localDate(now, timeZone);
  let from = query.from ?? addDays(to, -(DEFAULT_INSIGHT_DAYS - 1));
  if (daysBetween(from, to) >= MAX_INSIGHT_DAYS) from = addDays(to, -(MAX_INSIGHT_DAYS - 1));
  return { from, to };
}

/**
 * What the insights cover: some locations over [start, end), never practice cases. Narrower than
 * CaseFilter on purpose: the precomputed columns and copies below serve exactly this scope.
 */
export type InsightScope = { locationIds: string[]; start: Date; end: Date };

/**
 * The manager's figures for a date range, every one aggregated by SQLite so only summary rows
 * leave the database. Each query reads one index in its own order, using the columns the
 * projection precomputes (docs/decisions/0007-insights-precomputed.md): no sort of every case.
 */
export async function getInsights(db: Db, actor: Actor, input: unknown, now: Date = new Date()): Promise<Insights> {
  const query = parseInput(insightsQuerySchema, input);
  const locationIds = scopeLocations(actor, query.location);
  const timeZone = await timezoneOf(db, locationIds);
  const { from, to } = insightsRange(query, now, timeZone);
  const { start, end } = localRange(from, to, timeZone);
  const scope: InsightScope = { locationIds, start, end };

  // First, because its counts pick how each median is found.
  const groups = await caseGroups(db, scope);
  const sum = (pick: (g: CaseGroupRow) => unknown) => groups.reduce((total, g) => total + num(pick(g)), 0);
  const [pareto, firstApology, resolution, repeats, locations] = await Promise.all([
    paretoRows(db, scope),
    medianSeconds(db, scope, "firstApologyMs", medianPlan(sum((g) => g.apologised))),
    medianSeconds(db, scope, "resolutionMs", medianPlan(sum((g) => g.resolved))),
    repeatRows(db, scope, query.within),
    db.location.findMany({ where: { id: { in: locationIds } }, select: { id: true, name: true } }),
  ]);

  const cases = sum((g) => g.n);
  const accepted = sum((g) => g.accepted);
  const answered = sum((g) => g.answered);
  const totalCents = sum((g) => g.remedyCents);
  const compensatedCases = sum((g) => g.compensated);
  const locationNames = new Map(locations.map((l) => [l.id, l.name]));

  const weeks: string[] = [];
  for (let w = mondayOf(from); w <= to; w = addDays(w, 7)) weeks.push(w);
  const categoryLabel = (key: string) => (key === "" ? "Not yet recorded" : (CATEGORY_LABELS[key as Category] ?? key));
  const categoryOrder = (key: string) => (CATEGORIES as readonly string[]).indexOf(key);

  const improvements = repeats.length
    ? await db.improvement.findMany({
        where: { status: "open", locationId: { in: [...new Set(repeats.map((r) => r.locationId))] }, tagId: { in: [...new Set(repeats.map((r) => r.tagId))] } },
        orderBy: { createdAt: "desc" },
        select: { id: true, title: true, locationId: true, tagId: true },
      })
    : [];

  let running = 0;
  const paretoTotal = pareto.reduce((total, p) => total + num(p.n), 0);
  return {
    range: { from, to, days: daysBetween(from, to) + 1, timeZone },
    location: query.location ?? null,
    within: query.within,
    cases,
    pareto: pareto.map((p) => {
      running += num(p.n);
      return { slug: p.slug, label: p.label, count: num(p.n), cumulativeShare: paretoTotal ? running / paretoTotal : 0 };
    }),
    weeklyByCategory: toSeries(weeks, weeklyRows(groups, (g) => g.category), categoryLabel, (a, b) => categoryOrder(a) - categoryOrder(b)),
    weeklyByLocation: toSeries(weeks, weeklyRows(groups, (g) => g.locationId), (key) => locationNames.get(key) ?? key),
    firstApology,
    resolution,
    readback: { accepted, answered, share: answered ? accepted / answered : null },
    remedy: {
      totalCents,
      compensatedCases,
      perCaseCents: cases ? Math.round(totalCents / cases) : null,
      perCompensatedCaseCents: compensatedCases ? Math.round(totalCents / compensatedCases) : null,
    },
    repeats: repeats.map((r) => {
      const improvement = improvements.find((i) => i.locationId === r.locationId && i.tagId === r.tagId);
      return {
        locationId: r.locationId,
        locationName: locationNames.get(r.locationId) ?? r.locationId,
        tagId: r.tagId,
        slug: r.slug,
        label: r.label,
        cases: num(r.cases),
        repeats: num(r.repeats),
        lastAt: new Date(r.lastAt).toISOString(),
        improvement: improvement ? { id: improvement.id, title: improvement.title } : null,
      };
    }),
  };
}

/**
 * The scope on the Case table, for Case_insights_day_idx. The day bounds (UTC days, a superset
 * of the range) let SQLite seek; openedAt keeps the exact edges, which are local midnights.
 * openedAt is only checked, never sought, in these indexes: the unary + drops the column's
 * NUMERIC affinity, which otherwise has SQLite try the text bound as a number on every row
 * (the comparison itself is the same text comparison; a few ms per 100,000 rows).
 */
function caseScopeSql(s: InsightScope): Prisma.Sql {
  if (s.locationIds.length === 0) return Prisma.sql`0`;
  return Prisma.sql`c."openedDay" >= ${utcDay(s.start)} AND c."openedDay" <= ${utcDay(s.end)}
    AND c."locationId" IN (${Prisma.join(s.locationIds)}) AND c."isPractice" = 0
    AND +c."openedAt" >= ${s.start} AND +c."openedAt" < ${s.end}`;
}

/** The same cases without the day bounds, for the duration indexes (which have no openedDay). */
function caseScopeByTimeSql(s: InsightScope): Prisma.Sql {
  if (s.locationIds.length === 0) return Prisma.sql`0`;
  return Prisma.sql`c."locationId" IN (${Prisma.join(s.locationIds)}) AND c."isPractice" = 0
    AND +c."openedAt" >= ${s.start} AND +c."openedAt" < ${s.end}`;
}

/** The same scope on CaseRootCause, through the case's fields copied onto each row. */
function rootCauseScopeSql(s: InsightScope): Prisma.Sql {
  if (s.locationIds.length === 0) return Prisma.sql`0`;
  // The tag IN (…) changes nothing (every tag exists: foreign key, and the figures join the tag
  // anyway) but lets SQLite seek each location-and-tag's day range in CaseRootCause_insights_idx
  // instead of reading each location's whole history.
  return Prisma.sql`r."locationId" IN (${Prisma.join(s.locationIds)}) AND r."isPractice" = 0
    AND r."tagId" IN (SELECT "id" FROM "RootCauseTag")
    AND r."openedDay" >= ${utcDay(s.start)} AND r."openedDay" <= ${utcDay(s.end)}
    AND +r."openedAt" >= ${s.start} AND +r."openedAt" < ${s.end}`;
}

type CaseGroupRow = {
  week: string;
  locationId: string;
  category: string | null;
  n: bigint;
  accepted: bigint;
  answered: bigint;
  remedyCents: bigint | null;
  compensated: bigint;
  apologised: bigint;
  resolved: bigint;
};

/**
 * Every Case figure but the medians, in one pass: cases per week (Monday, UTC), location and
 * category, with the read-back, remedy and duration counts. The inner GROUP BY follows the day
 * index's own order (no sort of the cases); only its few thousand day rows are sorted into weeks.
 * The result is the same as grouping the cases by date(openedAt, 'weekday 0', '-6 days') since
 * openedDay is date(openedAt).
 */
function caseGroups(db: Db, scope: InsightScope) {
  return db.$queryRaw<CaseGroupRow[]>(Prisma.sql`
    SELECT date(d.day, 'weekday 0', '-6 days') AS week, d.locationId AS locationId, d.category AS category,
      SUM(d.n) AS n, SUM(d.accepted) AS accepted, SUM(d.answered) AS answered, SUM(d.remedyCents) AS remedyCents,
      SUM(d.compensated) AS compensated, SUM(d.apologised) AS apologised, SUM(d.resolved) AS resolved
    FROM (
      SELECT c."locationId" AS locationId, c."openedDay" AS day, c."category" AS category, COUNT(*) AS n,
        SUM(CASE WHEN c."readbackAccepted" = 1 THEN 1 ELSE 0 END) AS accepted,
        SUM(CASE WHEN c."readbackAccepted" IS NOT NULL THEN 1 ELSE 0 END) AS answered,
        SUM(c."remedyCents") AS remedyCents, COUNT(c."remedyCents") AS compensated,
        COUNT(c."firstApologyMs") AS apologised, COUNT(c."resolutionMs") AS resolved
      FROM "Case" c INDEXED BY "Case_insights_day_idx"
      WHERE ${caseScopeSql(scope)}
      GROUP BY c."openedDay", c."locationId", c."category"
    ) d
    GROUP BY week, d.locationId, d.category`);
}

/**
 * One key's weekly counts from the grouped rows, ordered by week then key (NULL first) as a
 * GROUP BY week, key would give them, so toSeries meets the keys in the same order.
 */
function weeklyRows(groups: CaseGroupRow[], key: (g: CaseGroupRow) => string | null): { week: string; key: string | null; n: bigint }[] {
  const order = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  return groups.map((g) => ({ week: g.week, key: key(g), n: g.n })).sort((a, b) => order(a.week, b.week) || order(a.key, b.key));
}

function paretoRows(db: Db, scope: InsightScope) {
  return db.$queryRaw<{ slug: string; label: string; n: bigint }[]>(Prisma.sql`
    SELECT t."slug" AS slug, t."label" AS label, SUM(g.n) AS n
    FROM (
      SELECT r."tagId" AS tagId, COUNT(*) AS n FROM "CaseRootCause" r INDEXED BY "CaseRootCause_insights_idx"
      WHERE ${rootCauseScopeSql(scope)}
      GROUP BY r."locationId", r."tagId"
    ) g JOIN "RootCauseTag" t ON t."id" = g.tagId
    GROUP BY t."id"
    ORDER BY n DESC, t."sortOrder" ASC`);
}

function toSeries(
  weeks: string[],
  rows: { week: string; key: string | null; n: bigint }[],
  label: (key: string) => string,
  order?: (a: string, b: string) => number,
): WeeklySeries {
  const index = new Map(weeks.map((w, i) => [w, i]));
  const byKey = new Map<string, number[]>();
  for (const row of rows) {
    const i = index.get(row.week);
    if (i === undefined) continue;
    const key = row.key ?? "";
    const values = byKey.get(key) ?? weeks.map(() => 0);
    values[i] += num(row.n);
    byKey.set(key, values);
  }
  const series = [...byKey.entries()].map(([key, values]) => ({ key, label: label(key), values, total: values.reduce((a, b) => a + b, 0) }));
  series.sort((a, b) => b.total - a.total || (order ? order(a.key, b.key) : a.label.localeCompare(b.label)));
  return { weeks, series };
}

type DurationColumn = "firstApologyMs" | "resolutionMs";
const DURATION_INDEX: Record<DurationColumn, string> = {
  firstApologyMs: "Case_insights_firstApology_idx",
  resolutionMs: "Case_insights_resolution_idx",
};

/**
 * How a median is found. "walk" reads the duration's index in order and stops halfway: its cost
 * grows with the whole table (it skips cases outside the scope), so it pays off only when the
 * scope holds many cases. "sort" sorts the scope's durations: cheap while they are few.
 */
export type MedianPlan = "walk" | "sort";
export const MEDIAN_WALK_FROM = 10_000;
export const medianPlan = (durations: number): MedianPlan => (durations >= MEDIAN_WALK_FROM ? "walk" : "sort");

/**
 * The median of a precomputed duration over the scope, in whole seconds (rounded as before: the
 * exact milliseconds average of the middle one or two). The count and the OFFSET come from the
 * same statement, so the median always belongs to the count it reports.
 */
async function medianSeconds(db: Db, scope: InsightScope, column: DurationColumn, plan: MedianPlan): Promise<{ medianSeconds: number | null; cases: number }> {
  if (scope.locationIds.length === 0) return { medianSeconds: null, cases: 0 };
  const value = Prisma.raw(`c."${column}"`);
  // The count always seeks the day index (only the scope's days); the ordered read is the walk
  // along the duration's index or a sort of the scope's durations.
  const inScope = Prisma.sql`"Case" c INDEXED BY "Case_insights_day_idx" WHERE ${caseScopeSql(scope)} AND ${value} IS NOT NULL`;
  const ordered =
    plan === "walk" ? Prisma.sql`"Case" c INDEXED BY ${Prisma.raw(`"${DURATION_INDEX[column]}"`)} WHERE ${value} IS NOT NULL AND ${caseScopeByTimeSql(scope)}` : inScope;
  const rows = await db.$queryRaw<{ median: number | null; n: bigint | null }[]>(Prisma.sql`
    WITH k AS (SELECT COUNT(*) AS n FROM ${inScope})
    SELECT AVG(m.ms) AS median, (SELECT n FROM k) AS n
    FROM (SELECT ${value} AS ms FROM ${ordered} ORDER BY ${value} LIMIT 2 - (SELECT n FROM k) % 2 OFFSET ((SELECT n FROM k) - 1) / 2) m`);
  const median = numOrNull(rows[0]?.median);
  return { medianSeconds: median === null ? null : Math.round(median / 1000), cases: num(rows[0]?.n) };
}

/**
 * Per location and root cause: how many tagged cases, and how many of them came within
 * `within` days of the previous one. Rather than a LAG over every tagged case, the cases are
 * first counted per UTC day (in index order): within a day each case but the first is a repeat
 * (under a day apart, and `within` is at least 1), and the first is compared with the previous
 * day's last — the same pair, and so the same julianday gap, as a LAG over the cases would take.
 * The window runs on the day groups as they come off the index, so it needs no sort either.
 * The last step (GROUP BY, HAVING, ORDER BY … LIMIT) keeps the shape it always had: SQLite then
 * lists pairs with equal counts in the same order as before.
 */
function repeatRows(db: Db, scope: InsightScope, within: number) {
  if (!Number.isInteger(within) || within < 1) throw new RangeError("within must be a whole number of days, at least 1");
  return db.$queryRaw<{ locationId: string; tagId: string; slug: string; label: string; cases: bigint; repeats: bigint; lastAt: string }[]>(Prisma.sql`
    WITH d AS (
      SELECT r."locationId" AS locationId, r."tagId" AS tagId, COUNT(*) AS n, MAX(r."openedAt") AS lastAt,
        julianday(MIN(r."openedAt")) - julianday(LAG(MAX(r."openedAt")) OVER (PARTITION BY r."locationId", r."tagId" ORDER BY r."openedDay")) AS gap
      FROM "CaseRootCause" r INDEXED BY "CaseRootCause_insights_idx"
      WHERE ${rootCauseScopeSql(scope)}
      GROUP BY r."locationId", r."tagId", r."openedDay"
    )
    SELECT d.locationId AS locationId, d.tagId AS tagId, g."slug" AS slug, g."label" AS label,
      SUM(d.n) AS cases, SUM(d.n - 1 + CASE WHEN d.gap <= ${within} THEN 1 ELSE 0 END) AS repeats, MAX(d.lastAt) AS lastAt
    FROM d JOIN "RootCauseTag" g ON g."id" = d.tagId
    GROUP BY d.locationId, d.tagId
    HAVING SUM(d.n - 1 + CASE WHEN d.gap <= ${within} THEN 1 ELSE 0 END) > 0
    ORDER BY repeats DESC, cases DESC
    LIMIT 12`);
}

/** The SQL behind each figure, one by one, for the bench (scripts/bench-manager.ts). */
export const insightQueries = {
  "cases, weeks, read-back, remedy (one scan)": (db: Db, s: InsightScope) => caseGroups(db, s),
  "root-cause Pareto": (db: Db, s: InsightScope) => paretoRows(db, s),
  "median to first apology (index walk)": (db: Db, s: InsightScope) => medianSeconds(db, s, "firstApologyMs", "walk"),
  "median to resolution (index walk)": (db: Db, s: InsightScope) => medianSeconds(db, s, "resolutionMs", "walk"),
  "repeats within 7 days": (db: Db, s: InsightScope) => repeatRows(db, s, 7),
} as const;
