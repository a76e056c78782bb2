// A consistent copy of the live database while the app runs: `npm run backup`.
//
// SQLite's `VACUUM INTO` copies the database as one read transaction: in WAL mode it does not
// block the app's writes, and the copy holds exactly the committed state at one instant (never
// half of an append). The copy is then opened and checked (`PRAGMA integrity_check`).
// Restoring is in the README ("Back up and restore").
//
// Usage: npm run backup [-- --out DIR]      (source: DATABASE_URL, or data/coach.db)
// Prints the path of the copy; exits non-zero if the copy fails its check.
import Database from "better-sqlite3";
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// As scripts/database-url.mjs decides (not imported: it loads the schema engine).
const databaseUrl = () => process.env.DATABASE_URL ?? `file:${path.join(root, "data", "coach.db")}`;

/** Copies `sourceFile` into `outFile` and checks the copy; returns the check's answer. */
export function backupDatabase(sourceFile, outFile) {
  mkdirSync(path.dirname(outFile), { recursive: true });
  rmSync(outFile, { force: true });
  const source = new Database(sourceFile, { fileMustExist: true, timeout: 10_000 });
  try {
    source.prepare("VACUUM INTO ?").run(outFile);
  } finally {
    source.close();
  }
  const copy = new Database(outFile, { readonly: true });
  try {
    return copy.pragma("integrity_check", { simple: true });
  } finally {
    copy.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  const outDir = outAt >= 0 ? path.resolve(args[outAt + 1]) : path.join(root, "backups");
  const url = databaseUrl();
  if (!url.startsWith("file:")) throw new Error(`Only SQLite files can be backed up this way (DATABASE_URL is ${url})`);
  const sourceFile = path.resolve(url.slice("file:".length));
  const stamp = new Date()
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
  const outFile = path.join(outDir, `coach-${stamp}.db`);
  const started = performance.now();
  const check = backupDatabase(sourceFile, outFile);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const megabytes = (statSync(outFile).size / 1e6).toFixed(1);
  if (check !== "ok") {
    console.error(`Backup ${outFile} FAILED its integrity check: ${check}`);
    process.exit(1);
  }
  console.log(`Backed up ${sourceFile} to ${path.relative(process.cwd(), outFile)} (${megabytes} MB, ${seconds} s, integrity ok)`);
}
