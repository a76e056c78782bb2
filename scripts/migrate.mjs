// Applies prisma/migrations to a SQLite file, offline. Usage: node scripts/migrate.mjs [file:path.db]
import { openEngine, migrationsList, noFilters } from "./schema-engine.mjs";
import { databaseUrl } from "./database-url.mjs";

export async function migrate(url = databaseUrl()) {
  const engine = await openEngine(url);
  const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters: noFilters });
  return out.appliedMigrationNames;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2] ?? databaseUrl();
  const applied = await migrate(url);
  console.log(applied.length ? `Applied ${applied.join(", ")} to ${url}` : `Database ${url} is up to date`);
}
