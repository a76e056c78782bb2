// Applies the committed migrations to a database, offline: prisma/migrations to a SQLite file,
// prisma/migrations-postgresql to a PostgreSQL database (DATABASE_URL postgres://…).
// Usage: node scripts/migrate.mjs [file:path.db | postgresql://…]
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { openEngine, migrationsList, noFilters, engineOf, root } from "./schema-engine.mjs";
import { databaseUrl } from "./database-url.mjs";
import { runPendingBackfills } from "./backfills.mjs";

// One at a time in a process: the wasm schema engine is one instance, and two runs at once (two
// vitest projects' global setups) make it panic.
export function migrate(url = databaseUrl()) {
  const queue = globalThis.__coachMigrations ?? Promise.resolve();
  const run = queue.then(() => migrateNow(url));
  globalThis.__coachMigrations = run.catch(() => undefined);
  return run;
}

async function migrateNow(url) {
  const engine = engineOf(url);
  // A fresh clone has no data/ folder, and SQLite will not create one.
  if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  const schemaEngine = await openEngine(url);
  let out;
  try {
    out = await schemaEngine.applyMigrations({ migrationsList: migrationsList(engine), filters: noFilters });
  } finally {
    // Released before the backfills: the engine's connection may hold SQLite's write lock.
    await schemaEngine.close();
  }
  // What SQL could not write (scripts/backfills.mjs): queued by a SQLite migration, run before anything reads.
  // PostgreSQL's migrations start from today's schema and need none.
  if (engine === "sqlite") runPendingBackfills(url);
  // Both engines: ended cases without their stored rubric (docs/decisions/0037), scored by the app's own code.
  if (await hasUnscoredCases(url, engine)) scoreEndedCases(url);
  return out.appliedMigrationNames;
}

/** An ended real case whose stored rubric does not describe its whole log (lib/cases/backfill-case-scores.ts). */
const UNSCORED = `SELECT 1 FROM "Case" WHERE "status" IN ('closed', 'abandoned') AND "isPractice" = false
  AND ("rubricSequence" IS NULL OR "rubricSequence" <> "eventCount") LIMIT 1`;

async function hasUnscoredCases(url, engine) {
  if (engine === "sqlite") {
    const db = new Database(url.slice("file:".length), { readonly: true });
    try {
      return db.prepare(UNSCORED).get() !== undefined;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(UNSCORED)).rowCount > 0;
  } finally {
    await client.end();
  }
}

/** The backfill runs the app's TypeScript scoring (lib/playbook/rubric.ts), so through tsx. */
function scoreEndedCases(url) {
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/backfill-case-scores.ts", url], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2] ?? databaseUrl();
  const applied = await migrate(url);
  const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
  console.log(applied.length ? `Applied ${applied.join(", ")} to ${shown}` : `Database ${shown} is up to date`);
}
