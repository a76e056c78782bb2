// Manager-desk bench: `npx tsx --conditions=react-server scripts/bench-manager.ts [--cases 100000] [--locations 6] [--runs 15] [--keep]`
//
// Builds a SQLite database with a year of realistic cases (bench/manager-fixture.ts), then times
// the queue's first page under several filters, the insights queries, the live board, the CSV
// export and a case detail — through the same lib/manager use-cases the app calls. It runs once
// on the schema as migrated and once more after adding the indexes proposed below, prints a
// table per variant and writes everything to bench/results/manager.json.
//
// Not a test: nothing fails on a slow number. Compare runs on the same machine.
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { insertCases, insertPeople } from "../bench/manager-fixture";
import { measure, table, type Summary } from "../bench/stats";
import type { Actor } from "../lib/auth/actor";
import { configureSqlite, createDb, type Db } from "../lib/db/client";
import { prepareQueueCsv } from "../lib/manager/export-queue-csv";
import { getCaseDetail } from "../lib/manager/get-case-detail";
import { getInsights, insightQueries } from "../lib/manager/insights";
import { listCaseQueue } from "../lib/manager/list-queue";
import { getLiveBoard } from "../lib/manager/live-board";
import { addDays, localDate } from "../lib/manager/time";
import { seedReferenceData } from "../prisma/seed/reference-data";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CASES = arg("cases", 100_000);
const LOCATIONS = Math.min(10, Math.max(2, arg("locations", 6)));
const RUNS = arg("runs", 15);
const WARMUP = 2;
const KEEP = args.includes("--keep");
const ONLY_BASELINE = args.includes("--baseline-only");

// The indexes this bench once proposed are in the schema now (migration manager_indexes); add
// candidates here to measure them against the migrated schema before proposing them.
export const PROPOSED_INDEXES: readonly { name: string; prisma: string; why: string; sql: string }[] = [];

type Result = { name: string; group: string; rows: number | string } & Summary;

async function build(file: string): Promise<{ seconds: number; cases: number; events: number; sizeMb: number; now: Date }> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  const started = performance.now();
  // scripts/migrate.mjs is an ES module with top-level await; run it as its own process.
  execFileSync(process.execPath, [path.join(__dirname, "migrate.mjs"), `file:${file}`], { stdio: "ignore" });
  const prisma = createDb(`file:${file}`);
  await seedReferenceData(prisma);
  await prisma.$disconnect();

  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const now = new Date();
  const people = insertPeople(sqlite, LOCATIONS);
  let lastReport = 0;
  const fixture = insertCases(sqlite, people, {
    cases: CASES,
    locations: LOCATIONS,
    days: 365,
    now,
    progress: (done) => {
      if (done - lastReport >= 20_000 || done === CASES) {
        lastReport = done;
        process.stdout.write(`  ${done.toLocaleString("en-GB")} cases written\n`);
      }
    },
  });
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return {
    seconds: (performance.now() - started) / 1000,
    cases: fixture.cases,
    events: fixture.events,
    sizeMb: Math.round(statSync(file).size / 1e5) / 10,
    now,
  };
}

async function scenarios(db: Db, now: Date): Promise<Result[]> {
  const locations = (
    await db.location.findMany({ where: { id: { startsWith: "bench-loc-" } }, orderBy: { id: "asc" }, select: { id: true } })
  ).map((l) => l.id);
  const area: Actor = {
    id: "bench-area-manager",
    name: "Area Manager",
    role: "manager",
    locationIds: locations,
    currentLocationId: locations[0],
  };
  const one: Actor = {
    id: "bench-mgr-1",
    name: "Manager 1",
    role: "manager",
    locationIds: [locations[0]],
    currentLocationId: locations[0],
  };
  const today = localDate(now);
  const results: Result[] = [];
  const run = async <T>(group: string, name: string, fn: () => Promise<T>, rows: (r: T) => number | string) => {
    const { summary, last } = await measure(RUNS, WARMUP, fn);
    results.push({ group, name, rows: rows(last), ...summary });
    process.stdout.write(`  ${name}: ${summary.medianMs} ms\n`);
  };
  const total = (p: { total: number }) => p.total;

  await run("queue", `newest first, all ${LOCATIONS} locations`, () => listCaseQueue(db, area, {}, now), total);
  await run("queue", "newest first, one location", () => listCaseQueue(db, one, {}, now), total);
  await run("queue", "open cases by last activity", () => listCaseQueue(db, area, { state: "open", sort: "activity" }, now), total);
  await run("queue", "waiting for a manager", () => listCaseQueue(db, area, { state: "awaiting_manager" }, now), total);
  await run("queue", "category + severity", () => listCaseQueue(db, area, { category: "food_quality", severity: "3" }, now), total);
  await run(
    "queue",
    "one location, category, sorted by severity",
    () => listCaseQueue(db, one, { category: "wait_time", sort: "severity" }, now),
    total,
  );
  await run("queue", "root cause tag", () => listCaseQueue(db, area, { tag: "staff_manner" }, now), total);
  await run("queue", "text search “cold”", () => listCaseQueue(db, area, { q: "cold" }, now), total);
  await run("queue", "text search, rare word “corked”", () => listCaseQueue(db, one, { q: "corked" }, now), total);
  await run("queue", "overdue actions", () => listCaseQueue(db, area, { actions: "overdue" }, now), total);
  await run("queue", "one staff member", () => listCaseQueue(db, one, { staff: "bench-staff-1-3" }, now), total);
  await run(
    "queue",
    "last 30 days by severity",
    () => listCaseQueue(db, area, { from: addDays(today, -29), to: today, sort: "severity" }, now),
    total,
  );
  await run("queue", "page 200 (offset 4,975)", () => listCaseQueue(db, area, { page: "200" }, now), total);

  await run(
    "insights",
    "last 90 days, all locations",
    () => getInsights(db, area, {}, now),
    (i) => i.cases,
  );
  await run(
    "insights",
    "last 365 days, all locations",
    () => getInsights(db, area, { from: addDays(today, -364), to: today }, now),
    (i) => i.cases,
  );
  await run(
    "insights",
    "last 90 days, one location",
    () => getInsights(db, one, {}, now),
    (i) => i.cases,
  );
  // Each statement getInsights runs, alone (the medians as an index walk: what getInsights picks
  // once the range holds MEDIAN_WALK_FROM durations or more).
  for (const days of [365, 90]) {
    const from = addDays(today, -(days - 1));
    for (const [name, query] of Object.entries(insightQueries)) {
      const once = (): Promise<unknown> => query(db, { locationIds: locations, from, to: today });
      await run(`insights (${days} days, each query)`, name, once, (r) => (Array.isArray(r) ? r.length : 1));
    }
  }

  await run(
    "other",
    "live board, all locations",
    () => getLiveBoard(db, area, now),
    (b) => `${b.waiting.length} waiting, ${b.live.length} live`,
  );
  await run(
    "other",
    "CSV export, one location, 30 days",
    async () => {
      const { count, chunks } = await prepareQueueCsv(db, one, { from: addDays(today, -29), to: today }, now);
      let bytes = 0;
      for await (const chunk of chunks) bytes += chunk.length;
      return { count, bytes };
    },
    (r) => r.count,
  );
  const someCase = await db.case.findFirst({
    where: { locationId: locations[0], status: "closed" },
    orderBy: { openedAt: "desc" },
    select: { id: true },
  });
  if (someCase)
    await run(
      "other",
      "case detail (history + actions)",
      () => getCaseDetail(db, one, someCase.id, now),
      (d) => d.history.length,
    );
  return results;
}

async function main() {
  const file = path.join(os.tmpdir(), "complaint-coach-bench", "manager.db");
  console.log(`Building ${CASES.toLocaleString("en-GB")} cases over 365 days at ${LOCATIONS} locations in ${file} …`);
  const built = await build(file);
  console.log(`Built in ${built.seconds.toFixed(1)} s: ${built.events.toLocaleString("en-GB")} events, ${built.sizeMb} MB\n`);

  const variants: { name: string; indexes: string[]; results: Result[] }[] = [];
  const plan: { name: string; indexes: readonly (typeof PROPOSED_INDEXES)[number][] }[] = [{ name: "schema as migrated", indexes: [] }];
  if (!ONLY_BASELINE && PROPOSED_INDEXES.length) plan.push({ name: "with proposed indexes", indexes: PROPOSED_INDEXES });
  for (const variant of plan) {
    if (variant.indexes.length) {
      const sqlite = new Database(file);
      for (const index of variant.indexes) sqlite.exec(index.sql);
      sqlite.close();
    }
    console.log(`— ${variant.name}`);
    const db = createDb(`file:${file}`);
    await configureSqlite(db);
    const results = await scenarios(db, built.now);
    await db.$disconnect();
    variants.push({ name: variant.name, indexes: variant.indexes.map((i) => i.name), results });
    console.log(`\n${variant.name} (${RUNS} runs each after ${WARMUP} warm-ups; ms)\n`);
    console.log(
      table(
        results.map((r) => ({ group: r.group, scenario: r.name, median: r.medianMs.toFixed(1), p95: r.p95Ms.toFixed(1), rows: r.rows })),
      ),
    );
    console.log("");
  }

  const output = {
    generatedAt: new Date().toISOString(),
    command: `npx tsx scripts/bench-manager.ts ${args.join(" ")}`.trim(),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
      sqlite: new Database(":memory:").prepare("select sqlite_version() v").pluck().get(),
    },
    dataset: {
      cases: built.cases,
      events: built.events,
      locations: LOCATIONS,
      days: 365,
      databaseMb: built.sizeMb,
      buildSeconds: Math.round(built.seconds * 10) / 10,
    },
    runs: RUNS,
    warmup: WARMUP,
    proposedIndexes: PROPOSED_INDEXES.map((i) => ({ name: i.name, prisma: i.prisma, why: i.why })),
    variants,
  };
  const out = path.resolve(__dirname, "..", "bench", "results", "manager.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`Saved ${path.relative(process.cwd(), out)}`);
  if (!KEEP) for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  else console.log(`Kept the database at ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
