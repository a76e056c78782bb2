// The insights as they were computed before the precomputed columns (docs/decisions/0006):
// straight from the source columns of Case and its child tables, joined and sorted per request.
// Slow on a big history, but obviously right; tests compare getInsights against it so that a
// precomputed column or copied field that drifted from its source shows up as a wrong figure.
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { caseWhereSql, type CaseFilter } from "../filters";
import { insightsQuerySchema, insightsRange, type Insights, type InsightScope, type WeeklySeries } from "../insights";
import { scopeLocations, timezoneOf } from "../scope";
import { addDays, daysBetween, localRange, mondayOf } from "../time";

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export async function referenceInsights(db: Db, actor: Actor, input: unknown, now: Date = new Date()): Promise<Insights> {
  const query = parseInput(insightsQuerySchema, input);
  const locationIds = scopeLocations(actor, query.location);
  const timeZone = await timezoneOf(db, locationIds);
  const { from, to } = insightsRange(query, now, timeZone);
  const { start, end } = localRange(from, to, timeZone);
  const where = caseWhereSql({ locationIds, start, end } satisfies CaseFilter, now);

  const totals = await db.$queryRaw<{ cases: bigint; accepted: bigint | null; answered: bigint | null }[]>(Prisma.sql`
    SELECT COUNT(*) AS cases,
      SUM(CASE WHEN c."readbackAccepted" = 1 THEN 1 ELSE 0 END) AS accepted,
      SUM(CASE WHEN c."readbackAccepted" IS NOT NULL THEN 1 ELSE 0 END) AS answered
    FROM "Case" c WHERE ${where}`);
  const pareto = await db.$queryRaw<{ slug: string; label: string; n: bigint }[]>(Prisma.sql`
    SELECT t."slug" AS slug, t."label" AS label, COUNT(*) AS n
    FROM "Case" c JOIN "CaseRootCause" r ON r."caseId" = c."id" JOIN "RootCauseTag" t ON t."id" = r."tagId"
    WHERE ${where}
    GROUP BY t."id"
    ORDER BY n DESC, t."sortOrder" ASC`);
  const byCategory = await weeklyRows(db, where, Prisma.sql`c."category"`);
  const byLocation = await weeklyRows(db, where, Prisma.sql`c."locationId"`);
  const firstApology = await referenceMedianSeconds(db, where, Prisma.sql`c."firstApologyAt"`);
  const resolution = await referenceMedianSeconds(db, where, Prisma.sql`c."resolvedAt"`);
  const remedy = await db.$queryRaw<{ total: bigint | number | null; cases: bigint }[]>(Prisma.sql`
    SELECT SUM(m."valueCents") AS total, COUNT(DISTINCT m."caseId") AS cases
    FROM "Compensation" m JOIN "Case" c ON c."id" = m."caseId"
    WHERE ${where} AND m."status" IN ('offered', 'approved')`);
  const repeats = await referenceRepeatRows(db, where, query.within);
  const locations = await db.location.findMany({ where: { id: { in: locationIds } }, select: { id: true, name: true } });

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

/** The median the old way, for a scope as getInsights builds it (used to check the index walk too). */
export function referenceMedian(db: Db, scope: InsightScope, column: "firstApologyAt" | "resolvedAt") {
  return referenceMedianSeconds(db, caseWhereSql(scope), Prisma.raw(`c."${column}"`));
}

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

async function referenceMedianSeconds(db: Db, where: Prisma.Sql, column: Prisma.Sql): Promise<{ medianSeconds: number | null; cases: number }> {
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

function referenceRepeatRows(db: Db, where: Prisma.Sql, within: number) {
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
