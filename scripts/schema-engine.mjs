// Prisma's schema engine as WebAssembly: migrations without downloading a native binary.
// See docs/decisions/0002-offline-migrations.md.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const schemaPath = path.join(root, "prisma", "schema.prisma");
export const migrationsDir = path.join(root, "prisma", "migrations");

let wasm;
function loadWasm() {
  wasm ??= instantiateWasm();
  return wasm;
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

/** The engine, and `close()`, which releases its connections (it may hold a lock until then). */
export async function openEngine(url, { quiet = true } = {}) {
  const bg = await loadWasm();
  const adapters = [];
  const sqlite = new PrismaBetterSqlite3({ url });
  const connect = sqlite.connect.bind(sqlite);
  sqlite.connect = async () => {
    const adapter = await connect();
    adapters.push(adapter);
    return adapter;
  };
  const factory = bindMigrationAwareSqlAdapterFactory(sqlite);
  const log = quiet ? () => {} : (m) => console.error(m);
  const engine = await bg.SchemaEngine.new({ datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] }, log, factory);
  const close = async () => {
    for (const adapter of adapters.splice(0)) await adapter.dispose();
  };
  return Object.assign(engine, { close });
}

export function migrationsList() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") } },
    })),
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };
