// Manager-desk bench, on SQLite and PostgreSQL side by side:
//   npx tsx --conditions=react-server scripts/bench-manager.ts [--cases 100000] [--locations 6] [--runs 15]
//     [--engines sqlite,postgresql] [--pg-url postgresql://…] [--sqlite-file path] [--keep] [--groups replay,queue]
//
// Builds the same year of realistic cases (bench/manager-fixture.ts: generated once per engine
// from one seed, folded through the playbook and projected as the app stores them) into a
// SQLite file and into a PostgreSQL database, then times the queue's first page under several
// filters, the insights, the trainer's replay list by score, the live board, the CSV export and a case detail — through the same
// lib/manager use-cases the app calls. Prints one table with both engines side by side, each
// queue and insights figure next to its target (issue 14: p95 < 300 ms over 100,000 cases),
// and writes everything to bench/results/manager.json.
//
// PostgreSQL: --pg-url names a server (its database "manager_bench" is made afresh there);
// without it a throwaway server is started on 127.0.0.1:BENCH_PG_PORT (default 5461) and
// stopped at the end (kept with --keep). After the load the PostgreSQL database is VACUUM
// ANALYZEd, as autovacuum would have done long before a manager looks at a year of cases.
//
// Not a test: nothing fails on a slow number. Compare runs on the same machine.
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { insertCases, insertCasesPg, insertPeople, insertPeoplePg, type Fixture } from "../bench/manager-fixture";
import { measure, table, type Summary } from "../bench/stats";
import type { Actor } from "../lib/auth/actor";
import { configureSqlite, createDb, type Db, type Engine } from "../lib/db/client";
import { prepareQueueCsv } from "../lib/manager/export-queue-csv";
import { getCaseDetail } from "../lib/manager/get-case-detail";
import { getInsights, insightQueries } from "../lib/manager/insights";
import { listCaseQueue } from "../lib/manager/list-queue";
import { getLiveBoard } from "../lib/manager/live-board";
import { addDays, localDate } from "../lib/manager/time";
import { listReplayCases } from "../lib/training/list-replay-cases";
import { seedReferenceData } from "../prisma/seed/reference-data";
import { databaseUrlFor, startPostgres, type PostgresServer } from "./pg-server.mjs";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const text = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const CASES = arg("cases", 100_000);
const LOCATIONS = Math.min(10, Math.max(2, arg("locations", 6)));
const RUNS = arg("runs", 15);
const WARMUP = 2;
const KEEP = args.includes("--keep");
const ONLY_BASELINE = args.includes("--baseline-only");
/** Time the databases a --keep run left (migrated to the latest schema first) instead of building them again. */
const REUSE = args.includes("--reuse");
const ENGINES = (text("engines") ?? "sqlite,postgresql").split(",").filter((e): e is Engine => e === "sqlite" || e === "postgresql");
const PG_URL = text("pg-url");
/** Only these groups of scenarios (e.g. --groups replay); the results then go to bench/results/manager-<groups>.json. */
const GROUPS = text("groups")?.split(",");
const wanted = (group: string) => !GROUPS || GROUPS.some((g) => group.startsWith(g));
const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 5461);
const SQLITE_FILE = text("sqlite-file") ?? path.join(os.tmpdir(), `complaint-coach-bench-${process.pid}`, "manager.db");
/** The PostgreSQL database the bench builds (dropped and made again each run). */
export const PG_DATABASE = "manager_bench";
/** Issue 14's target for every queue and insights use-case over 100,000 cases. */
const TARGET_P95_MS = 300;

// Candidate indexes, per engine, to measure against the migrated schema before proposing them
// (a second variant runs with them). Empty: what was proposed is in the migrations now.
export const PROPOSED_INDEXES: readonly { name: string; engine: Engine; why: string; sql: string }[] = [];

type Result = { name: string; group: string; rows: number | string } & Summary;
type Built = { seconds: number; cases: number; events: number; sizeMb: number };

function timed(started: number, fixture: Fixture, sizeMb: number): Built {
  return { seconds: (performance.now() - started) / 1000, cases: fixture.cases, events: fixture.events, sizeMb };
}

function progress(engine: string) {
  let lastReport = 0;
  return (done: number) => {
    if (done - lastReport >= 20_000 || done === CASES) {
      lastReport = done;
      process.stdout.write(`  ${engine}: ${done.toLocaleString("en-GB")} cases written\n`);
    }
  };
}

/** scripts/migrate.mjs is an ES module with top-level await; run it as its own process. */
function migrate(url: string) {
  execFileSync(process.execPath, [path.join(__dirname, "migrate.mjs"), url], { stdio: "ignore" });
}

async function seed(url: string) {
  const prisma = createDb(url);
  await seedReferenceData(prisma);
  await prisma.$disconnect();
}

/** A kept database, brought up to the latest migrations (new indexes are built here). */
async function reuse(url: string): Promise<Built> {
  const started = performance.now();
  migrate(url);
  const db = createDb(url);
  const [cases, events] = await Promise.all([db.case.count(), db.caseEvent.count()]);
  await db.$disconnect();
  return { seconds: (performance.now() - started) / 1000, cases, events, sizeMb: 0 };
}

async function buildSqlite(file: string, now: Date): Promise<Built> {
  if (REUSE) return reuse(`file:${file}`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  const started = performance.now();
  migrate(`file:${file}`);
  await seed(`file:${file}`);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const people = insertPeople(sqlite, LOCATIONS);
  const fixture = insertCases(sqlite, people, { cases: CASES, locations: LOCATIONS, days: 365, now, progress: progress("SQLite") });
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return timed(started, fixture, Math.round(statSync(file).size / 1e5) / 10);
}

async function buildPostgres(serverUrl: string, now: Date): Promise<{ url: string; built: Built }> {
  if (REUSE) {
    const url = databaseUrlFor(serverUrl, PG_DATABASE);
    const built = await reuse(url);
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query("ANALYZE");
    await client.end();
    return { url, built };
  }
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${PG_DATABASE}`);
  await admin.end();
  const url = databaseUrlFor(serverUrl, PG_DATABASE);
  const started = performance.now();
  migrate(url);
  await seed(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // A fixture: nothing to lose if the box dies mid-load.
    await client.query("SET synchronous_commit = off");
    const people = await insertPeoplePg(client, LOCATIONS);
    const fixture = await insertCasesPg(client, people, {
      cases: CASES,
      locations: LOCATIONS,
      days: 365,
      now,
      progress: progress("PostgreSQL"),
    });
    process.stdout.write("  PostgreSQL: VACUUM ANALYZE …\n");
    await client.query("VACUUM ANALYZE");
    const size = await client.query<{ bytes: string }>(`SELECT pg_database_size(current_database())::text AS bytes`);
    return { url, built: timed(started, fixture, Math.round(Number(size.rows[0].bytes) / 1e5) / 10) };
  } finally {
    await client.end();
  }
}

async function applyIndexes(engine: Engine, url: string, indexes: readonly (typeof PROPOSED_INDEXES)[number][]) {
  if (!indexes.length) return;
  if (engine === "sqlite") {
    const sqlite = new Database(url.slice("file:".length));
    for (const index of indexes) sqlite.exec(index.sql);
    sqlite.close();
    return;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  for (const index of indexes) await client.query(index.sql);
  await client.query("ANALYZE");
  await client.end();
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
    if (!wanted(group)) return;
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
  // The first view after the day cache is emptied (decision 31): every closed day read live and
  // written back. What a manager waits for once, or after a deploy that changes the rows' layout.
  if (wanted("other")) {
    const cold = () =>
      db.$executeRawUnsafe(`DELETE FROM "InsightDay"`).then(() => getInsights(db, area, { from: addDays(today, -364), to: today }, now));
    const { summary, last } = await measure(Math.min(RUNS, 5), 1, cold);
    results.push({ group: "other", name: "insights, last 365 days, day cache emptied first", rows: last.cases, ...summary });
    process.stdout.write(`  insights, 365 days, cold day cache: ${summary.medianMs} ms\n`);
    await getInsights(db, area, {}, now);
  }
  // The scope-wide statements the insights ran before decision 31 (still the tests' reference),
  // each alone (the medians as an index walk), for comparison with the page above.
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
  // The trainer's replay list (docs/decisions/0037): score filters and the order by score over every ended case.
  const trainer: Actor = { id: "bench-trainer", name: "Trainer", role: "trainer", locationIds: locations, currentLocationId: locations[0] };
  await run("replay", `newest first, all ${LOCATIONS} locations`, () => listReplayCases(db, trainer, {}), total);
  await run("replay", "score ≤ 50, newest first", () => listReplayCases(db, trainer, { maxScore: "50" }), total);
  await run("replay", "score 60–80, newest first", () => listReplayCases(db, trainer, { minScore: "60", maxScore: "80" }), total);
  await run("replay", "sorted by lowest score", () => listReplayCases(db, trainer, { sort: "score_low" }), total);
  await run("replay", "sorted by highest score, page 50", () => listReplayCases(db, trainer, { sort: "score_high", page: "50" }), total);
  await run(
    "replay",
    "one location, score ≤ 50, lowest first",
    () => listReplayCases(db, trainer, { location: locations[0], maxScore: "50", sort: "score_low" }),
    total,
  );
  await run("replay", "missed “apologised without excuses”", () => listReplayCases(db, trainer, { missed: "apology_no_excuses" }), total);
  await run(
    "replay",
    "category + score ≤ 50, lowest first",
    () => listReplayCases(db, trainer, { category: "food_quality", maxScore: "50", sort: "score_low" }),
    total,
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

type EngineRun = {
  engine: Engine;
  url: string;
  built: Built;
  variants: { name: string; indexes: string[]; loadAverage: { before: number[]; after: number[] }; results: Result[] }[];
};

async function timeEngine(engine: Engine, url: string, built: Built, now: Date): Promise<EngineRun> {
  const run: EngineRun = { engine, url, built, variants: [] };
  const candidates = PROPOSED_INDEXES.filter((i) => i.engine === engine);
  const plan: { name: string; indexes: typeof candidates }[] = [{ name: "schema as migrated", indexes: [] }];
  if (!ONLY_BASELINE && candidates.length) plan.push({ name: "with proposed indexes", indexes: candidates });
  for (const variant of plan) {
    await applyIndexes(engine, url, variant.indexes);
    console.log(`— ${engine}, ${variant.name}`);
    const before = os.loadavg();
    const db = createDb(url);
    await configureSqlite(db);
    const results = await scenarios(db, now);
    await db.$disconnect();
    run.variants.push({
      name: variant.name,
      indexes: variant.indexes.map((i) => i.name),
      loadAverage: { before, after: os.loadavg() },
      results,
    });
  }
  return run;
}

const NAMES: Record<Engine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };
/** The use-cases the target covers: the queue's pages, the whole insights page and the trainer's replay list (not the single queries, not the other screens). */
const targeted = (r: Result) => r.group === "queue" || r.group === "insights" || r.group === "replay";

/** One row per scenario, every engine's p50 and p95 side by side, the target and whether each met it. */
export function sideBySide(runs: readonly EngineRun[]) {
  const last = (r: EngineRun) => r.variants[r.variants.length - 1];
  const first = last(runs[0]).results;
  return first.map((base, i) => {
    const row: Record<string, string> = { group: base.group, scenario: base.name };
    for (const r of runs) {
      const x = last(r).results[i];
      row[`${NAMES[r.engine]} p50`] = x.medianMs.toFixed(1);
      row[`${NAMES[r.engine]} p95`] = x.p95Ms.toFixed(1);
    }
    const rows = [...new Set(runs.map((r) => String(last(r).results[i].rows)))];
    row.rows = rows.join(" / ");
    row.target = targeted(base) ? `p95 < ${TARGET_P95_MS} ms` : "";
    row.met = targeted(base) ? runs.map((r) => (last(r).results[i].p95Ms < TARGET_P95_MS ? "yes" : "NO")).join(", ") : "";
    return row;
  });
}

async function main() {
  const now = new Date();
  const runs: EngineRun[] = [];
  let server: PostgresServer | undefined;
  try {
    for (const engine of ENGINES) {
      console.log(`${NAMES[engine]}: building ${CASES.toLocaleString("en-GB")} cases over 365 days at ${LOCATIONS} locations …`);
      let url: string;
      let built: Built;
      if (engine === "sqlite") {
        built = await buildSqlite(SQLITE_FILE, now);
        url = `file:${SQLITE_FILE}`;
      } else {
        let serverUrl = PG_URL;
        if (!serverUrl) {
          console.log(`  starting PostgreSQL on 127.0.0.1:${BENCH_PG_PORT} …`);
          server = startPostgres({ port: BENCH_PG_PORT });
          serverUrl = server.url;
        }
        ({ url, built } = await buildPostgres(serverUrl, now));
      }
      console.log(
        `  built in ${built.seconds.toFixed(1)} s: ${built.cases.toLocaleString("en-GB")} cases, ${built.events.toLocaleString("en-GB")} events, ${built.sizeMb} MB\n`,
      );
      runs.push(await timeEngine(engine, url, built, now));
    }
  } finally {
    if (server && !KEEP) server.stop();
  }

  const rows = sideBySide(runs);
  console.log(
    `\nManager desk over ${CASES.toLocaleString("en-GB")} cases (${runs.map((r) => `${NAMES[r.engine]} ${r.built.events.toLocaleString("en-GB")} events`).join(", ")}); ${RUNS} runs each after ${WARMUP} warm-ups; use-case level; ms\n`,
  );
  console.log(table(rows));
  const output = {
    generatedAt: new Date().toISOString(),
    command: `npx tsx --conditions=react-server scripts/bench-manager.ts ${args.join(" ")}`.trim(),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
      sqlite: new Database(":memory:").prepare("select sqlite_version() v").pluck().get(),
    },
    dataset: { cases: CASES, locations: LOCATIONS, days: 365 },
    targetP95Ms: TARGET_P95_MS,
    runs: RUNS,
    warmup: WARMUP,
    proposedIndexes: PROPOSED_INDEXES.map((i) => ({ name: i.name, engine: i.engine, why: i.why })),
    engines: runs.map((r) => ({
      engine: r.engine,
      database: {
        events: r.built.events,
        databaseMb: r.built.sizeMb,
        buildSeconds: Math.round(r.built.seconds * 10) / 10,
      },
      variants: r.variants,
    })),
    table: rows,
  };
  const out = path.resolve(__dirname, "..", "bench", "results", GROUPS ? `manager-${GROUPS.join("-")}.json` : "manager.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`\nSaved ${path.relative(process.cwd(), out)}`);
  if (ENGINES.includes("sqlite")) {
    if (!KEEP) for (const suffix of ["", "-wal", "-shm"]) rmSync(SQLITE_FILE + suffix, { force: true });
    else console.log(`Kept the SQLite database at ${SQLITE_FILE}`);
  }
  if (server && KEEP) console.log(`Kept the PostgreSQL server: ${server.url} (stop: node scripts/pg-server.mjs stop ${server.dir})`);
  if (server && KEEP) process.removeAllListeners("exit");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
