// `npm run demo`: everything a fresh clone needs, then the app on http://localhost:3000.
// Installs dependencies if missing, migrates and seeds the embedded SQLite database
// (data/coach.db) while it builds for production, serves (server.mjs, in demo mode: sign-in works
// over plain http on your own network, docs/decisions/0014-demo-over-plain-http.md) and prints a
// one-time link that pairs a browser or a tablet to The Harbour Kitchen.
//
// The build is skipped when the build folder already holds one made from these exact sources
// (scripts/demo-build.mjs), and the demo's build leaves Next's type check to `npm run typecheck`:
// docs/decisions/0032-demo-within-a-minute.md.
//
//   npm run demo [-- --rebuild]      --rebuild: build even when the build is current
import { execSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildIsCurrent, buildKey, recordBuild } from "./demo-build.mjs";
import { root } from "./schema-engine.mjs";

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)}s`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", COACH_DEMO: "1" };
const run = (cmd) => execSync(cmd, { cwd: root, stdio: "inherit", env });
const children = new Set();

/** Runs a command; resolves with its output when `capture` (else shown as it comes), rejects if it fails. */
function background(cmd, args, { capture = false, extraEnv = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"], env: { ...env, ...extraEnv } });
    children.add(child);
    let out = "";
    child.stdout?.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(cmd)} ${args.join(" ")} failed (${signal ?? code})`));
    });
  });
}
const stopAll = (signal = "SIGTERM") => children.forEach((child) => child.kill(signal));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(signal));

if (!existsSync(path.join(root, "node_modules", ".package-lock.json"))) run("npm install --no-audit --no-fund");
if (!existsSync(path.join(root, "lib", "generated", "prisma", "client.ts"))) run("node scripts/prisma-generate.mjs");

// The TypeScript scripts run in node with tsx's loader, and the build in node with next's own bin:
// `npx tsx` starts npm and then tsx's launcher before the node that does the work, about 0.9 s of
// CPU each time, taken from the build that runs beside them. `--liftoff-only` keeps V8's
// optimising compiler off the WebAssembly (Prisma's query compiler): in these short runs its work
// cost more CPU than it saved (docs/decisions/0032).
const tsx = (script, ...args) => [process.execPath, ["--liftoff-only", "--conditions=react-server", "--import", "tsx", script, ...args]];

// The database and the build do not need each other: seed while building.
const seeded = background(...tsx("scripts/seed.ts"));
const distDir = path.resolve(root, process.env.NEXT_DIST_DIR ?? ".next");
const key = buildKey(root);
let built;
if (process.env.SKIP_BUILD === "1") {
  console.log("demo: SKIP_BUILD=1, serving the build that is there");
  built = Promise.resolve();
} else if (!process.argv.includes("--rebuild") && buildIsCurrent(distDir, key)) {
  console.log(`demo: build is current (sources ${key.slice(0, 12)}), skipping next build`);
  built = Promise.resolve();
} else {
  console.log("demo: building for production while the database is seeded (the first run takes a while)");
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  built = background(process.execPath, [next, "build"], { extraEnv: { COACH_DEMO_BUILD: "1" } }).then(() => recordBuild(distDir, key));
}
const fail = (error) => {
  stopAll();
  console.error(`demo: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
};
seeded.catch(fail);
await built.catch(fail);

// The server needs only the build; the pairing link needs the seeded database and the server.
console.log(`demo: starting the server (built after ${elapsed()})`);
const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [path.join(root, "server.mjs"), "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: { ...env, PORT: port },
});
children.add(server);
server.on("exit", (code) => {
  stopAll();
  process.exit(code ?? 0);
});

// Up when it answers; /sw.js is a file, so polling it never touches the database while it is seeded.
const up = (async () => {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/sw.js`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer on port ${port} within two minutes`);
})();
// A pairing link for the first demo venue, so the sign-in screen lists its team.
const pairing = seeded.then(() =>
  background(...tsx("scripts/pairing-code.ts", "--location", "loc-harbour", "--name", "Demo tablet", "--minutes", "60"), {
    capture: true,
    extraEnv: { PORT: port },
  }),
);
const [link] = await Promise.all([pairing, up]).catch(fail);
process.stdout.write(link);
console.log(
  `Complaint Coach is on http://localhost:${port} (ready after ${elapsed()}) — open the pairing link above, then sign in as Amira Shah with PIN 4827 (all demo sign-ins: docs/demo-credentials.md).\n`,
);
