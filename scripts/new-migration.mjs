// Writes the next migration for BOTH engines from the one schema body (prisma/schema.prisma):
//   prisma/migrations/<timestamp>_<name>/migration.sql             SQLite
//   prisma/migrations-postgresql/<timestamp>_<name>/migration.sql  PostgreSQL
// For each engine the committed migrations are applied to a scratch database (a temporary
// SQLite file; a throwaway PostgreSQL server on loopback, scripts/pg-server.mjs), which is then
// diffed against the schema. Offline, through the wasm schema engine.
//
//   node scripts/new-migration.mjs <name>            both engines
//   node scripts/new-migration.mjs <name> --sqlite   SQLite only (no PostgreSQL server on this machine)
//   node scripts/new-migration.mjs <name> --postgresql   PostgreSQL only (e.g. after merging SQLite migrations)
// PG_SCRATCH_URL=postgresql://… uses an existing server's empty database instead of starting one.
import { mkdirSync, writeFileSync, existsSync, mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { root, openEngine, migrationsList, migrationsDirFor, schemaPath, schemaTextFor, noFilters } from "./schema-engine.mjs";
import { runPendingBackfills } from "./backfills.mjs";
import { startPostgres } from "./pg-server.mjs";

const args = process.argv.slice(2);
const name = (args.find((a) => !a.startsWith("--")) ?? "change").replace(/[^a-z0-9_]/gi, "_");
const engines = args.includes("--sqlite") ? ["sqlite"] : args.includes("--postgresql") ? ["postgresql"] : ["sqlite", "postgresql"];
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The SQL taking the committed migrations to the schema, or "" when they already match. */
async function nextMigrationSql(engine, url) {
  const applying = await openEngine(url);
  try {
    await applying.applyMigrations({ migrationsList: migrationsList(engine), filters: noFilters });
  } finally {
    await applying.close();
  }
  // As scripts/migrate.mjs does: a queued backfill's bookkeeping table is not part of the schema.
  if (engine === "sqlite") runPendingBackfills(url);
  const engineForDiff = await openEngine(url);
  try {
    const schema = { files: [{ path: schemaPath, content: schemaTextFor(engine) }] };
    const result = await engineForDiff.diff({
      from: { tag: "schemaDatasource", ...schema, configDir: root },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: noFilters,
    });
    const sql = withoutHandWrittenDrops(engine, result.stdout ?? "");
    return !sql.trim() || /empty migration/i.test(sql) ? "" : sql;
  } finally {
    await engineForDiff.close();
  }
}

/**
 * Indexes written by hand, per engine, that Prisma's schema language cannot describe; the differ
 * would drop them every time. PostgreSQL: the full-text index on the queue's text
 * (prisma/migrations-postgresql/*_init). SQLite: the narrow index its LIKE search scans instead
 * of the Case table (prisma/migrations/*_queue_search_words; not in the schema because on
 * PostgreSQL a B-tree over 2,000 characters of text can exceed its index row limit, and
 * PostgreSQL searches through the full-text index anyway).
 */
const HAND_WRITTEN_INDEXES = { postgresql: ["Case_customerWords_fts_idx"], sqlite: ["Case_search_words_idx"] };

function withoutHandWrittenDrops(engine, sql) {
  const names = HAND_WRITTEN_INDEXES[engine] ?? [];
  const kept = sql.split(/\n(?=-- )/).filter((block) => !names.some((name) => block.includes(`DROP INDEX "${name}"`)));
  return kept.join("\n");
}

let wrote = 0;
for (const engine of engines) {
  let url;
  let server;
  if (engine === "sqlite") {
    url = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "mig-")), "scratch.db")}`;
  } else if (process.env.PG_SCRATCH_URL) {
    url = process.env.PG_SCRATCH_URL;
  } else {
    server = startPostgres({ port: Number(process.env.PG_SCRATCH_PORT ?? (await freePort())) });
    url = server.url;
  }
  try {
    const sql = await nextMigrationSql(engine, url);
    if (!sql) {
      console.log(`No schema changes (${engine}).`);
      continue;
    }
    const migrations = migrationsDirFor(engine);
    const dir = path.join(migrations, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(migrations, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, `provider = "${engine}"\n`);
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
    wrote++;
  } finally {
    server?.stop();
  }
}
if (!wrote) console.log("No schema changes.");
