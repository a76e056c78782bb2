// Writes the next migration (prisma/migrations/<timestamp>_<name>/migration.sql): the committed
// migrations are applied to a scratch database, which is then diffed against
// prisma/schema.prisma. Offline, through the wasm schema engine.
import { mkdirSync, writeFileSync, existsSync, readFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root, openEngine, migrationsList, migrationsDir, schemaPath, noFilters } from "./schema-engine.mjs";
import { runPendingBackfills } from "./backfills.mjs";

const name = (process.argv[2] ?? "change").replace(/[^a-z0-9_]/gi, "_");
const scratch = path.join(mkdtempSync(path.join(os.tmpdir(), "mig-")), "scratch.db");
const applying = await openEngine(`file:${scratch}`);
await applying.applyMigrations({ migrationsList: migrationsList(), filters: noFilters });
await applying.close();
// As scripts/migrate.mjs does: a queued backfill's bookkeeping table is not part of the schema.
runPendingBackfills(`file:${scratch}`);
const engine = await openEngine(`file:${scratch}`);
const schema = { files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] };
const result = await engine.diff({
  from: { tag: "schemaDatasource", ...schema, configDir: root },
  to: { tag: "schemaDatamodel", ...schema },
  script: true,
  exitCode: null,
  shadowDatabaseUrl: null,
  filters: noFilters,
});
const sql = result.stdout ?? "";
if (!sql.trim() || /empty migration/i.test(sql)) {
  console.log("No schema changes.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
const lock = path.join(migrationsDir, "migration_lock.toml");
if (!existsSync(lock)) writeFileSync(lock, 'provider = "sqlite"\n');
console.log(`Wrote ${dir}/migration.sql`);
