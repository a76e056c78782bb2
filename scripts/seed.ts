// Migrates, then seeds the reference data and a few hundred realistic demo cases.
// Usage: npx tsx scripts/seed.ts [--cases N] [--days N] [--now ISO-DATE] [--no-live-heads-up]
// Uses DATABASE_URL, or data/coach.db. Idempotent: a second run adds nothing.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { configureSqlite, createDb, defaultDatabaseUrl } from "@/lib/db/client";
import { seedDemoCases } from "@/prisma/seed/demo-cases";
import { seedReferenceData } from "@/prisma/seed/reference-data";
import { seedTrainingLibrary } from "@/prisma/seed/training";
import { seedHeadsUps } from "@/prisma/seed/heads-ups";
import { seedHeldSteps } from "@/prisma/seed/held-steps";

/**
 * scripts/migrate.mjs in its own process. Calling its `migrate()` here would leave the schema
 * engine's SQLite connection open, holding a lock that makes every later write SQLITE_BUSY.
 * `--liftoff-only`: the schema engine's WebAssembly runs on V8's baseline compiler alone. The
 * engine runs for a second; the optimising compiler's work on it (on background threads) was
 * half of the process's CPU, 0.65 of 1.3 s, and never paid back (docs/decisions/0032).
 */
function migrateInChildProcess(url: string): void {
  const script = path.join(__dirname, "migrate.mjs");
  const out = execFileSync(process.execPath, ["--liftoff-only", script, url], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (out.includes("Applied")) process.stdout.write(out);
}

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

function intFlag(name: string, fallback: number): number {
  const raw = flag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const started = performance.now();
  const count = intFlag("cases", 320);
  const days = intFlag("days", 90);
  const nowFlag = flag("now");
  // The demo's "today" is the real today, so the open cases are live on the home page.
  const now = nowFlag ? new Date(nowFlag) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be a date, got "${nowFlag}"`);

  const url = defaultDatabaseUrl();
  migrateInChildProcess(url);
  const db = createDb(url);
  try {
    await configureSqlite(db);
    await seedReferenceData(db);
    const result = await seedDemoCases(db, { count, days, now });
    const library = await seedTrainingLibrary(db);
    // A live heads-up for the demo; the browser tests start without one (--no-live-heads-up).
    const headsUps = await seedHeadsUps(db, { now, live: !process.argv.includes("--no-live-heads-up") });
    // Steps that reached the server after their case had moved on, for the manager to review.
    const heldSteps = await seedHeldSteps(db, { now });
    const [cases, events] = await Promise.all([db.case.count(), db.caseEvent.count()]);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${url}: ${result.casesCreated} new cases, ${result.eventsWritten} new events (${result.casesSkipped} of ${result.cases} already there); database holds ${cases} cases, ${events} events; ${library.items} cases in ${library.collections} library collections; ${headsUps.raised} heads-ups, ${headsUps.told} tables told; ${heldSteps.held} held steps; ${seconds}s`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
