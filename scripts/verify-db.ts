// Checks a database the app wrote: SQLite's own integrity check, then every case's log (numbered
// 1..n) and projection (equal to the fold of its log). Use it after a restore or a crash.
// Usage: npm run db:verify [-- file:path.db | postgresql://…] [--json]     (default DATABASE_URL, or data/coach.db)
import Database from "better-sqlite3";
import { configureSqlite, createDb, defaultDatabaseUrl, engineOfUrl } from "@/lib/db/client";
import { checkCaseLogs } from "@/lib/cases/check-case-logs";

async function main() {
  const args = process.argv.slice(2);
  const url = args.find((a) => a.startsWith("file:") || /^postgres(ql)?:\/\//.test(a)) ?? defaultDatabaseUrl();
  // SQLite's own page-level check; PostgreSQL checks its pages itself (and pg_amcheck does more).
  let integrity: unknown = "ok";
  if (engineOfUrl(url) === "sqlite") {
    const sqlite = new Database(url.slice("file:".length), { readonly: true, fileMustExist: true });
    integrity = sqlite.pragma("integrity_check", { simple: true });
    sqlite.close();
  }
  const db = createDb(url);
  try {
    await configureSqlite(db);
    const result = await checkCaseLogs(db);
    const summary = { url, integrity, ...result };
    if (args.includes("--json")) console.log(JSON.stringify(summary));
    else {
      console.log(
        `${url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}: integrity ${integrity}; ${result.cases} cases, ${result.events} events checked`,
      );
      for (const problem of result.problems) console.log(`  ✗ ${problem}`);
      if (!result.problems.length) console.log("  ✓ every projection equals the fold of its log");
    }
    if (integrity !== "ok" || result.problems.length) process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
