import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { caseWhereSql, isoDate, type CaseFilter } from "./filters";
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
 * The manager's figures for a date range, every one aggregated by SQLite (GROUP BY, window
 * functions for medians and repeats) so only summary rows leave the database.
 */
export async function getInsights(db: Db, actor: Actor, input: unknown, now: Date = new Date()): Promise<Insights> {
  const query = parseInput(insightsQuerySchema, input);
  const locationIds = scopeLocations(actor, query.location);
  const timeZone = await timezoneOf(db, locationIds);
  const { from, to } = insightsRange(query, now, timeZone);
  const { start, end } = localRange(from, to, timeZone);
  const filter: CaseFilter = { locationIds, start, end };
  const where = caseWhereSql(filter, now);

  const [totals, pareto, byCategory, byLocation, firstApology, resolution, remedy, repeats, locations] = await Promise.all([
    db.$queryRaw<{ cases: bigint; accepted: bigint | null; answered: bigint | null }[]>(Prisma.sql`
      SELECT COUNT(*) AS cases,
        SUM(CASE WHEN c."readbackAccepted" = 1 THEN 1 ELSE 0 END) AS accepted,
        SUM(CASE WHEN c."readbackAccepted" IS NOT NULL THEN 1 ELSE 0 END) AS answered
      FROM "Case" c WHERE ${where}`),
    paretoRows(db, where),
    weeklyRows(db, where, Prisma.sql`c."category"`),
    weeklyRows(db, where, Prisma.sql`c."locationId"`),
    medianSeconds(db, where, Prisma.sql`c."firstApologyAt"`),
    medianSeconds(db, where, Prisma.sql`c."resolvedAt"`),
    db.$queryRaw<{ total: bigint | number | null; cases: bigint }[]>(Prisma.sql`
      SELECT SUM(m."valueCents") AS total, COUNT(DISTINCT m."caseId") AS cases
      FROM "Compensation" m JOIN "Case" c ON c."id" = m."caseId"
      WHERE ${where} AND m."status" IN ('offered', 'approved')`),
    repeatRows(db, where, query.within),
    db.location.findMany({ where: { id: { in: locationIds } }, select: { id: true, name: true } }),
  ]);

  const cases = num(totals[0]?.cases);
  const accepted = num(totals[0]?.accepted);
  const answered = num(totals[0]?.answered);
  const totalCents = num(remedy[0]?.total);
  const compensatedCases = num(remedy[0]?.cases);
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
  const paretoTotal = pareto.reduce((sum, p) => sum + num(p.n), 0);
  return {
    range: { from, to, days: daysBetween(from, to) + 1, timeZone },
    location: query.location ?? null,
    within: query.within,
    cases,
    pareto: pareto.map((p) => {
      running += num(p.n);
      return { slug: p.slug, label: p.label, count: num(p.n), cumulativeShare: paretoTotal ? running / paretoTotal : 0 };
    }),
    weeklyByCategory: toSeries(weeks, byCategory, categoryLabel, (a, b) => categoryOrder(a) - categoryOrder(b)),
    weeklyByLocation: toSeries(weeks, byLocation, (key) => locationNames.get(key) ?? key),
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

function paretoRows(db: Db, where: Prisma.Sql) {
  return db.$queryRaw<{ slug: string; label: string; n: bigint }[]>(Prisma.sql`
    SELECT t."slug" AS slug, t."label" AS label, COUNT(*) AS n
    FROM "Case" c JOIN "CaseRootCause" r ON r."caseId" = c."id" JOIN "RootCauseTag" t ON t."id" = r."tagId"
    WHERE ${where}
    GROUP BY t."id"
    ORDER BY n DESC, t."sortOrder" ASC`);
}

/** Cases per week (weeks start on Monday, UTC) and per key. */
function weeklyRows(db: Db, where: Prisma.Sql, key: Prisma.Sql) {
  return db.$queryRaw<{ week: string; key: string | null; n: bigint }[]>(Prisma.sql`
    SELECT date(c."openedAt", 'weekday 0', '-6 days') AS week, ${key} AS key, COUNT(*) AS n
    FROM "Case" c WHERE ${where}
    GROUP BY week, key`);
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

/** The median of (column − openedAt) in seconds over the filtered cases, computed by SQLite. */
async function medianSeconds(db: Db, where: Prisma.Sql, column: Prisma.Sql): Promise<{ medianSeconds: number | null; cases: number }> {
  const rows = await db.$queryRaw<{ median: number | null; n: bigint | null }[]>(Prisma.sql`
    WITH d AS (
      SELECT (julianday(${column}) - julianday(c."openedAt")) * 86400.0 AS s
      FROM "Case" c WHERE ${where} AND ${column} IS NOT NULL
    ), o AS (
      SELECT s, ROW_NUMBER() OVER (ORDER BY s) AS rn, COUNT(*) OVER () AS n FROM d
    )
    SELECT AVG(s) AS median, MAX(n) AS n FROM o WHERE rn IN ((n + 1) / 2, (n + 2) / 2)`);
  const median = numOrNull(rows[0]?.median);
  return { medianSeconds: median === null ? null : Math.round(median), cases: num(rows[0]?.n) };
}

/**
 * Per location and root cause: how many tagged cases, and how many of them came within
 * `within` days of the previous one (LAG over the cases in time order).
 */
function repeatRows(db: Db, where: Prisma.Sql, within: number) {
  return db.$queryRaw<{ locationId: string; tagId: string; slug: string; label: string; cases: bigint; repeats: bigint; lastAt: string }[]>(Prisma.sql`
    WITH t AS (
      SELECT c."locationId" AS locationId, r."tagId" AS tagId, c."openedAt" AS openedAt,
        julianday(c."openedAt") - julianday(LAG(c."openedAt") OVER (PARTITION BY c."locationId", r."tagId" ORDER BY c."openedAt")) AS gap
      FROM "Case" c JOIN "CaseRootCause" r ON r."caseId" = c."id"
      WHERE ${where}
    )
    SELECT t.locationId AS locationId, t.tagId AS tagId, g."slug" AS slug, g."label" AS label,
      COUNT(*) AS cases, SUM(CASE WHEN t.gap <= ${within} THEN 1 ELSE 0 END) AS repeats, MAX(t.openedAt) AS lastAt
    FROM t JOIN "RootCauseTag" g ON g."id" = t.tagId
    GROUP BY t.locationId, t.tagId
    HAVING SUM(CASE WHEN t.gap <= ${within} THEN 1 ELSE 0 END) > 0
    ORDER BY repeats DESC, cases DESC
    LIMIT 12`);
}

/** The SQL behind each figure, one by one, for the bench (scripts/bench-manager.ts). */
export const insightQueries = {
  "root-cause Pareto": (db: Db, f: CaseFilter, now: Date) => paretoRows(db, caseWhereSql(f, now)),
  "cases per week by category": (db: Db, f: CaseFilter, now: Date) => weeklyRows(db, caseWhereSql(f, now), Prisma.sql`c."category"`),
  "cases per week by location": (db: Db, f: CaseFilter, now: Date) => weeklyRows(db, caseWhereSql(f, now), Prisma.sql`c."locationId"`),
  "median to first apology": (db: Db, f: CaseFilter, now: Date) => medianSeconds(db, caseWhereSql(f, now), Prisma.sql`c."firstApologyAt"`),
  "median to resolution": (db: Db, f: CaseFilter, now: Date) => medianSeconds(db, caseWhereSql(f, now), Prisma.sql`c."resolvedAt"`),
  "repeats within 7 days": (db: Db, f: CaseFilter, now: Date) => repeatRows(db, caseWhereSql(f, now), 7),
} as const;
