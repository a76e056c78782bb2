// Applies prisma/migrations to a SQLite file, offline. Usage: node scripts/migrate.mjs [file:path.db]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { openEngine, migrationsList, noFilters } from "./schema-engine.mjs";
import { databaseUrl } from "./database-url.mjs";
import { runPendingBackfills } from "./backfills.mjs";

export async function migrate(url = databaseUrl()) {
  // A fresh clone has no data/ folder, and SQLite will not create one.
  if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  const engine = await openEngine(url);
  const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters: noFilters });
  await engine.close();
  // What SQL could not write (scripts/backfills.mjs): queued by a migration, run before anything reads.
  runPendingBackfills(url);
  return out.appliedMigrationNames;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2] ?? databaseUrl();
  const applied = await migrate(url);
  console.log(applied.length ? `Applied ${applied.join(", ")} to ${url}` : `Database ${url} is up to date`);
}
