// Issue 17: every figure of the manager's insights, checked against a second implementation
// written as plain SQL over the event log (tests/oracle/insights-oracle.ts: no code shared with
// lib/manager, no projection read). Run on the demo seed and on a set of awkward cases (venues on
// four clocks, DST changes, reopened cases, refused read-backs, withdrawn remedies, practice).
// The oracle's SQLite-only functions are in tests/oracle/sqlite-only.ts, so it can run on
// PostgreSQL too once that engine lands.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getInsights, REPEATS_SHOWN, type Insights, type WeeklySeries } from "@/lib/manager/insights";
import { DEFAULT_DEMO_NOW, seedDemoCases } from "@/prisma/seed/demo-cases";
import { seedTrainingLibrary } from "@/prisma/seed/training";
import { actorFor } from "@/tests/support/actors";
import { seedHeadsUps } from "@/prisma/seed/heads-ups";
import { AWKWARD_NOW, AWKWARD_PEOPLE, writeAwkwardCases } from "../oracle/awkward-cases";
import { oracleInsights, prepareOracle, type OracleInsights } from "../oracle/insights-oracle";
import { openOracleDb } from "../oracle/postgres-only";
import type { OracleDb } from "../oracle/sqlite-only";
import { createTestDb } from "../setup/test-db";

const seeded = await createTestDb();
const awkward = await createTestDb();
let seededOracle: OracleDb;
let awkwardOracle: OracleDb;

beforeAll(async () => {
  // The demo seed as `npm run demo` writes it (its "now" fixed).
  await seedDemoCases(seeded.db, { now: DEFAULT_DEMO_NOW });
  await seedTrainingLibrary(seeded.db);
  await seedHeadsUps(seeded.db, { now: DEFAULT_DEMO_NOW });
  await writeAwkwardCases(awkward.db);
  // A tracked improvement, so the repeat rows' links are checked too.
  await awkward.db.improvement.create({
    data: {
      title: "Fix the supplier's deliveries",
      locationId: "loc-harbour",
      tagId: (await awkward.db.rootCauseTag.findUniqueOrThrow({ where: { slug: "supplier" } })).id,
      owner: "Maria",
      dueAt: new Date("2026-12-01T12:00:00Z"),
      status: "open",
      createdById: "usr-maria",
    },
  });
  seededOracle = await openOracleDb(seeded);
  awkwardOracle = await openOracleDb(awkward);
  await prepareOracle(seededOracle);
  await prepareOracle(awkwardOracle);
}, 300_000);

afterAll(async () => {
  await seededOracle?.close();
  await awkwardOracle?.close();
});

const byKey = (weekly: WeeklySeries) => Object.fromEntries(weekly.series.map((s) => [s.key, s.values]));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The app's figures against the oracle's, one by one, with the figure's name in each failure. */
function expectSameFigures(app: Insights, oracle: OracleInsights, label: string) {
  expect(app.cases, `${label}: cases`).toBe(oracle.cases);
  expect(app.weeklyByCategory.weeks, `${label}: weeks`).toEqual(oracle.weeks);
  expect(byKey(app.weeklyByCategory), `${label}: cases per week by category`).toEqual(oracle.weeklyByCategory);
  expect(byKey(app.weeklyByLocation), `${label}: cases per week by location`).toEqual(oracle.weeklyByLocation);
  // Nothing counted in the total is missing from a chart of the same range.
  expect(sum(app.weeklyByCategory.series.map((s) => s.total)), `${label}: category chart adds up to the total`).toBe(app.cases);
  expect(sum(app.weeklyByLocation.series.map((s) => s.total)), `${label}: location chart adds up to the total`).toBe(app.cases);
  for (const s of app.weeklyByCategory.series) expect(s.total, `${label}: ${s.key} total`).toBe(sum(s.values));
  expect(app.pareto, `${label}: root-cause Pareto`).toEqual(oracle.pareto);
  expect(app.tags, `${label}: root-cause tags`).toBe(oracle.tags);
  expect(app.firstApology, `${label}: median to first apology`).toEqual(oracle.firstApology);
  expect(app.resolution, `${label}: median to resolution`).toEqual(oracle.resolution);
  const r = oracle.readback;
  expect(app.readback, `${label}: read-back`).toEqual({
    asked: r.asked,
    acceptedFirstTime: r.acceptedFirstTime,
    acceptedAfterChanges: r.acceptedAfterChanges,
    notAccepted: r.notAccepted,
    withRefusal: r.acceptedAfterChanges + r.notAccepted,
    firstTimeShare: r.asked ? r.acceptedFirstTime / r.asked : null,
    acceptedShare: r.asked ? (r.acceptedFirstTime + r.acceptedAfterChanges) / r.asked : null,
  });
  expect(app.remedy, `${label}: remedies`).toEqual(oracle.remedy);
  const p = app.prevention;
  expect(
    { headsUpsRaised: p.headsUpsRaised, tablesTold: p.tablesTold, stillComplained: p.stillComplained, promisesTold: p.brokenPromises.told },
    `${label}: heads-ups, tables told, still complained, late promises told`,
  ).toEqual(oracle.prevention);
  const shown = app.repeats.rows.map(({ timeZone: _zone, ...row }) => row);
  expect(app.repeats.total, `${label}: repeat rows in all`).toBe(oracle.repeats.length);
  expect(shown, `${label}: repeat rows`).toEqual(app.repeats.showingAll ? oracle.repeats : oracle.repeats.slice(0, REPEATS_SHOWN));
}

type Check = { actor: Actor; query: Record<string, string>; locationIds: string[] };

async function check(db: typeof seeded.db, oracle: OracleDb, { actor, query, locationIds }: Check, now: Date) {
  const app = await getInsights(db, actor, query, now);
  const expected = await oracleInsights(oracle, { locationIds, from: app.range.from, to: app.range.to, within: app.within });
  expectSameFigures(app, expected, `${actor.id} ${JSON.stringify(query)}`);
  return app;
}

const ranges = (today: string): Record<string, string>[] => [
  {},
  { from: shift(today, -364), to: today },
  { from: shift(today, -29), to: today, within: "1" },
  { from: shift(today, -89), to: today, within: "30", repeats: "all" },
];
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("the insights equal the oracle's SQL over the event log", () => {
  it("on the demo seed: 90 days and 12 months, both venues and each, repeats within 1, 7 and 30 days", async () => {
    const alex = actorFor("usr-alex");
    const checks: Check[] = [];
    for (const query of ranges("2026-11-20")) {
      checks.push({ actor: alex, query, locationIds: ["loc-harbour", "loc-grand"] });
      checks.push({ actor: alex, query: { ...query, location: "loc-grand" }, locationIds: ["loc-grand"] });
      checks.push({ actor: actorFor("usr-maria"), query, locationIds: ["loc-harbour"] });
    }
    let cases = 0;
    let told = 0;
    for (const c of checks) {
      const app = await check(seeded.db, seededOracle, c, DEFAULT_DEMO_NOW);
      cases += app.cases;
      told += app.prevention.tablesTold;
    }
    expect(cases).toBeGreaterThan(1000);
    expect(told, "the seed's heads-ups are counted").toBeGreaterThan(0);
  }, 120_000);

  it("on the awkward set, for a manager over venues on four clocks and for each venue alone", async () => {
    const { area } = AWKWARD_PEOPLE;
    const queries: Record<string, string>[] = [
      ...ranges("2026-11-21"),
      { from: "2026-11-02", to: "2026-11-15", within: "1" },
      { from: "2026-11-09", to: "2026-11-15" },
      { from: "2026-09-07", to: "2026-09-13", within: "1" },
      { from: "2026-03-23", to: "2026-04-05", within: "1" },
      { from: "2026-10-19", to: "2026-11-01", within: "1" },
      { from: "2026-10-25", to: "2026-10-25", within: "1" },
      { from: "2026-05-01", to: "2026-05-31", within: "1" },
      { from: "2026-05-01", to: "2026-05-31", within: "7" },
      { from: "2026-07-01", to: "2026-07-31", repeats: "all" },
      { from: "2026-06-30", to: "2026-07-01", within: "1" },
      { from: "2026-10-01", to: "2026-10-31" },
      { from: "2025-01-01", to: "2025-01-07" },
    ];
    for (const query of queries) {
      await check(awkward.db, awkwardOracle, { actor: area, query, locationIds: area.locationIds }, AWKWARD_NOW);
      for (const location of area.locationIds) {
        await check(awkward.db, awkwardOracle, { actor: area, query: { ...query, location }, locationIds: [location] }, AWKWARD_NOW);
      }
    }
  }, 120_000);

  it("has data worth checking in the awkward set", async () => {
    const { area } = AWKWARD_PEOPLE;
    const year = await getInsights(awkward.db, area, { from: "2025-11-21", to: "2026-11-21", within: "7", repeats: "all" }, AWKWARD_NOW);
    expect(year.readback.acceptedAfterChanges).toBeGreaterThanOrEqual(2);
    expect(year.readback.notAccepted).toBeGreaterThanOrEqual(2);
    expect(year.repeats.total).toBeGreaterThan(REPEATS_SHOWN);
    expect(year.venues.map((v) => v.timeZone).sort()).toEqual(["America/New_York", "Europe/London", "Europe/London", "Pacific/Auckland"]);
    const page = await getInsights(awkward.db, area, { from: "2025-11-21", to: "2026-11-21", within: "7" }, AWKWARD_NOW);
    expect(page.repeats.rows).toHaveLength(REPEATS_SHOWN);
    expect(page.repeats.showingAll).toBe(false);
  });
});

describe("the oracle stands apart from the code it checks", () => {
  it("imports nothing from lib/ and reads no projection table or precomputed column", () => {
    const dir = path.resolve(__dirname, "..", "oracle");
    for (const file of ["insights-oracle.ts", "sqlite-only.ts", "venue-calendar.ts"]) {
      const source = readFileSync(path.join(dir, file), "utf8");
      expect(source, file).not.toMatch(/from "@\/lib|from "\.\.\/\.\.\/lib/);
      expect(source, file).not.toMatch(
        /"Case"\s|"CaseRootCause"|"Compensation"|"AgreedAction"|openedLocalDay|readbackOutcome|remedyCents|firstApologyMs|resolutionMs/,
      );
    }
  });
});
