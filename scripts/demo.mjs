// `npm run demo`: everything a fresh clone needs, then the app on http://localhost:3000.
// Installs dependencies if missing, migrates and seeds the embedded SQLite database
// (data/coach.db), builds for production and serves.
import { execSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { root } from "./schema-engine.mjs";

const run = (cmd) => execSync(cmd, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });

if (!existsSync(path.join(root, "node_modules", ".package-lock.json"))) run("npm install --no-audit --no-fund");
if (!existsSync(path.join(root, "lib", "generated", "prisma", "client.ts"))) run("node scripts/prisma-generate.mjs");
run("npx tsx scripts/seed.ts");
if (process.env.SKIP_BUILD !== "1") run("npx next build");
const port = process.env.PORT ?? "3000";
console.log(`\nComplaint Coach is on http://localhost:${port} — demo sign-in details are in README.md\n`);
const server = spawn("npx", ["next", "start", "-p", port], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
