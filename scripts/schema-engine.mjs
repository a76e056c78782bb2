// Prisma's schema engine as WebAssembly: migrations without downloading a native binary, for
// SQLite (the embedded default) and PostgreSQL (a chain's server). See
// docs/decisions/0002-offline-migrations.md and docs/decisions/0020-two-engines-one-schema.md.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const schemaPath = path.join(root, "prisma", "schema.prisma");

/** "postgresql" for a postgres:// or postgresql:// URL, else "sqlite". */
export function engineOf(url) {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** Each engine's own committed migrations: prisma/migrations (SQLite) and prisma/migrations-postgresql. */
export function migrationsDirFor(engine) {
  return path.join(root, "prisma", engine === "postgresql" ? "migrations-postgresql" : "migrations");
}
export const migrationsDir = migrationsDirFor("sqlite");

/**
 * The one schema body, with the datasource's provider set for `engine`. prisma/schema.prisma says
 * "sqlite"; everything else is the same text, so the two engines can never drift apart.
 */
export function schemaTextFor(engine) {
  const text = readFileSync(schemaPath, "utf8");
  if (engine === "sqlite") return text;
  const replaced = text.replace(/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, `$1"${engine}"`);
  if (replaced === text) throw new Error("prisma/schema.prisma: could not find the datasource's provider line");
  return replaced;
}

// Once per process, even when this file is loaded twice (vitest's projects each load their own
// copy, but Node shares the one wasm-bindgen module, which a second instantiation would break).
function loadWasm() {
  globalThis.__coachSchemaEngineWasm ??= instantiateWasm();
  return globalThis.__coachSchemaEngineWasm;
}

async function instantiateWasm() {
  const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

function adapterFactoryFor(url) {
  return engineOf(url) === "postgresql" ? new PrismaPg({ connectionString: url }) : new PrismaBetterSqlite3({ url });
}

/**
 * The engine describes a PostgreSQL database from its catalogues, some of whose columns have the
 * one-byte type "char" (OID 18, e.g. pg_constraint.contype), which @prisma/adapter-pg 7.10 has no
 * column type for ("Column type 'char' could not be deserialized"). node-postgres already reads
 * it as a string, so report it as text. Only the migration engine's connections are touched.
 */
function readCharAsText(adapter) {
  const performIO = adapter.performIO?.bind(adapter);
  if (!performIO) throw new Error("@prisma/adapter-pg changed shape: performIO is gone (see scripts/schema-engine.mjs)");
  adapter.performIO = async (...args) => {
    const result = await performIO(...args);
    for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
}

/** The engine, and `close()`, which releases its connections (it may hold a lock until then). */
export async function openEngine(url, { quiet = true } = {}) {
  const bg = await loadWasm();
  const adapters = [];
  const base = adapterFactoryFor(url);
  const connect = base.connect.bind(base);
  base.connect = async () => {
    const adapter = await connect();
    if (engineOf(url) === "postgresql") readCharAsText(adapter);
    adapters.push(adapter);
    return adapter;
  };
  const factory = bindMigrationAwareSqlAdapterFactory(base);
  const log = quiet ? () => {} : (m) => console.error(m);
  const engine = await bg.SchemaEngine.new({ datamodels: [[schemaPath, schemaTextFor(engineOf(url))]] }, log, factory);
  const close = async () => {
    for (const adapter of adapters.splice(0)) await adapter.dispose();
  };
  return Object.assign(engine, { close });
}

export function migrationsList(engine = "sqlite") {
  const dir = migrationsDirFor(engine);
  const dirs = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") } },
    })),
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };
