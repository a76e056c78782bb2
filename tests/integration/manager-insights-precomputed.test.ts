// The insights read columns the projection precomputes (Case.openedLocalDay, readbackOutcome,
// readbackRefusals, firstApologyMs, resolutionMs, remedyCents) and copies of the case's fields
// on CaseRootCause (docs/decisions/0007 and 0010). These tests fail if any of them drifts from
// its source: every row must hold what its source says, the index walk must find the medians the
// oracle finds, and the migrations must backfill existing rows to the values the projection
// writes. (That the figures built on them are right is the oracle's test:
// tests/integration/insights-oracle.test.ts.)
import Database from "better-sqlite3";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insightQueries, MEDIAN_WALK_FROM, medianPlan } from "@/lib/manager/insights";
import { DEFAULT_DEMO_NOW, seedDemoCases } from "@/prisma/seed/demo-cases";
import { checkCaseLogs } from "@/lib/cases/check-case-logs";
import { runPendingBackfills } from "../../scripts/backfills.mjs";
import { AWKWARD_PEOPLE, writeAwkwardCases } from "../oracle/awkward-cases";
import { oracleInsights, prepareOracle } from "../oracle/insights-oracle";
import { openOracleDb } from "../oracle/postgres-only";
import type { OracleDb } from "../oracle/sqlite-only";
import { createTestDb, onPostgres } from "../setup/test-db";

const test = await createTestDb();
const { db, file } = test;
const migrations = path.resolve(__dirname, "..", "..", "prisma", "migrations");
const folders = readdirSync(migrations, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
let oracle: OracleDb;

beforeAll(async () => {
  await seedDemoCases(db, { count: 160, now: DEFAULT_DEMO_NOW, days: 120 });
  await writeAwkwardCases(db);
  oracle = await openOracleDb(test);
  await prepareOracle(oracle);
}, 300_000);

afterAll(async () => {
  await oracle?.close();
});

/** The venue's calendar day of an instant, written out here on its own (en-CA gives YYYY-MM-DD). */
const dayAt = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));

describe("the precomputed columns and copies", () => {
  // Read straight from the SQLite file with SQLite's JSON functions; on PostgreSQL the oracle test
  // (insights-oracle.test.ts) checks every figure built on these columns.
  it.skipIf(onPostgres)("hold, on every row, what their sources say", () => {
    const sqlite = new Database(file, { readonly: true });
    try {
      const cases = sqlite
        .prepare(
          `SELECT c."id", c."openedAt", c."openedLocalDay", l."timezone", c."firstApologyAt", c."firstApologyMs", c."resolvedAt", c."resolutionMs", c."remedyCents",
             c."readbackOutcome", c."readbackRefusals",
             (SELECT SUM(m."valueCents") FROM "Compensation" m WHERE m."caseId" = c."id" AND m."status" IN ('offered', 'approved')) AS remedySource,
             (SELECT COUNT(*) FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."type" = 'readback_answered' AND json_extract(e."payload", '$.accepted') = 0) AS refusals,
             (SELECT json_extract(e."payload", '$.accepted') FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."type" = 'readback_answered' ORDER BY e."sequence" LIMIT 1) AS firstAnswer
           FROM "Case" c JOIN "Location" l ON l."id" = c."locationId"`,
        )
        .safeIntegers()
        .all() as {
        openedAt: string;
        openedLocalDay: string;
        timezone: string;
        firstApologyAt: string | null;
        firstApologyMs: bigint | null;
        resolvedAt: string | null;
        resolutionMs: bigint | null;
        remedyCents: bigint | null;
        remedySource: bigint | null;
        readbackOutcome: string | null;
        readbackRefusals: bigint;
        refusals: bigint;
        firstAnswer: bigint | null;
      }[];
      expect(cases.length).toBeGreaterThan(200);
      const millis = (to: string | null, from: string) => (to === null ? null : BigInt(Date.parse(to) - Date.parse(from)));
      for (const c of cases) {
        expect(c.openedLocalDay).toBe(dayAt(c.openedAt, c.timezone));
        expect(c.firstApologyMs).toBe(millis(c.firstApologyAt, c.openedAt));
        expect(c.resolutionMs).toBe(millis(c.resolvedAt, c.openedAt));
        expect(c.remedyCents).toBe(c.remedySource);
        expect(c.readbackRefusals).toBe(c.refusals);
        const outcome =
          c.firstAnswer === null
            ? null
            : c.firstAnswer === BigInt(1)
              ? "accepted_first_time"
              : c.resolvedAt
                ? "accepted_after_changes"
                : "not_accepted";
        expect(c.readbackOutcome).toBe(outcome);
      }
      expect(cases.some((c) => (c.resolutionMs ?? BigInt(0)) > BigInt(2 ** 31))).toBe(true);
      expect(cases.some((c) => c.remedyCents === BigInt(0))).toBe(true);
      expect(cases.some((c) => c.openedLocalDay !== c.openedAt.slice(0, 10))).toBe(true);
      expect(new Set(cases.map((c) => c.readbackOutcome))).toEqual(
        new Set([null, "accepted_first_time", "accepted_after_changes", "not_accepted"]),
      );

      const drifted = sqlite
        .prepare(
          `SELECT COUNT(*) FROM "CaseRootCause" r JOIN "Case" c ON c."id" = r."caseId"
           WHERE r."locationId" IS NOT c."locationId" OR r."isPractice" IS NOT c."isPractice" OR r."openedAt" IS NOT c."openedAt" OR r."openedLocalDay" IS NOT c."openedLocalDay"`,
        )
        .pluck()
        .get();
      expect(drifted).toBe(0);
    } finally {
      sqlite.close();
    }
  });

  it("equal the fold of each case's log (what db:verify checks)", async () => {
    const result = await checkCaseLogs(db);
    expect(result.problems).toEqual([]);
  }, 60_000);

  it("give the oracle's medians when the median walks the duration's index", async () => {
    expect(medianPlan(MEDIAN_WALK_FROM - 1)).toBe("sort");
    expect(medianPlan(MEDIAN_WALK_FROM)).toBe("walk");
    const { area } = AWKWARD_PEOPLE;
    const scopes = [
      { locationIds: area.locationIds, from: "2025-11-21", to: "2026-11-21" },
      { locationIds: ["loc-harbour"], from: "2026-08-23", to: "2026-11-20" },
      { locationIds: ["loc-kiwi"], from: "2026-11-02", to: "2026-11-15" },
      { locationIds: ["loc-grand"], from: "2025-01-01", to: "2025-01-02" },
    ];
    for (const scope of scopes) {
      const expected = await oracleInsights(oracle, { ...scope, within: 7 });
      expect(await insightQueries["median to first apology (index walk)"](db, scope)).toEqual(expected.firstApology);
      expect(await insightQueries["median to resolution (index walk)"](db, scope)).toEqual(expected.resolution);
    }
  });
});

/**
 * Builds a database at the schema just before `migration`, fills it with the seeded rows (a
 * column the older schema has and the seeded one lacks comes from `older`), applies the migration
 * and any backfill it queues, and hands both to `check`.
 */
function migrateSeededRows(
  migration: string,
  older: Record<string, Record<string, string>>,
  check: (run: (sql: string) => unknown) => void,
) {
  const index = folders.findIndex((name) => name.endsWith(`_${migration}`));
  expect(index).toBeGreaterThan(0);
  const scratch = `${file}.${migration}.db`;
  const before = new Database(scratch);
  try {
    for (const name of folders.slice(0, index)) before.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
    before.exec(`ATTACH DATABASE '${file.replaceAll("'", "''")}' AS seeded`);
    before.pragma("foreign_keys = OFF");
    for (const table of ["Location", "User", "RootCauseTag", "Case", "CaseEvent", "CaseRootCause", "Compensation"]) {
      const seededColumns = new Set(
        (before.prepare(`PRAGMA seeded.table_info("${table}")`).all() as { name: string }[]).map((c) => c.name),
      );
      const columns = (before.prepare(`PRAGMA main.table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
      const values = columns.map((c) => (seededColumns.has(c) ? `"${c}"` : (older[table]?.[c] ?? "NULL")));
      before.exec(
        `INSERT INTO main."${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${values.join(", ")} FROM seeded."${table}"`,
      );
    }
    before.exec(`DETACH DATABASE seeded`);
    before.exec(readFileSync(path.join(migrations, folders[index], "migration.sql"), "utf8"));
  } finally {
    before.close();
  }
  runPendingBackfills(`file:${scratch}`);
  const after = new Database(scratch);
  try {
    after.exec(`ATTACH DATABASE '${file.replaceAll("'", "''")}' AS seeded`);
    check((sql) => after.prepare(sql).pluck().get());
    expect(after.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name = '_PendingBackfill'`).pluck().get()).toBe(0);
  } finally {
    after.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(scratch + suffix, { force: true });
  }
}

// SQLite's migrations and their backfills; PostgreSQL's migrations start from today's schema.
describe.skipIf(onPostgres)("the migrations", () => {
  it("venue_days_readback_outcomes backfills each case's day on its venue's clock and its read-back outcome from the log", () => {
    // Before it, openedDay held the UTC day (date(openedAt)).
    migrateSeededRows(
      "venue_days_readback_outcomes",
      { Case: { openedDay: `date("openedAt")` }, CaseRootCause: { openedDay: `date("openedAt")` } },
      (count) => {
        expect(
          count(`SELECT COUNT(*) FROM main."Case" m JOIN seeded."Case" s ON s."id" = m."id"
          WHERE m."openedLocalDay" IS NOT s."openedLocalDay" OR m."readbackOutcome" IS NOT s."readbackOutcome" OR m."readbackRefusals" IS NOT s."readbackRefusals"`),
        ).toBe(0);
        expect(
          count(`SELECT COUNT(*) FROM main."CaseRootCause" m JOIN seeded."CaseRootCause" s ON s."caseId" = m."caseId" AND s."tagId" = m."tagId"
          WHERE m."openedLocalDay" IS NOT s."openedLocalDay"`),
        ).toBe(0);
        expect(count(`SELECT COUNT(*) FROM main."Case"`)).toBe(count(`SELECT COUNT(*) FROM seeded."Case"`));
        expect(count(`SELECT COUNT(*) FROM main."CaseRootCause"`)).toBe(count(`SELECT COUNT(*) FROM seeded."CaseRootCause"`));
        // The backfill had work to do: some days differ from the UTC day.
        expect(count(`SELECT COUNT(*) FROM main."Case" WHERE "openedLocalDay" <> date("openedAt")`)).toBeGreaterThan(5);
      },
    );
  });

  it("insights_precomputed backfilled the durations, the remedy sum and the (then UTC) day", () => {
    migrateSeededRows("insights_precomputed", {}, (count) => {
      expect(
        count(`SELECT COUNT(*) FROM main."Case" m JOIN seeded."Case" s ON s."id" = m."id"
          WHERE m."openedDay" IS NOT date(s."openedAt") OR m."firstApologyMs" IS NOT s."firstApologyMs"
             OR m."resolutionMs" IS NOT s."resolutionMs" OR m."remedyCents" IS NOT s."remedyCents"`),
      ).toBe(0);
      expect(
        count(`SELECT COUNT(*) FROM main."CaseRootCause" m JOIN seeded."CaseRootCause" s ON s."caseId" = m."caseId" AND s."tagId" = m."tagId"
          WHERE m."locationId" IS NOT s."locationId" OR m."isPractice" IS NOT s."isPractice" OR m."openedAt" IS NOT s."openedAt" OR m."openedDay" IS NOT date(s."openedAt")`),
      ).toBe(0);
      expect(count(`SELECT COUNT(*) FROM main."Case"`)).toBe(count(`SELECT COUNT(*) FROM seeded."Case"`));
    });
  });
});
