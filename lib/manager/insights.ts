import "server-only";
import { z } from "zod";
import { dayKey, insightDays } from "./insight-days";
import { brokenPromisesOfSums, cachedSums, medianOfSums, repeatsOfSums, sumDays, tagCountsOfSums, type ScopeDay } from "./insight-sums";
import { headsUpFigures, type PreventionFigures } from "./prevention-insights";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { CATEGORIES, CATEGORY_LABELS, type Category, type ReadbackOutcome } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { isoDate } from "./filters";
import { scopeLocations, venuesOf, type Venue } from "./scope";
import { dialectOf, type SqlDialect } from "./sql-dialect";
import { addDays, DAY_MS, daysBetween, DEFAULT_TIMEZONE, localDate, mondayOf } from "./time";

export const DEFAULT_INSIGHT_DAYS = 90;
export const MAX_INSIGHT_DAYS = 3 * 366;
/** Repeat rows shown before "show all". */
export const REPEATS_SHOWN = 12;

export const insightsQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    location: z.string().trim().min(1).max(64).optional(),
    /** Two cases with the same root cause at the same location this many days apart or less are a repeat. */
    within: z.coerce.number().int().min(1, "At least 1 day").max(90, "At most 90 days").default(7),
    /** "all": every repeat row, not only the first REPEATS_SHOWN. */
    repeats: z.enum(["all"], { message: "Use repeats=all, or leave it out" }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The start date is after the end date", path: ["from"] });
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

/**
 * Cases per week: `weeks` are the Mondays of the weeks (Monday to Sunday, on each venue's own
 * calendar) that the range touches; the first and last may reach outside the range, but only
 * the range's days are counted in them. Every case counted in the range is in exactly one week.
 */
export type WeeklySeries = { weeks: string[]; series: { key: string; label: string; values: number[]; total: number }[] };

/** How the read-back went, per case, over every round (ReadbackOutcome in the playbook). */
export type ReadbackFigures = {
  /** Cases whose customer was read back what was agreed at least once. */
  asked: number;
  acceptedFirstTime: number;
  /** Accepted after one or more "not quite". */
  acceptedAfterChanges: number;
  /** Said "not quite" and never (or not yet) accepted, abandoned cases included. */
  notAccepted: number;
  /** Cases with at least one "not quite" (after changes + not accepted). */
  withRefusal: number;
  firstTimeShare: number | null;
  acceptedShare: number | null;
};

export type RepeatRow = {
  locationId: string;
  locationName: string;
  /** The location's time zone: `lastAt` is shown on its clock. */
  timeZone: string;
  tagId: string;
  slug: string;
  label: string;
  cases: number;
  repeats: number;
  lastAt: string;
  improvement: { id: string; title: string } | null;
};

export type Insights = {
  /**
   * Calendar dates, taken at each venue on its own clock: a case counts when it was opened between
   * `from` 00:00 and the end of `to` where it happened. `today` is the latest "today" among the
   * venues (the default `to`).
   */
  range: { from: string; to: string; days: number; today: string };
  /** The venues the figures cover, each with its time zone, A–Z. */
  venues: Venue[];
  location: string | null;
  within: number;
  cases: number;
  /** Cases per root cause (a case may have several); `cumulativeShare` is of all root-cause tags. */
  pareto: { slug: string; label: string; count: number; cumulativeShare: number }[];
  /** Root-cause tags in the range (the Pareto's total: one case may carry several). */
  tags: number;
  weeklyByCategory: WeeklySeries;
  weeklyByLocation: WeeklySeries;
  firstApology: { medianSeconds: number | null; cases: number };
  resolution: { medianSeconds: number | null; cases: number };
  readback: ReadbackFigures;
  remedy: { totalCents: number; compensatedCases: number; perCaseCents: number | null; perCompensatedCaseCents: number | null };
  /** Heads-ups, tables told, those who still complained, and late promises told or not (prevention-insights.ts). */
  prevention: PreventionFigures;
  /** Ordered by REPEAT_ORDER; `rows` holds the first REPEATS_SHOWN unless all were asked for. */
  repeats: { rows: RepeatRow[]; total: number; showingAll: boolean };
};

/** The order of the repeat rows, in words (the page states it). */
export const REPEAT_ORDER = "most repeats first, then most cases, then the most recent case, then location and root cause A–Z";

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The resolved date range: the last 90 days by default, up to the latest "today" among the
 * venues (so no venue's today is left out), never longer than 3 years.
 */
export function insightsRange(
  query: Pick<InsightsQuery, "from" | "to">,
  now: Date,
  timeZones: readonly string[],
): { from: string; to: string; today: string } {
  const todays = (timeZones.length ? timeZones : [DEFAULT_TIMEZONE]).map((zone) => localDate(now, zone));
  const today = todays.reduce((latest, day) => (day > latest ? day : latest));
  const to = query.to ?? today;
  let from = query.from ?? addDays(to, -(DEFAULT_INSIGHT_DAYS - 1));
  if (daysBetween(from, to) >= MAX_INSIGHT_DAYS) from = addDays(to, -(MAX_INSIGHT_DAYS - 1));
  return { from, to, today };
}

/**
 * What the insights cover: some locations over the calendar days [from, to], each day on the
 * location's own clock (Case.openedLocalDay), never practice cases. Narrower than CaseFilter on
 * purpose: the precomputed columns and copies below serve exactly this scope.
 */
export type InsightScope = { locationIds: string[]; from: string; to: string };

/**
 * The manager's figures for a date range, every one aggregated by SQLite so only summary rows
 * leave the database. Each query reads one index in its own order, using the columns the
 * projection precomputes (docs/decisions/0007 and 0010): no sort of every case.
 */
export async function getInsights(
  db: Db,
  actor: Actor,
  input: unknown,
  now: Date = new Date(),
  options: { dayCache?: boolean } = {},
): Promise<Insights> {
  const query = parseInput(insightsQuerySchema, input);
  const locationIds = scopeLocations(actor, query.location);
  // The tags and the scope's open improvements (few) need no dates: read alongside the venues,
  // so the page waits for one round trip fewer (the improvements are matched to repeats below).
  const [venues, tagRows, openImprovements] = await Promise.all([
    venuesOf(db, locationIds),
    db.rootCauseTag.findMany({ select: { id: true, slug: true, label: true, sortOrder: true } }),
    locationIds.length
      ? db.improvement.findMany({
          where: { status: "open", locationId: { in: locationIds } },
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          select: { id: true, title: true, locationId: true, tagId: true },
        })
      : Promise.resolve([]),
  ]);
  const { from, to, today } = insightsRange(
    query,
    now,
    venues.map((v) => v.timeZone),
  );
  if (from > to)
    throw new AppError("invalid_input", "The start date is after the end of the period (today, unless you pick an end date).", {
      field: "from",
    });
  const scope: InsightScope = { locationIds, from, to };

  // Every figure but the heads-ups is a sum (or, for the medians and repeats, a merge) over the
  // scope's (venue, day) pairs: cached closed days that still hold, the rest live (insight-days.ts).
  const [{ days, live, cachedKey }, headsUps] = await Promise.all([
    insightDays(db, { venues, from, to }, now, { cache: options.dayCache ?? true }),
    headsUpFigures(db, scope),
  ]);
  // The cached days' sums are the same while the rows are (cachedKey: what the database proved on
  // this read), so a process sums them once (insight-sums.ts); the live days are summed each time.
  const cached = cachedSums(db, cachedKey, () => {
    const list: ScopeDay[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      for (const locationId of locationIds) {
        const key = dayKey(locationId, day);
        const f = days.get(key);
        if (f && !live.has(key)) list.push({ locationId, day, f });
      }
    }
    return list;
  });
  // The live days in day order (a location's days must come in order; any order across locations).
  const liveDays: ScopeDay[] = [];
  for (const key of live) {
    const f = days.get(key);
    const [locationId, day] = key.split(" ");
    if (f) liveDays.push({ locationId, day, f });
  }
  liveDays.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const fresh = sumDays(liveDays);
  const groups: CaseGroupRow[] = [...cached.groups, ...fresh.groups];
  const sum = (pick: (g: CaseGroupRow) => unknown) => groups.reduce((total, g) => total + num(pick(g)), 0);
  const tagOf = new Map(tagRows.map((t) => [t.id, t]));
  const pareto = paretoOf(tagCountsOfSums([cached, fresh]), tagOf);
  const firstApology = medianOfSums(cached.fa, fresh.fa);
  const resolution = medianOfSums(cached.rs, fresh.rs);
  const repeats = repeatsOfSums(cached, fresh, query.within).flatMap((r) => {
    const t = tagOf.get(r.tagId);
    return t ? [{ ...r, slug: t.slug, label: t.label }] : [];
  });
  const prevention: PreventionFigures = { ...headsUps, brokenPromises: brokenPromisesOfSums([cached, fresh], now) };

  const cases = sum((g) => g.n);
  const totalCents = sum((g) => g.remedyCents);
  const compensatedCases = sum((g) => g.compensated);
  const venueOf = new Map(venues.map((v) => [v.id, v]));

  const weeks: string[] = [];
  for (let w = mondayOf(from); w <= to; w = addDays(w, 7)) weeks.push(w);
  const categoryLabel = (key: string) => (key === "" ? "Not yet recorded" : (CATEGORY_LABELS[key as Category] ?? key));
  const categoryOrder = (key: string) => (CATEGORIES as readonly string[]).indexOf(key);

  const improvements = openImprovements;

  let running = 0;
  const tags = pareto.reduce((total, p) => total + num(p.n), 0);
  const allRepeats = repeats
    .map((r): RepeatRow => {
      const improvement = improvements.find((i) => i.locationId === r.locationId && i.tagId === r.tagId);
      const venue = venueOf.get(r.locationId);
      return {
        locationId: r.locationId,
        locationName: venue?.name ?? r.locationId,
        timeZone: venue?.timeZone ?? "UTC",
        tagId: r.tagId,
        slug: r.slug,
        label: r.label,
        cases: num(r.cases),
        repeats: num(r.repeats),
        lastAt: new Date(r.lastAt).toISOString(),
        improvement: improvement ? { id: improvement.id, title: improvement.title } : null,
      };
    })
    .sort(repeatOrder);
  return {
    range: { from, to, days: daysBetween(from, to) + 1, today },
    venues,
    location: query.location ?? null,
    within: query.within,
    cases,
    pareto: pareto.map((p) => {
      running += num(p.n);
      return { slug: p.slug, label: p.label, count: num(p.n), cumulativeShare: tags ? running / tags : 0 };
    }),
    tags,
    weeklyByCategory: toSeries(
      weeks,
      groups,
      (g) => g.category,
      categoryLabel,
      (a, b) => categoryOrder(a) - categoryOrder(b),
    ),
    weeklyByLocation: toSeries(
      weeks,
      groups,
      (g) => g.locationId,
      (key) => venueOf.get(key)?.name ?? key,
    ),
    firstApology,
    resolution,
    readback: readbackFigures({
      accepted_first_time: sum((g) => g.acceptedFirstTime),
      accepted_after_changes: sum((g) => g.acceptedAfterChanges),
      not_accepted: sum((g) => g.notAccepted),
    }),
    remedy: {
      totalCents,
      compensatedCases,
      perCaseCents: cases ? Math.round(totalCents / cases) : null,
      perCompensatedCaseCents: compensatedCases ? Math.round(totalCents / compensatedCases) : null,
    },
    prevention,
    repeats: {
      rows: query.repeats === "all" ? allRepeats : allRepeats.slice(0, REPEATS_SHOWN),
      total: allRepeats.length,
      showingAll: query.repeats === "all" || allRepeats.length <= REPEATS_SHOWN,
    },
  };
}

function readbackFigures(counts: Record<ReadbackOutcome, number>): ReadbackFigures {
  const asked = counts.accepted_first_time + counts.accepted_after_changes + counts.not_accepted;
  return {
    asked,
    acceptedFirstTime: counts.accepted_first_time,
    acceptedAfterChanges: counts.accepted_after_changes,
    notAccepted: counts.not_accepted,
    withRefusal: counts.accepted_after_changes + counts.not_accepted,
    firstTimeShare: asked ? counts.accepted_first_time / asked : null,
    acceptedShare: asked ? (counts.accepted_first_time + counts.accepted_after_changes) / asked : null,
  };
}

/** REPEAT_ORDER, as a comparison. */
function repeatOrder(a: RepeatRow, b: RepeatRow): number {
  return (
    b.repeats - a.repeats ||
    b.cases - a.cases ||
    (a.lastAt === b.lastAt ? 0 : a.lastAt > b.lastAt ? -1 : 1) ||
    a.locationName.localeCompare(b.locationName, "en-GB") ||
    a.label.localeCompare(b.label, "en-GB") ||
    (a.locationId + a.tagId < b.locationId + b.tagId ? -1 : a.locationId + a.tagId > b.locationId + b.tagId ? 1 : 0)
  );
}

/**
 * The scope on the Case table, for Case_insights_day_idx: the days seek the index; the location
 * and practice flag are checked inside it.
 */
function caseScopeSql(s: InsightScope): Prisma.Sql {
  if (s.locationIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`c."openedLocalDay" >= ${s.from} AND c."openedLocalDay" <= ${s.to}
    AND c."locationId" IN (${Prisma.join(s.locationIds)}) AND c."isPractice" = FALSE`;
}

/** The same scope on CaseRootCause, through the case's fields copied onto each row. */
function rootCauseScopeSql(s: InsightScope): Prisma.Sql {
  if (s.locationIds.length === 0) return Prisma.sql`FALSE`;
  // The tag IN (…) changes nothing (every tag exists: foreign key, and the figures join the tag
  // anyway) but lets SQLite seek each location-and-tag's day range in CaseRootCause_insights_idx
  // instead of reading each location's whole history.
  return Prisma.sql`r."locationId" IN (${Prisma.join(s.locationIds)}) AND r."isPractice" = FALSE
    AND r."tagId" IN (SELECT "id" FROM "RootCauseTag")
    AND r."openedLocalDay" >= ${s.from} AND r."openedLocalDay" <= ${s.to}`;
}

type Count = bigint | number;
type CaseGroupRow = {
  week: string;
  locationId: string;
  category: string | null;
  n: Count;
  acceptedFirstTime: Count;
  acceptedAfterChanges: Count;
  notAccepted: Count;
  remedyCents: Count | null;
  compensated: Count;
  apologised: Count;
  resolved: Count;
};

type Tag = { id: string; slug: string; label: string; sortOrder: number };

/** Cases per root cause, most first, then the tag's own order and slug (as paretoRows). */
function paretoOf(counts: Map<string, number>, tagOf: Map<string, Tag>): { slug: string; label: string; n: number }[] {
  return [...counts.entries()]
    .flatMap(([tagId, n]) => {
      const t = tagOf.get(tagId);
      return t ? [{ ...t, n }] : [];
    })
    .sort((a, b) => b.n - a.n || a.sortOrder - b.sortOrder || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map(({ slug, label, n }) => ({ slug, label, n }));
}

/**
 * Every Case figure but the medians, in one pass: cases per week (Monday to Sunday, on the
 * venue's calendar), location and category, with the read-back outcomes, remedy and duration
 * counts. The inner GROUP BY follows the day index's own order (no sort of the cases); only its
 * few thousand day rows are grouped into weeks.
 */
function caseGroups(db: Db, scope: InsightScope) {
  const sql = dialectOf(db);
  return db.$queryRaw<CaseGroupRow[]>(Prisma.sql`
    SELECT ${sql.mondayOfDay(Prisma.sql`d.day`)} AS week, d."locationId" AS "locationId", d.category AS category,
      ${sql.sumInt(Prisma.sql`d.n`)} AS n, ${sql.sumInt(Prisma.sql`d."acceptedFirstTime"`)} AS "acceptedFirstTime",
      ${sql.sumInt(Prisma.sql`d."acceptedAfterChanges"`)} AS "acceptedAfterChanges", ${sql.sumInt(Prisma.sql`d."notAccepted"`)} AS "notAccepted",
      ${sql.sumInt(Prisma.sql`d."remedyCents"`)} AS "remedyCents", ${sql.sumInt(Prisma.sql`d.compensated`)} AS compensated,
      ${sql.sumInt(Prisma.sql`d.apologised`)} AS apologised, ${sql.sumInt(Prisma.sql`d.resolved`)} AS resolved
    FROM (
      SELECT c."locationId" AS "locationId", c."openedLocalDay" AS day, c."category" AS category, COUNT(*) AS n,
        SUM(CASE WHEN c."readbackOutcome" = 'accepted_first_time' THEN 1 ELSE 0 END) AS "acceptedFirstTime",
        SUM(CASE WHEN c."readbackOutcome" = 'accepted_after_changes' THEN 1 ELSE 0 END) AS "acceptedAfterChanges",
        SUM(CASE WHEN c."readbackOutcome" = 'not_accepted' THEN 1 ELSE 0 END) AS "notAccepted",
        SUM(c."remedyCents") AS "remedyCents", COUNT(c."remedyCents") AS compensated,
        COUNT(c."firstApologyMs") AS apologised, COUNT(c."resolutionMs") AS resolved
      FROM "Case" c ${sql.indexedBy("Case_insights_day_idx")}
      WHERE ${caseScopeSql(scope)}
      GROUP BY c."openedLocalDay", c."locationId", c."category"
    ) d
    GROUP BY week, d."locationId", d.category`);
}

function paretoRows(db: Db, scope: InsightScope) {
  const sql = dialectOf(db);
  return db.$queryRaw<{ slug: string; label: string; n: bigint }[]>(Prisma.sql`
    SELECT t."slug" AS slug, t."label" AS label, ${sql.sumInt(Prisma.sql`g.n`)} AS n
    FROM (
      SELECT r."tagId" AS "tagId", COUNT(*) AS n FROM "CaseRootCause" r ${sql.indexedBy("CaseRootCause_insights_idx")}
      WHERE ${rootCauseScopeSql(scope)}
      GROUP BY r."locationId", r."tagId"
    ) g JOIN "RootCauseTag" t ON t."id" = g."tagId"
    GROUP BY t."id", t."slug", t."label", t."sortOrder"
    ORDER BY n DESC, t."sortOrder" ASC, t."slug" ASC`);
}

/**
 * One key's weekly counts. Every group's week is one of `weeks` (the scope's days all lie in
 * them), so nothing counted in the total is left out of the chart; a week that is not would be
 * a bug, and fails loudly rather than vanish.
 */
function toSeries(
  weeks: string[],
  groups: CaseGroupRow[],
  keyOf: (g: CaseGroupRow) => string | null,
  label: (key: string) => string,
  order?: (a: string, b: string) => number,
): WeeklySeries {
  const index = new Map(weeks.map((w, i) => [w, i]));
  const byKey = new Map<string, number[]>();
  for (const group of groups) {
    const i = index.get(group.week);
    if (i === undefined)
      throw new Error(`Cases in week ${group.week}, outside the weeks ${weeks[0]}…${weeks.at(-1)}: the weekly chart would drop them`);
    const key = keyOf(group) ?? "";
    const values = byKey.get(key) ?? weeks.map(() => 0);
    values[i] += num(group.n);
    byKey.set(key, values);
  }
  const series = [...byKey.entries()].map(([key, values]) => ({
    key,
    label: label(key),
    values,
    total: values.reduce((a, b) => a + b, 0),
  }));
  series.sort(
    (a, b) =>
      b.total - a.total ||
      (order ? order(a.key, b.key) : a.label.localeCompare(b.label, "en-GB")) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
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
 * The median of a precomputed duration over the scope, in whole seconds (the exact milliseconds
 * average of the middle one or two, rounded). The count and the OFFSET come from the same
 * statement, so the median always belongs to the count it reports.
 */
async function medianSeconds(
  db: Db,
  scope: InsightScope,
  column: DurationColumn,
  plan: MedianPlan,
): Promise<{ medianSeconds: number | null; cases: number }> {
  if (scope.locationIds.length === 0) return { medianSeconds: null, cases: 0 };
  const { indexedBy } = dialectOf(db);
  const value = Prisma.raw(`c."${column}"`);
  // The count always seeks the day index (only the scope's days); the ordered read is the walk
  // along the duration's index (which carries the day, location and flag to check) or a sort of
  // the scope's durations.
  const inScope = Prisma.sql`"Case" c ${indexedBy("Case_insights_day_idx")} WHERE ${caseScopeSql(scope)} AND ${value} IS NOT NULL`;
  const ordered =
    plan === "walk"
      ? Prisma.sql`"Case" c ${indexedBy(DURATION_INDEX[column])} WHERE ${value} IS NOT NULL AND ${caseScopeSql(scope)}`
      : inScope;
  const rows = await db.$queryRaw<{ median: number | null; n: bigint | null }[]>(Prisma.sql`
    WITH k AS (SELECT COUNT(*) AS n FROM ${inScope})
    SELECT AVG(m.ms) AS median, (SELECT n FROM k) AS n
    FROM (SELECT ${value} AS ms FROM ${ordered} ORDER BY ${value} LIMIT 2 - (SELECT n FROM k) % 2 OFFSET ((SELECT n FROM k) - 1) / 2) m`);
  const median = numOrNull(rows[0]?.median);
  return { medianSeconds: median === null ? null : Math.round(median / 1000), cases: num(rows[0]?.n) };
}

/**
 * Per location and root cause: how many tagged cases, and how many of them came within `within`
 * days (exactly within × 24 hours, to the millisecond) of the previous one. Rather than a LAG
 * over every tagged case, the cases are first counted per venue day, in index order (no sort):
 * - the day's first case is compared with the previous day's last, which is the same pair a LAG
 *   over the cases would compare;
 * - within a day, every case but the first is a repeat when the day's first and last case are
 *   within the limit (each gap is at most that span). A venue day can last 25 hours (the autumn
 *   clock change), so with `within` = 1 a day's span can exceed the limit: only then are that
 *   day's gaps counted one by one.
 * Every row comes back (at most locations × root causes); the caller orders and pages them.
 */
function repeatRows(db: Db, scope: InsightScope, within: number) {
  if (!Number.isInteger(within) || within < 1) throw new RangeError("within must be a whole number of days, at least 1");
  const limitMs = within * DAY_MS;
  const { indexedBy, millisBetween: millisBetweenSql } = dialectOf(db) satisfies SqlDialect;
  const sameDayPair = Prisma.sql`x."locationId" = d."locationId" AND x."isPractice" = FALSE AND x."tagId" = d."tagId" AND x."openedLocalDay" = d.day`;
  // The day's cases whose predecessor that day (by time, then case id) is within the limit.
  const countedOneByOne = Prisma.sql`(
    SELECT COUNT(*) FROM "CaseRootCause" x ${indexedBy("CaseRootCause_insights_idx")}
    WHERE ${sameDayPair}
      AND ${millisBetweenSql(
        Prisma.sql`x."openedAt"`,
        Prisma.sql`(SELECT MAX(y."openedAt") FROM "CaseRootCause" y ${indexedBy("CaseRootCause_insights_idx")}
          WHERE y."locationId" = x."locationId" AND y."isPractice" = FALSE AND y."tagId" = x."tagId" AND y."openedLocalDay" = x."openedLocalDay"
            AND (y."openedAt" < x."openedAt" OR (y."openedAt" = x."openedAt" AND y."caseId" < x."caseId")))`,
      )} <= ${limitMs})`;
  return db.$queryRaw<
    { locationId: string; tagId: string; slug: string; label: string; cases: bigint; repeats: bigint; lastAt: string }[]
  >(Prisma.sql`
    WITH d AS (
      SELECT r."locationId" AS "locationId", r."tagId" AS "tagId", r."openedLocalDay" AS day, COUNT(*) AS n,
        MIN(r."openedAt") AS "firstAt", MAX(r."openedAt") AS "lastAt",
        LAG(MAX(r."openedAt")) OVER (PARTITION BY r."locationId", r."tagId" ORDER BY r."openedLocalDay") AS "previousAt"
      FROM "CaseRootCause" r ${indexedBy("CaseRootCause_insights_idx")}
      WHERE ${rootCauseScopeSql(scope)}
      GROUP BY r."locationId", r."tagId", r."openedLocalDay"
    ), g AS (
      SELECT d."locationId" AS "locationId", d."tagId" AS "tagId", d.n AS n, d."lastAt" AS "lastAt",
        CASE WHEN d."previousAt" IS NOT NULL AND ${millisBetweenSql(Prisma.sql`d."firstAt"`, Prisma.sql`d."previousAt"`)} <= ${limitMs} THEN 1 ELSE 0 END
          + CASE WHEN d.n = 1 THEN 0 WHEN ${millisBetweenSql(Prisma.sql`d."lastAt"`, Prisma.sql`d."firstAt"`)} <= ${limitMs} THEN d.n - 1 ELSE ${countedOneByOne} END AS repeats
      FROM d
    )
    SELECT g."locationId" AS "locationId", g."tagId" AS "tagId", t."slug" AS slug, t."label" AS label,
      SUM(g.n) AS cases, SUM(g.repeats) AS repeats, MAX(g."lastAt") AS "lastAt"
    FROM g JOIN "RootCauseTag" t ON t."id" = g."tagId"
    GROUP BY g."locationId", g."tagId", t."slug", t."label"
    HAVING SUM(g.repeats) > 0`);
}

/** The SQL behind each figure, one by one, for the bench (scripts/bench-manager.ts). */
export const insightQueries = {
  "cases, weeks, read-back, remedy (one scan)": (db: Db, s: InsightScope) => caseGroups(db, s),
  "root-cause Pareto": (db: Db, s: InsightScope) => paretoRows(db, s),
  "median to first apology (index walk)": (db: Db, s: InsightScope) => medianSeconds(db, s, "firstApologyMs", "walk"),
  "median to resolution (index walk)": (db: Db, s: InsightScope) => medianSeconds(db, s, "resolutionMs", "walk"),
  "repeats within 7 days": (db: Db, s: InsightScope) => repeatRows(db, s, 7),
} as const;
