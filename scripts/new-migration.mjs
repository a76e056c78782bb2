// Writes the next migration (prisma/migrations/<timestamp>_<name>/migration.sql) from the
// difference between the committed migrations and prisma/schema.prisma. Offline.
import { mkdirSync, writeFileSync, existsSync, readFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openEngine, migrationsList, migrationsDir, schemaPath, noFilters } from "./schema-engine.mjs";

const name = (process.argv[2] ?? "change").replace(/[^a-z0-9_]/gi, "_");
const scratch = path.join(mkdtempSync(path.join(os.tmpdir(), "mig-")), "shadow.db");
const engine = await openEngine(`file:${scratch}`);
const list = migrationsList();
const from = list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" };

const result = await engine.diff({
  from,
  to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
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
