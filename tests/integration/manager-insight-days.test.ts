// Decision 31: the insights read each closed venue day from a cache (InsightDay) built at read
// time. These tests check that the cached path gives the same figures as the straightforward
// ones (the oracle over the event log, and the scope-wide statements without the cache), on the
// awkward set's venues on four clocks, and that a case changed after its day was cached (a
// reopen with a late read-back and a remedy, a retag) is read again, not taken from the cache.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent } from "@/lib/cases/append-event";
import type { Db } from "@/lib/db/client";
import { insightDays, liveDayFigures, dayKey } from "@/lib/manager/insight-days";
import { getInsights, insightQueries, type Insights } from "@/lib/manager/insights";
import { preventionFigures } from "@/lib/manager/prevention-insights";
import { venuesOf } from "@/lib/manager/scope";
import type { PlaybookEvent } from "@/lib/playbook";
import { AWKWARD_NOW, AWKWARD_PEOPLE, play, steps, writeAwkwardCases } from "../oracle/awkward-cases";
import { oracleInsights, prepareOracle } from "../oracle/insights-oracle";
import { openOracleDb } from "../oracle/postgres-only";
import type { OracleDb } from "../oracle/sqlite-only";
import { createTestDb } from "../setup/test-db";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const { area, amira, maria, chloe, james } = AWKWARD_PEOPLE;
const YEAR = { from: "2025-11-21", to: "2026-11-20", within: "7", repeats: "all" };

const t = await createTestDb();
const db: Db = t.db;
let oracle: OracleDb;
/** A case abandoned on 2026-09-02 at the harbour: picked up again after its day was cached. */
let abandonedId = "";
/** A closed case at the grand on 2026-09-16: re-tagged after its day was cached. */
let closedId = "";

beforeAll(async () => {
  await writeAwkwardCases(db);
  abandonedId = await play(db, amira, new Date("2026-09-02T10:00:00.000Z"), [steps.heard("food_quality"), steps.abandoned]);
  closedId = await play(db, chloe, new Date("2026-09-16T23:30:00.000Z"), [
    steps.heard(),
    steps.validated,
    steps.apology,
    steps.options,
    steps.agreed(),
    steps.skip,
    steps.actions(`act-${randomUUID()}`, new Date("2026-09-18T12:00:00Z")),
    steps.accept,
    steps.tag("supplier"),
    steps.closed,
  ]);
  oracle = await openOracleDb(t);
  await prepareOracle(oracle);
}, 300_000);

afterAll(async () => {
  await oracle?.close();
});

/** Every figure the page shows, against the oracle's SQL over the event log and the scope-wide statements. */
async function expectStraightforward(app: Insights, now: Date, label: string) {
  const locationIds = app.venues.map((v) => v.id);
  const expected = await oracleInsights(oracle, { locationIds, from: app.range.from, to: app.range.to, within: app.within });
  const byKey = (w: Insights["weeklyByCategory"]) => Object.fromEntries(w.series.map((s) => [s.key, s.values]));
  expect(app.cases, `${label}: cases`).toBe(expected.cases);
  expect(byKey(app.weeklyByCategory), `${label}: weekly by category`).toEqual(expected.weeklyByCategory);
  expect(byKey(app.weeklyByLocation), `${label}: weekly by location`).toEqual(expected.weeklyByLocation);
  expect(app.pareto, `${label}: Pareto`).toEqual(expected.pareto);
  expect(app.firstApology, `${label}: first apology`).toEqual(expected.firstApology);
  expect(app.resolution, `${label}: resolution`).toEqual(expected.resolution);
  expect(app.readback.acceptedFirstTime, `${label}: first time`).toBe(expected.readback.acceptedFirstTime);
  expect(app.readback.acceptedAfterChanges, `${label}: after changes`).toBe(expected.readback.acceptedAfterChanges);
  expect(app.readback.notAccepted, `${label}: not accepted`).toBe(expected.readback.notAccepted);
  expect(app.remedy, `${label}: remedy`).toEqual(expected.remedy);
  expect(app.prevention.brokenPromises.told, `${label}: promises told`).toBe(expected.prevention.promisesTold);
  expect(
    app.repeats.rows.map(({ timeZone: _zone, ...row }) => row),
    `${label}: repeats`,
  ).toEqual(expected.repeats);
  // The scope-wide statements the day figures replaced (what the insights ran before decision 31).
  const scope = { locationIds, from: app.range.from, to: app.range.to };
  const [firstApology, resolution, prevention] = await Promise.all([
    insightQueries["median to first apology (index walk)"](db, scope),
    insightQueries["median to resolution (index walk)"](db, scope),
    preventionFigures(db, scope, now),
  ]);
  expect(app.firstApology, `${label}: first apology, scope-wide`).toEqual(firstApology);
  expect(app.resolution, `${label}: resolution, scope-wide`).toEqual(resolution);
  expect(app.prevention, `${label}: prevention, scope-wide`).toEqual(prevention);
}

/** The cached days equal the same days computed live, one by one. */
async function expectCacheEqualsLive(now: Date, from: string, to: string) {
  const venues = await venuesOf(db, area.locationIds);
  const cached = await insightDays(db, { venues, from, to }, now);
  const days: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += DAY)
    days.push(new Date(d).toISOString().slice(0, 10));
  const live = await liveDayFigures(
    db,
    venues.map((v) => v.id),
    days,
    now,
  );
  let compared = 0;
  for (const day of days) {
    for (const v of venues) {
      const key = dayKey(v.id, day);
      const a = cached.days.get(key);
      const b = live.get(key);
      const empty = (f: typeof a) => !f || (f.c.length === 0 && f.t.length === 0 && f.openDue.length === 0 && f.openLate === 0);
      if (empty(a) && empty(b)) continue;
      // Open actions may sit in openLate or openDue depending on when the row was read.
      expect({ ...a, openLate: 0, openDue: [] }, key).toEqual({ ...b, openLate: 0, openDue: [] });
      expect((a?.openLate ?? 0) + (a?.openDue.length ?? 0), `${key}: open actions`).toBe((b?.openLate ?? 0) + (b?.openDue.length ?? 0));
      compared += 1;
    }
  }
  return { sources: cached.sources, compared };
}

async function append(caseId: string, by: Actor, event: PlaybookEvent, at: Date) {
  await appendEvent(db, by, caseId, { clientEventId: randomUUID(), event }, () => at);
}

describe("the insights' day cache (decision 31)", () => {
  it("gives the oracle's figures from cached days, on venues on four clocks, and caches only closed days", async () => {
    const first = await getInsights(db, area, YEAR, AWKWARD_NOW);
    await expectStraightforward(first, AWKWARD_NOW, "cold");
    const rows = await db.insightDay.findMany({ select: { day: true, locationId: true } });
    expect(rows.length, "closed days were cached").toBeGreaterThan(300);
    // No venue's today (nor later) is cached: at 21:30 UTC it is already the 21st in Auckland.
    expect(rows.filter((r) => r.day >= "2026-11-21")).toEqual([]);
    expect(
      rows.some((r) => r.locationId === "loc-kiwi" && r.day === "2026-11-20"),
      "Auckland's 20th is over",
    ).toBe(true);
    expect(
      rows.some((r) => r.locationId === "loc-hudson" && r.day === "2026-11-20"),
      "New York's 20th is not",
    ).toBe(false);

    const again = await getInsights(db, area, YEAR, AWKWARD_NOW);
    expect(again).toEqual(first);
    await expectStraightforward(again, AWKWARD_NOW, "warm");
    const { sources, compared } = await expectCacheEqualsLive(AWKWARD_NOW, YEAR.from, YEAR.to);
    expect(sources.cached, "the days came from the cache").toBeGreaterThan(1000);
    expect(compared).toBeGreaterThan(30);
    for (const query of [
      { from: "2026-10-19", to: "2026-11-01", within: "1" },
      { from: "2026-03-23", to: "2026-04-05", within: "1" },
      { from: "2026-06-30", to: "2026-07-01", within: "1" },
    ]) {
      await expectStraightforward(await getInsights(db, area, query, AWKWARD_NOW), AWKWARD_NOW, JSON.stringify(query));
      for (const location of area.locationIds) {
        const app = await getInsights(db, area, { ...query, location }, AWKWARD_NOW);
        await expectStraightforward(app, AWKWARD_NOW, `${location} ${JSON.stringify(query)}`);
      }
    }
  }, 300_000);

  it("reads again a day whose case was reopened, read back late, given a remedy or re-tagged after it was cached", async () => {
    const built = await getInsights(db, area, YEAR, AWKWARD_NOW);
    const cachedDays = await db.insightDay.count({ where: { day: { in: ["2026-09-02", "2026-09-16", "2026-09-17"] } } });
    expect(cachedDays, "both days are cached before the changes").toBeGreaterThanOrEqual(2);

    // An hour later: the abandoned case is picked up again, apologised for, given a remedy,
    // read back (accepted after a "not quite"), tagged and closed; the closed one is re-tagged.
    let at = AWKWARD_NOW.getTime() + HOUR;
    const next = () => new Date((at += 2 * 60_000));
    await append(abandonedId, maria, steps.reopened, next());
    for (const event of [
      steps.validated,
      steps.apology,
      steps.options,
      steps.agreed(),
      steps.skip,
      steps.actions(`late-a1-${randomUUID()}`, new Date(AWKWARD_NOW.getTime() + DAY)),
      steps.refuse,
      steps.agreed("Take the dish off the bill"),
      steps.offer(`late-${randomUUID()}`, 1234),
      steps.actions(`late-a2-${randomUUID()}`, new Date(AWKWARD_NOW.getTime() - DAY)),
      steps.accept,
      steps.tag("supplier", "staff_manner"),
      steps.closed,
    ]) {
      await append(abandonedId, amira, event, next());
    }
    await append(closedId, james, steps.reopened, next());
    await append(closedId, james, steps.tag("communication"), next());
    await append(closedId, james, steps.closed, next());
    await prepareOracle(oracle);

    const later = new Date(AWKWARD_NOW.getTime() + 2 * HOUR);
    const after = await getInsights(db, area, YEAR, later);
    // The changes moved the figures (so a stale cache could not pass the comparison below).
    expect(after.remedy.totalCents).toBe(built.remedy.totalCents + 1234);
    expect(after.readback.acceptedAfterChanges).toBe(built.readback.acceptedAfterChanges + 1);
    expect(after.firstApology.cases).toBe(built.firstApology.cases + 1);
    expect(after.pareto).not.toEqual(built.pareto);
    await expectStraightforward(after, later, "after the changes");
    const { sources } = await expectCacheEqualsLive(later, YEAR.from, YEAR.to);
    expect(sources.cached).toBeGreaterThan(1000);
    // Without the cache at all, the same.
    expect(await getInsights(db, area, YEAR, later, { dayCache: false })).toEqual(after);
  }, 300_000);

  it("reads live a row built in another time zone, of another version, or expired", async () => {
    const venues = await venuesOf(db, area.locationIds);
    const range = { venues, from: "2026-06-01", to: "2026-06-30" };
    const now = new Date(AWKWARD_NOW.getTime() + 3 * HOUR);
    await insightDays(db, range, now);
    const warm = await insightDays(db, range, now);
    expect(warm.sources.live).toBe(0);
    await db.insightDay.updateMany({ where: { locationId: "loc-kiwi" }, data: { timeZone: "Europe/London" } });
    await db.insightDay.updateMany({ where: { locationId: "loc-hudson" }, data: { version: 0 } });
    const changed = await insightDays(db, range, now);
    expect(changed.sources.live).toBe(60);
    const expired = await insightDays(db, range, new Date(now.getTime() + 40 * DAY));
    expect(expired.sources.cached).toBe(0);
  }, 120_000);
});
