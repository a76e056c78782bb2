import "server-only";
// The insights' figures per venue and venue day (docs/decisions/0031). Every figure of the page
// is a sum over (venue, day) pairs, or, for the medians and the repeats, can be rebuilt from a
// little per-pair data; so a year over six venues is 2,190 small rows instead of 100,000 cases.
//
// The rows are a cache that the insights write for closed days when they read them; an append
// never writes them. Whether a row still holds is decided from what every append already writes:
// each event's time is at least the server's clock minus the offline window (recordedTime in
// lib/cases/client-event.ts), and Case.lastEventAt is the case's latest event time (indexed). So
// a row built at `builtAt` still holds while no case of its venue and day has lastEventAt on or
// after builtAt − MAX_OFFLINE_MS − CLOCK_MARGIN_MS. A row whose day was touched since then still
// holds if the day's cases and the sum of their event counts are those it was built from (read
// before its figures; each append adds one event to one case, and cases are never deleted).
// Days that are not over yet at the venue, and
// days whose row is missing, stale, expired, of another version or built in another time zone,
// are computed live from the projection with the same SQL a cold cache uses.
import { MAX_OFFLINE_MS } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Venue } from "./scope";
import { dialectOf } from "./sql-dialect";
import { DAY_MS, daysBetween, localDate } from "./time";

/** The layout of InsightDay.figures: change it with the layout, and old rows read as missing. */
export const INSIGHT_DAY_VERSION = 2;
/** Allowance for app instances' clocks disagreeing and for an append's transaction outlasting a read. */
export const CLOCK_MARGIN_MS = 60 * 60 * 1000;
/**
 * A row is rebuilt once it is older than this many days (21–34, staggered by its day, so a year
 * built at once is not rebuilt at once), which bounds how far back the staleness check reads.
 */
const EXPIRY_DAYS = 21;
const EXPIRY_STAGGER_DAYS = 14;

/**
 * One category's cases on the day: category (null before the complaint was heard), cases,
 * accepted first time, accepted after changes, not accepted, remedy cents, compensated cases,
 * cases with a first apology, cases resolved.
 */
export type CategoryCounts = [string | null, number, number, number, number, number, number, number, number];
/**
 * One root cause's tagged cases on the day: tag id, cases, first and last opening (ms since the
 * epoch), and every gap between consecutive cases that is over 24 hours (only a 25-hour day has
 * one), so the repeats within any `within` ≥ 1 day can be counted from the row.
 */
export type TagDay = [string, number, number, number, number[]];
/** An agreed action's lateness inputs: 0 open / 1 done, due, completed (ms or null). */
export type ActionTimes = [0 | 1, number, number | null];
/** The figures of one venue's complaint cases opened on one of its days. */
export type DayFigures = {
  /**
   * The day's cases and the sum of their event counts, read before the figures: every append
   * adds one to a case's count and no case is ever deleted, so while both are unchanged so are
   * the figures (the check for a day touched within the offline window).
   */
  k: [number, number];
  c: CategoryCounts[];
  t: TagDay[];
  /** Milliseconds to the first apology and to resolution, each ascending. */
  fa: number[];
  rs: number[];
  /** Actions done after their due time (late whatever the clock says). */
  lateDone: number;
  /** Open actions already late when the figures were read (their due time is before it). */
  openLate: number;
  /** Due times of the other open actions: late once the clock passes them. */
  openDue: number[];
  /** Actions someone went back to the customer about (a promise_update_told step). */
  told: ActionTimes[];
};

export const emptyDay = (): DayFigures => ({ k: [0, 0], c: [], t: [], fa: [], rs: [], lateDone: 0, openLate: 0, openDue: [], told: [] });

export type DayKey = string;
export const dayKey = (locationId: string, day: string): DayKey => `${locationId} ${day}`;

/** Where each day's figures came from, for the tests and the bench. */
export type DaySources = { cached: number; live: number; written: number };

type Scope = { venues: Venue[]; from: string; to: string };

/**
 * The figures of every (venue, day) of the scope: cached rows that still hold, the rest live.
 * Closed days computed live are written back (best effort: a failed write costs only speed).
 */
export async function insightDays(
  db: Db,
  scope: Scope,
  now: Date,
  options: { cache?: boolean } = {},
): Promise<{ days: Map<DayKey, DayFigures>; sources: DaySources; live: Set<DayKey>; cachedKey: string | null }> {
  const { venues, from, to } = scope;
  const useCache = options.cache ?? true;
  const days = new Map<DayKey, DayFigures>();
  const sources: DaySources = { cached: 0, live: 0, written: 0 };
  const liveKeys = new Set<DayKey>();
  let cachedKey: string | null = null;
  if (venues.length === 0 || from > to) return { days, sources, live: liveKeys, cachedKey };
  const locationIds = venues.map((v) => v.id);
  const zoneOf = new Map(venues.map((v) => [v.id, v.timeZone]));
  const todayAt = new Map(venues.map((v) => [v.id, localDate(now, v.timeZone)]));
  const closed = (locationId: string, day: string) => day < (todayAt.get(locationId) ?? day);

  const window = MAX_OFFLINE_MS + CLOCK_MARGIN_MS;
  const rangeDays = daysOf(from, to);
  // The days not over yet at some venue are never cached: read them live alongside the cache
  // (with each day's counts first only when some venue's day is over, so its row can be written).
  const openDays = rangeDays.filter((day) => locationIds.some((id) => !closed(id, day)));
  const openLive = openDays.length
    ? liveDayFigures(db, locationIds, openDays, now, { counts: openDays.some((day) => locationIds.some((id) => closed(id, day))) })
    : Promise.resolve(new Map<DayKey, DayFigures>());
  /** Per day, how many venues' figures are already in `days`. */
  const covered = new Map<string, number>();
  if (useCache) {
    // The rows' keys and the days touched since the oldest of them (less the window) are read
    // together, from the oldest build time the last read of this scope found: rows only ever get
    // newer (a rewrite has a later builtAt; an expired row drops out), so that bound is at or
    // before this read's oldest, and reading the days touched since an earlier time is a superset.
    // When it is not (a first read, or an older row came into use), the days are read again.
    const scopeKey = `${locationIds.join(",")} ${from} ${to}`;
    const guess = oldestSeen(db).get(scopeKey);
    // The rows' keys: a fingerprint of them (one row back), and the keys themselves only when it
    // is not the one this process last read them with (rowsFor).
    const [{ rows, fingerprint }, guessed] = await Promise.all([
      rowsFor(db, venues, from, to),
      guess === undefined ? undefined : touchedSince(db, locationIds, from, to, new Date(guess - window)),
    ]);
    const at = now.getTime();
    const usable = rows.filter(
      (r) =>
        r.version === INSIGHT_DAY_VERSION &&
        r.timeZone === zoneOf.get(r.locationId) &&
        closed(r.locationId, r.day) &&
        r.builtAt <= at + CLOCK_MARGIN_MS &&
        at <= r.expiresAt,
    );
    const oldest = usable.reduce((min, r) => Math.min(min, r.builtAt), at);
    rememberOldest(db, scopeKey, oldest);
    const touched =
      guessed !== undefined && guess !== undefined && guess <= oldest
        ? guessed
        : await touchedSince(db, locationIds, from, to, new Date(oldest - window));
    await cachedFigures(db, usable);
    // Rows no case of whose day has had an event since (less the window) hold as they are; a row
    // whose day was touched holds if its cases and their event counts are what it was built from.
    const held = new Set<CachedRow>();
    for (const r of usable) {
      const f = r.figures;
      if (!f) continue;
      const last = touched.get(r.key);
      if (last !== undefined && last.last >= r.builtAt - window && (f.k[0] !== last.k[0] || f.k[1] !== last.k[1])) continue;
      days.set(r.key, f);
      held.add(r);
      covered.set(r.day, (covered.get(r.day) ?? 0) + 1);
    }
    sources.cached = days.size;
    // Which rows hold, named by what the database proved: the fingerprint of the range's rows
    // (each row version's figures never change) less the rows left out, in a fixed order.
    cachedKey = `${fingerprint}|${rows
      .filter((r) => !held.has(r))
      .map((r) => r.key)
      .join(",")}`;
  }

  // Every other (venue, day) of the range, live: the days any venue still needs, for all venues
  // (a superset; what comes back fresh replaces nothing cached that still holds).
  const open = new Set(openDays);
  const needed = rangeDays.filter((day) => !open.has(day) && (covered.get(day) ?? 0) < locationIds.length);
  const [openFigures, neededFigures] = await Promise.all([
    openLive,
    needed.length ? liveDayFigures(db, locationIds, needed, now) : new Map<DayKey, DayFigures>(),
  ]);
  const live = new Map([...openFigures, ...neededFigures]);
  needed.push(...openDays);
  const toWrite: { locationId: string; day: string; figures: DayFigures }[] = [];
  for (const day of needed) {
    for (const locationId of locationIds) {
      const key = dayKey(locationId, day);
      if (days.has(key)) continue;
      const figures = live.get(key) ?? emptyDay();
      days.set(key, figures);
      liveKeys.add(key);
      sources.live += 1;
      if (useCache && closed(locationId, day)) toWrite.push({ locationId, day, figures });
    }
  }
  if (toWrite.length) sources.written = await writeRows(db, toWrite, zoneOf, now);
  return { days, sources, live: liveKeys, cachedKey };
}

/**
 * Parsed figures, by row version (venue, day, builtAt, version, zone): a row once written is
 * never changed in place (a rewrite has a new builtAt), so each process parses a row once and
 * every read still checks, in the database, which rows hold. Kept per client: two databases
 * (a test's, or a copy's source and target) can hold rows with the same key and build time.
 * A row read again with the same fingerprint (rowsFor) carries its figures itself.
 */
const parsedByDb = new WeakMap<Db, Map<string, { version: string; figures: DayFigures }>>();
const PARSED_MAX = 50_000;

/** Sets each row's figures: from the row itself, this process's parsed rows, or the database. */
async function cachedFigures(db: Db, rows: CachedRow[]): Promise<void> {
  let parsed = parsedByDb.get(db);
  if (!parsed) parsedByDb.set(db, (parsed = new Map()));
  const versionOf = (r: { builtAt: number; version: number; timeZone: string }) => `${r.builtAt} ${r.version} ${r.timeZone}`;
  const missing: CachedRow[] = [];
  for (const r of rows) {
    if (r.figures) continue;
    const memo = parsed.get(r.key);
    if (memo && memo.version === versionOf(r)) r.figures = memo.figures;
    else missing.push(r);
  }
  if (missing.length === 0) return;
  if (parsed.size + missing.length > PARSED_MAX) parsed.clear();
  for (let i = 0; i < missing.length; i += 500) {
    const batch = missing.slice(i, i + 500);
    const found = await db.$queryRaw<
      { locationId: string; day: string; timeZone: string; version: number | bigint; builtAt: Date | string; figures: string }[]
    >(
      Prisma.sql`SELECT d."locationId" AS "locationId", d."day" AS day, d."timeZone" AS "timeZone", d."version" AS version,
        d."builtAt" AS "builtAt", d."figures" AS figures
      FROM "InsightDay" d WHERE ${Prisma.join(
        batch.map((r) => Prisma.sql`(d."locationId" = ${r.locationId} AND d."day" = ${r.day})`),
        " OR ",
      )}`,
    );
    const wanted = new Map(batch.map((r) => [r.key, r]));
    for (const f of found) {
      const key = dayKey(f.locationId, f.day);
      const version = versionOf({ ...f, version: Number(f.version), builtAt: instant(f.builtAt) });
      const row = wanted.get(key);
      // Rewritten since the check (another instance): leave the day to the live path.
      if (!row || versionOf(row) !== version) continue;
      const figures = JSON.parse(f.figures) as DayFigures;
      parsed.set(key, { version, figures });
      row.figures = figures;
    }
  }
}

/** Per client and scope (venues, from, to): the oldest build time of the rows the last read used. */
const oldestByDb = new WeakMap<Db, Map<string, number>>();
const OLDEST_MAX = 1_000;
function oldestSeen(db: Db): Map<string, number> {
  let seen = oldestByDb.get(db);
  if (!seen) oldestByDb.set(db, (seen = new Map()));
  return seen;
}
function rememberOldest(db: Db, scopeKey: string, oldest: number): void {
  const seen = oldestSeen(db);
  if (seen.size >= OLDEST_MAX && !seen.has(scopeKey)) seen.clear();
  seen.set(scopeKey, oldest);
}

/** 21–34 days, by the day's own date, so rows built together expire over two weeks. */
function expiryDays(day: string): number {
  const n = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
  return EXPIRY_DAYS + (((n % EXPIRY_STAGGER_DAYS) + EXPIRY_STAGGER_DAYS) % EXPIRY_STAGGER_DAYS);
}

type CachedRow = {
  locationId: string;
  day: string;
  key: DayKey;
  timeZone: string;
  version: number;
  builtAt: number;
  /** When the row expires (expiryDays after it was built). */
  expiresAt: number;
  /** Its figures, once read (the row is this version of the day: they never change). */
  figures?: DayFigures;
};

/**
 * The range's rows of this version built in each venue's present zone (the rest read as missing),
 * as SQL: the condition, each row's key as text (venue, day, build time), and a fingerprint of
 * them all, in one order (PostgreSQL hashes it; SQLite returns the text, in process anyway).
 */
function rowsSql(db: Db, venues: Venue[], from: string, to: string) {
  const inZone = Prisma.join(
    venues.map((v) => Prisma.sql`(d."locationId" = ${v.id} AND d."timeZone" = ${v.timeZone})`),
    " OR ",
  );
  const where = Prisma.sql`d."day" >= ${from} AND d."day" <= ${to} AND d."version" = ${INSIGHT_DAY_VERSION} AND (${inZone})`;
  // PostgreSQL's build times as ISO text: the adapter's conversion of a timestamp to a Date costs
  // more than the query for a year of rows (about 14 of 21 ms for 2,190 rows here). Prisma keeps
  // them in UTC; SQLite's stored text is returned as it is.
  const postgres = dialectOf(db).engine === "postgresql";
  const builtAt = postgres ? Prisma.sql`to_char(d."builtAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : Prisma.sql`d."builtAt"`;
  // PostgreSQL: the rows' count and the sum of a 64-bit hash of each key (a set's hash: ~5 ms for
  // a year's rows, where an ordered md5 of them all took ~25 ms, mostly sorting and formatting).
  const fingerprint = postgres
    ? Prisma.sql`COUNT(*)::text || ' ' || COALESCE(SUM(hashtextextended(d."locationId" || ' ' || d."day" || ' ' || d."builtAt"::text, 0)), 0)::text`
    : Prisma.sql`COALESCE(group_concat(d."locationId" || ' ' || d."day" || ' ' || d."builtAt", ',' ORDER BY d."locationId", d."day"), '')`;
  return { where, builtAt, fingerprint };
}

/**
 * Per client and scope (venues and their zones, from, to): the rows' keys this process last read
 * and the fingerprint they were read with. Every read asks the database for the fingerprint of
 * the rows now (one row back); the keys are used only when it is the same, else read again with
 * their fingerprint in the same statement (so the two always belong together).
 */
const rowsByDb = new WeakMap<Db, Map<string, { fingerprint: string; rows: CachedRow[] }>>();
const ROWS_MAX = 200;

async function rowsFor(db: Db, venues: Venue[], from: string, to: string): Promise<{ rows: CachedRow[]; fingerprint: string }> {
  const { where, builtAt, fingerprint } = rowsSql(db, venues, from, to);
  let seen = rowsByDb.get(db);
  if (!seen) rowsByDb.set(db, (seen = new Map()));
  const scopeKey = `${venues.map((v) => `${v.id}=${v.timeZone}`).join(",")} ${from} ${to}`;
  const known = seen.get(scopeKey);
  if (known) {
    const [now] = await db.$queryRaw<{ fp: string }[]>(Prisma.sql`SELECT ${fingerprint} AS fp FROM "InsightDay" d WHERE ${where}`);
    if (now?.fp === known.fingerprint) return known;
  }
  const found = await db.$queryRaw<{ locationId: string; day: string; builtAt: Date | string; fp: string }[]>(
    Prisma.sql`SELECT d."locationId" AS "locationId", d."day" AS day, ${builtAt} AS "builtAt",
      (SELECT ${fingerprint} FROM "InsightDay" d WHERE ${where}) AS fp
    FROM "InsightDay" d WHERE ${where} ORDER BY d."locationId", d."day"`,
  );
  const zoneOf = new Map(venues.map((v) => [v.id, v.timeZone]));
  const rows = found.map((r): CachedRow => {
    const builtAt = instant(r.builtAt);
    return {
      locationId: r.locationId,
      day: r.day,
      key: dayKey(r.locationId, r.day),
      timeZone: zoneOf.get(r.locationId) ?? "",
      version: INSIGHT_DAY_VERSION,
      builtAt,
      expiresAt: builtAt + expiryDays(r.day) * DAY_MS,
    };
  });
  // No rows: the fingerprint of none (as the statement above gives it).
  const read = { fingerprint: found[0]?.fp ?? "", rows };
  if (seen.size >= ROWS_MAX && !seen.has(scopeKey)) seen.clear();
  seen.set(scopeKey, read);
  return read;
}

/**
 * For the days of the range with a case that has an event at or after `since` (found through
 * Case_lastEventAt_idx, so it costs the cases touched lately, not the range): per (venue, day)
 * of those days, the latest event time of its cases and, in the same statement, its cases and
 * the sum of their event counts (a row's check, as dayCounts). A pair none of whose cases was
 * touched since has `last` before `since`, and so holds as it is.
 */
async function touchedSince(
  db: Db,
  locationIds: string[],
  from: string,
  to: string,
  since: Date,
): Promise<Map<DayKey, { last: number; k: [number, number] }>> {
  const { indexedBy, engine } = dialectOf(db);
  const inVenues = Prisma.join(locationIds);
  const touchedDays = Prisma.sql`SELECT DISTINCT t."openedLocalDay" FROM "Case" t ${indexedBy("Case_lastEventAt_idx")}
    WHERE t."lastEventAt" >= ${since} AND t."locationId" IN (${inVenues}) AND t."isPractice" = FALSE
      AND t."openedLocalDay" >= ${from} AND t."openedLocalDay" <= ${to}`;
  // PostgreSQL guesses hundreds of days from IN (SELECT …) and reads every case; as an array (an
  // init plan) it seeks each day in the index, as SQLite does with IN.
  const onTouchedDays = engine === "postgresql" ? Prisma.sql`= ANY(ARRAY(${touchedDays}))` : Prisma.sql`IN (${touchedDays})`;
  const rows = await db.$queryRaw<{ locationId: string; day: string; last: Date | string; n: unknown; events: unknown }[]>(Prisma.sql`
    SELECT c."locationId" AS "locationId", c."openedLocalDay" AS day, MAX(c."lastEventAt") AS last,
      COUNT(*) AS n, SUM(c."eventCount") AS events
    FROM "Case" c ${indexedBy("Case_insights_day_idx")}
    WHERE c."openedLocalDay" ${onTouchedDays}
      AND c."locationId" IN (${inVenues}) AND c."isPractice" = FALSE
    GROUP BY c."openedLocalDay", c."locationId"`);
  return new Map(rows.map((r) => [dayKey(r.locationId, r.day), { last: instant(r.last), k: [num(r.n), num(r.events)] }]));
}

const instant = (value: Date | string | number | bigint): number =>
  value instanceof Date ? value.getTime() : new Date(typeof value === "bigint" ? Number(value) : value).getTime();
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** Upserts the rows, a few hundred per statement; returns how many were written (0 if the write failed). */
async function writeRows(
  db: Db,
  rows: { locationId: string; day: string; figures: DayFigures }[],
  zoneOf: Map<string, string>,
  builtAt: Date,
): Promise<number> {
  try {
    for (let i = 0; i < rows.length; i += 400) {
      const values = rows
        .slice(i, i + 400)
        .map(
          (r) =>
            Prisma.sql`(${r.locationId}, ${r.day}, ${zoneOf.get(r.locationId) ?? ""}, ${INSIGHT_DAY_VERSION}, ${builtAt}, ${JSON.stringify(r.figures)})`,
        );
      // Through the process's write queue, one batch at a time, so appends interleave (decision 3).
      await serialiseWrite(() =>
        db.$executeRaw(Prisma.sql`
        INSERT INTO "InsightDay" ("locationId", "day", "timeZone", "version", "builtAt", "figures") VALUES ${Prisma.join(values)}
        ON CONFLICT ("locationId", "day") DO UPDATE SET "timeZone" = excluded."timeZone", "version" = excluded."version",
          "builtAt" = excluded."builtAt", "figures" = excluded."figures"`),
      );
    }
    return rows.length;
  } catch {
    // A cache: the figures are already computed; the next read computes these days again.
    return 0;
  }
}

/**
 * Every DayFigures of the venues on the given days, straight from the projection (the columns
 * and copies of decisions 7, 17 and 25). Days and venues without cases have no entry.
 */
export async function liveDayFigures(
  db: Db,
  locationIds: string[],
  days: string[],
  now: Date,
  options: { counts?: boolean } = {},
): Promise<Map<DayKey, DayFigures>> {
  const out = new Map<DayKey, DayFigures>();
  if (locationIds.length === 0 || days.length === 0) return out;
  const figuresOf = (locationId: string, day: string) => {
    const key = dayKey(locationId, day);
    let f = out.get(key);
    if (!f) out.set(key, (f = emptyDay()));
    return f;
  };
  const { indexedBy } = dialectOf(db);
  const inVenues = Prisma.join(locationIds);
  const onDays = dayCondition(days);
  const caseScope = Prisma.sql`c."openedLocalDay" ${onDays} AND c."locationId" IN (${inVenues}) AND c."isPractice" = FALSE`;
  const tagScope = Prisma.sql`r."locationId" IN (${inVenues}) AND r."isPractice" = FALSE
    AND r."tagId" IN (SELECT "id" FROM "RootCauseTag") AND r."openedLocalDay" ${onDays}`;
  const lateBy = new Date(now.getTime() - CLOCK_MARGIN_MS);
  // First, so that an append between this and the figures makes the row fail its check later.
  // Not needed for days no row will be written for (counts: false, the days not over anywhere).
  const counts = options.counts === false ? new Map<DayKey, [number, number]>() : await dayCounts(db, locationIds, days);
  for (const [key, k] of counts) {
    const [locationId, day] = key.split(" ");
    figuresOf(locationId, day).k = k;
  }
  const [categories, tags, durations, actions, tellings] = await Promise.all([
    db.$queryRaw<
      {
        locationId: string;
        day: string;
        category: string | null;
        n: unknown;
        aft: unknown;
        aac: unknown;
        na: unknown;
        remedy: unknown;
        compensated: unknown;
        apologised: unknown;
        resolved: unknown;
      }[]
    >(Prisma.sql`
      SELECT c."locationId" AS "locationId", c."openedLocalDay" AS day, c."category" AS category, COUNT(*) AS n,
        SUM(CASE WHEN c."readbackOutcome" = 'accepted_first_time' THEN 1 ELSE 0 END) AS aft,
        SUM(CASE WHEN c."readbackOutcome" = 'accepted_after_changes' THEN 1 ELSE 0 END) AS aac,
        SUM(CASE WHEN c."readbackOutcome" = 'not_accepted' THEN 1 ELSE 0 END) AS na,
        SUM(c."remedyCents") AS remedy, COUNT(c."remedyCents") AS compensated,
        COUNT(c."firstApologyMs") AS apologised, COUNT(c."resolutionMs") AS resolved
      FROM "Case" c ${indexedBy("Case_insights_day_idx")}
      WHERE ${caseScope}
      GROUP BY c."openedLocalDay", c."locationId", c."category"`),
    db.$queryRaw<
      { locationId: string; tagId: string; day: string; n: unknown; firstAt: Date | string; lastAt: Date | string }[]
    >(Prisma.sql`
      SELECT r."locationId" AS "locationId", r."tagId" AS "tagId", r."openedLocalDay" AS day, COUNT(*) AS n,
        MIN(r."openedAt") AS "firstAt", MAX(r."openedAt") AS "lastAt"
      FROM "CaseRootCause" r ${indexedBy("CaseRootCause_insights_idx")}
      WHERE ${tagScope}
      GROUP BY r."locationId", r."tagId", r."openedLocalDay"`),
    db.$queryRaw<{ locationId: string; day: string; fa: unknown; rs: unknown }[]>(Prisma.sql`
      SELECT c."locationId" AS "locationId", c."openedLocalDay" AS day, c."firstApologyMs" AS fa, c."resolutionMs" AS rs
      FROM "Case" c ${indexedBy("Case_insights_day_idx")}
      WHERE ${caseScope} AND (c."firstApologyMs" IS NOT NULL OR c."resolutionMs" IS NOT NULL)`),
    // Every action of the days' cases in one pass, counted per day: those done late, those open
    // and already late (due before the read, less the clocks' margin: late at every later read
    // that may use the row, since a row is used only while the clock is past builtAt − that margin),
    // and one row per later due time of the open ones.
    db.$queryRaw<
      { locationId: string; day: string; due: Date | string | null; lateDone: unknown; openLate: unknown; n: unknown }[]
    >(Prisma.sql`
      SELECT c."locationId" AS "locationId", c."openedLocalDay" AS day,
        CASE WHEN a."status" = 'open' AND a."dueAt" >= ${lateBy} THEN a."dueAt" END AS due,
        SUM(CASE WHEN a."status" = 'done' AND a."completedAt" IS NOT NULL AND a."completedAt" > a."dueAt" THEN 1 ELSE 0 END) AS "lateDone",
        SUM(CASE WHEN a."status" = 'open' AND a."dueAt" < ${lateBy} THEN 1 ELSE 0 END) AS "openLate", COUNT(*) AS n
      FROM "Case" c ${indexedBy("Case_insights_day_id_idx")}
      CROSS JOIN "AgreedAction" a ${indexedBy("AgreedAction_caseId_late_idx")}
      WHERE a."caseId" = c."id" AND ${caseScope}
      GROUP BY c."openedLocalDay", c."locationId", due`),
    db.$queryRaw<{ locationId: string; day: string; caseId: string; payload: string }[]>(Prisma.sql`
      SELECT c."locationId" AS "locationId", c."openedLocalDay" AS day, e."caseId" AS "caseId", e."payload" AS payload
      FROM "CaseEvent" e ${indexedBy("CaseEvent_type_at_idx")} JOIN "Case" c ON c."id" = e."caseId"
      WHERE e."type" = 'promise_update_told' AND ${caseScope}`),
  ]);
  for (const r of categories) {
    figuresOf(r.locationId, r.day).c.push([
      r.category,
      num(r.n),
      num(r.aft),
      num(r.aac),
      num(r.na),
      num(r.remedy),
      num(r.compensated),
      num(r.apologised),
      num(r.resolved),
    ]);
  }
  const longDays: { locationId: string; tagId: string; day: string; row: TagDay }[] = [];
  for (const r of tags) {
    const row: TagDay = [r.tagId, num(r.n), instant(r.firstAt), instant(r.lastAt), []];
    figuresOf(r.locationId, r.day).t.push(row);
    if (row[3] - row[2] > DAY_MS) longDays.push({ locationId: r.locationId, tagId: r.tagId, day: r.day, row });
  }
  if (longDays.length) await addLongGaps(db, longDays);
  for (const r of durations) {
    const f = figuresOf(r.locationId, r.day);
    if (r.fa !== null && r.fa !== undefined) f.fa.push(Number(r.fa));
    if (r.rs !== null && r.rs !== undefined) f.rs.push(Number(r.rs));
  }
  // In a fixed order (the figures do not depend on it; a row compares equal to the day read again,
  // whatever order PostgreSQL's grouping returned the tags and categories in).
  const byKey = (a: string | null, b: string | null) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);
  for (const f of out.values()) {
    f.fa.sort((a, b) => a - b);
    f.rs.sort((a, b) => a - b);
    f.c.sort((a, b) => byKey(a[0], b[0]));
    f.t.sort((a, b) => byKey(a[0], b[0]));
  }
  for (const r of actions) {
    const f = figuresOf(r.locationId, r.day);
    f.lateDone += num(r.lateDone);
    f.openLate += num(r.openLate);
    if (r.due !== null) for (let i = num(r.n); i > 0; i--) f.openDue.push(instant(r.due));
  }
  for (const f of out.values()) f.openDue.sort((a, b) => a - b);
  if (tellings.length) {
    // Only the actions named by a telling on a case of the same venue day count (as in
    // preventionFigures: each told action once).
    const toldKeys = new Map<string, { locationId: string; day: string }>();
    for (const t of tellings) toldKeys.set(`${t.caseId} ${actionIdOf(t.payload)}`, { locationId: t.locationId, day: t.day });
    const ids = [...new Set(tellings.map((t) => actionIdOf(t.payload)).filter((id) => id !== ""))];
    const actions = ids.length
      ? await db.agreedAction.findMany({
          where: { id: { in: ids } },
          select: { id: true, caseId: true, status: true, dueAt: true, completedAt: true },
        })
      : [];
    for (const a of actions) {
      const at = toldKeys.get(`${a.caseId} ${a.id}`);
      if (!at) continue;
      figuresOf(at.locationId, at.day).told.push([a.status === "open" ? 0 : 1, a.dueAt.getTime(), a.completedAt?.getTime() ?? null]);
    }
  }
  return out;
}

/** Per (venue, day): the complaint cases opened and the sum of their event counts. */
async function dayCounts(db: Db, locationIds: string[], days: string[]): Promise<Map<DayKey, [number, number]>> {
  const { indexedBy } = dialectOf(db);
  const rows = await db.$queryRaw<{ locationId: string; day: string; n: unknown; events: unknown }[]>(Prisma.sql`
    SELECT c."locationId" AS "locationId", c."openedLocalDay" AS day, COUNT(*) AS n, SUM(c."eventCount") AS events
    FROM "Case" c ${indexedBy("Case_insights_day_idx")}
    WHERE c."openedLocalDay" ${dayCondition(days)} AND c."locationId" IN (${Prisma.join(locationIds)}) AND c."isPractice" = FALSE
    GROUP BY c."openedLocalDay", c."locationId"`);
  return new Map(rows.map((r) => [dayKey(r.locationId, r.day), [num(r.n), num(r.events)]]));
}

/** Every day from `from` to `to`, in order. */
function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  const last = Date.parse(`${to}T00:00:00Z`);
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= last; at += DAY_MS) out.push(new Date(at).toISOString().slice(0, 10));
  return out;
}

/** A day list as SQL: a range when the days are consecutive (the common case), else a list. */
function dayCondition(days: string[]): Prisma.Sql {
  const first = days[0];
  const last = days[days.length - 1];
  if (daysBetween(first, last) === days.length - 1) return Prisma.sql`BETWEEN ${first} AND ${last}`;
  return Prisma.sql`IN (${Prisma.join(days)})`;
}

/** For the rare tag days spanning over 24 hours (a 25-hour day), every gap over 24 hours. */
async function addLongGaps(db: Db, longDays: { locationId: string; tagId: string; day: string; row: TagDay }[]): Promise<void> {
  const { indexedBy } = dialectOf(db);
  const which = Prisma.join(
    longDays.map((d) => Prisma.sql`(r."locationId" = ${d.locationId} AND r."tagId" = ${d.tagId} AND r."openedLocalDay" = ${d.day})`),
    " OR ",
  );
  const rows = await db.$queryRaw<{ locationId: string; tagId: string; day: string; at: Date | string }[]>(Prisma.sql`
    SELECT r."locationId" AS "locationId", r."tagId" AS "tagId", r."openedLocalDay" AS day, r."openedAt" AS at
    FROM "CaseRootCause" r ${indexedBy("CaseRootCause_insights_idx")}
    WHERE r."isPractice" = FALSE AND (${which})`);
  const times = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.locationId} ${r.tagId} ${r.day}`;
    const list = times.get(key) ?? [];
    list.push(instant(r.at));
    times.set(key, list);
  }
  for (const d of longDays) {
    const list = (times.get(`${d.locationId} ${d.tagId} ${d.day}`) ?? []).sort((a, b) => a - b);
    for (let i = 1; i < list.length; i++) if (list[i] - list[i - 1] > DAY_MS) d.row[4].push(list[i] - list[i - 1]);
  }
}

function actionIdOf(payload: string): string {
  const actionId = (JSON.parse(payload) as { actionId?: unknown }).actionId;
  return typeof actionId === "string" ? actionId : "";
}
