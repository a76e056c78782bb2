// `npm run demo`: everything a fresh clone needs, then the app on http://localhost:3000.
// Installs dependencies if missing, migrates and seeds the embedded SQLite database
// (data/coach.db), builds for production, serves (server.mjs, in demo mode: sign-in works over
// plain http on your own network, docs/decisions/0014-demo-over-plain-http.md) and prints a
// one-time link that pairs a browser or a tablet to The Harbour Kitchen.
import { execSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { root } from "./schema-engine.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", COACH_DEMO: "1" };
const run = (cmd) => execSync(cmd, { cwd: root, stdio: "inherit", env });

if (!existsSync(path.join(root, "node_modules", ".package-lock.json"))) run("npm install --no-audit --no-fund");
if (!existsSync(path.join(root, "lib", "generated", "prisma", "client.ts"))) run("node scripts/prisma-generate.mjs");
run("npx tsx --conditions=react-server scripts/seed.ts");
if (process.env.SKIP_BUILD !== "1") run("npx next build");
const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [path.join(root, "server.mjs"), "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: { ...env, PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

// Once it answers: a pairing link for the first demo venue, so the sign-in screen lists its team.
const until = Date.now() + 60_000;
while (Date.now() < until) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/sign-in`)).ok) break;
  } catch {
    // not up yet
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}
run(`npx tsx --conditions=react-server scripts/pairing-code.ts --location loc-harbour --name "Demo tablet" --minutes 60`);
console.log(
  `Complaint Coach is on http://localhost:${port} — open the pairing link above, then sign in as Amira Shah with PIN 4827 (all demo sign-ins: docs/demo-credentials.md).\n`,
);
