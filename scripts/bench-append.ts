// The append path without HTTP (decision 0023): `npx tsx --conditions=react-server scripts/bench-append.ts [--engine sqlite|postgresql] [--cases 3] [--steps 210] [--openings 40]`
//
// One tablet's work per step as the events route does it — the session looked up from its token,
// then appendEvent — on a freshly seeded database, cases walked one step at a time. For steps
// 2–11 and 200–209 it reports the median wall time and the median CPU time of this process per
// append (CPU time is steadier than wall time on a shared machine: other processes do not count).
// PostgreSQL: a throwaway server on BENCH_PG_PORT (default 5461). Not a test; nothing fails.
// COACH_APPEND_HOT_PATH=off: every step through Prisma, without the raw-SQL hot path (decision
// 0029), for an A/B in one sitting — run it with and without, alternately.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { percentile } from "../bench/stats";
import { createSession, resolveSession } from "../lib/auth/sessions";
import { appendEvent } from "../lib/cases/append-event";
import { openCase } from "../lib/cases/open-case";
import { startBackgroundCheckpoints } from "../lib/db/checkpoints";
import { configureSqlite, createDb, type Db } from "../lib/db/client";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const ENGINE = arg("engine", "sqlite");
const CASES = Number(arg("cases", "3"));
const STEPS = Number(arg("steps", "210"));
const OPENINGS = Number(arg("openings", "40"));
const root = path.resolve(__dirname, "..");

const heard = {
  type: "complaint_heard",
  data: { customerWords: "Our food is cold", category: "food_quality", severity: 2, spot: "Table 9", mood: "upset" },
};

async function run(url: string) {
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts", "--cases", "0"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  const db: Db = createDb(url);
  if (ENGINE === "sqlite") await configureSqlite(db);
  // As the server does (getDb): checkpoints on a worker thread. BENCH_CHECKPOINTS=inline for SQLite's default, to A/B it.
  if (process.env.BENCH_CHECKPOINTS !== "inline") await startBackgroundCheckpoints(db);
  const { token } = await createSession(db, "usr-amira", "loc-harbour");
  const early: { wall: number[]; cpu: number[] } = { wall: [], cpu: [] };
  const late: { wall: number[]; cpu: number[] } = { wall: [], cpu: [] };
  const all: number[] = [];
  for (let k = -1; k < CASES; k++) {
    // Case -1 warms up (JIT, statement caches) and is not counted.
    const actor = await resolveSession(db, token);
    if (!actor) throw new Error("no session");
    const { caseId } = await openCase(db, actor, { clientEventId: `bench-open-${k}` });
    for (let step = 1; step < STEPS; step++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const who = await resolveSession(db, token);
      if (!who) throw new Error("no session");
      await appendEvent(db, who, caseId, {
        clientEventId: `bench-step-${k}-${step}`,
        event: step === 1 ? heard : { type: "note_added", data: { text: `Note ${step}` } },
      });
      const wall = performance.now() - t0;
      const used = process.cpuUsage(cpu0);
      const cpu = (used.user + used.system) / 1000;
      if (k < 0) continue;
      all.push(wall);
      const bucket = step >= 2 && step < 12 ? early : step >= 200 && step < 210 ? late : null;
      bucket?.wall.push(wall);
      bucket?.cpu.push(cpu);
    }
  }
  // Openings (POST /api/cases: the hot path's opening, decision 0029), one in twelve requests in the chain bench.
  const opening: { wall: number[]; cpu: number[] } = { wall: [], cpu: [] };
  for (let k = 0; k < OPENINGS; k++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const who = await resolveSession(db, token);
    if (!who) throw new Error("no session");
    await openCase(db, who, { clientEventId: `bench-opening-${k}` });
    opening.wall.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    opening.cpu.push((used.user + used.system) / 1000);
  }
  await db.$disconnect();
  const med = (xs: number[]) =>
    Math.round(
      percentile(
        [...xs].sort((a, b) => a - b),
        50,
      ) * 100,
    ) / 100;
  const line = (name: string, b: { wall: number[]; cpu: number[] }) =>
    `  ${name}: wall p50 ${med(b.wall)} ms, CPU p50 ${med(b.cpu)} ms (${b.wall.length} appends)`;
  process.stdout.write(`${ENGINE}: session lookup + appendEvent, ${CASES} cases of ${STEPS} steps\n`);
  const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
  process.stdout.write(
    `  all steps: wall p50 ${med(all)} ms, mean ${mean(all)} ms (a checkpoint on this thread shows in the mean)\n${line("steps 2–11", early)}\n${line("steps 200–209", late)}\n`,
  );
  process.stdout.write(`${line("openings (session + openCase)", opening).replace("appends", "openings")}\n`);
  process.stdout.write(
    `  200th/2nd: wall ${Math.round((med(late.wall) / med(early.wall)) * 100) / 100}×, CPU ${Math.round((med(late.cpu) / med(early.cpu)) * 100) / 100}×\n`,
  );
}

async function main() {
  if (ENGINE === "postgresql") {
    const { startPostgres } = await import("./pg-server.mjs");
    const pg = startPostgres({ port: Number(process.env.BENCH_PG_PORT ?? 5461) });
    try {
      await run(pg.url);
    } finally {
      pg.stop();
    }
  } else {
    const dir = path.join(os.tmpdir(), "complaint-coach-bench-append");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await run(`file:${path.join(dir, "append.db")}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
