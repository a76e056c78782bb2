// The server Playwright tests run against: its own SQLite file, freshly migrated and seeded,
// a production build, on E2E_PORT (3100). Playwright starts and stops it (playwright.config.ts).
// Separate ports (and NEXT_DIST_DIR build folders) let several checkouts test side by side.
import { execSync, spawn } from "node:child_process";
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { root } from "./schema-engine.mjs";

const port = process.env.E2E_PORT ?? "3100";
const dbFile = path.join(root, "tests", ".tmp", port === "3100" ? "e2e.db" : `e2e-${port}.db`);
mkdirSync(path.dirname(dbFile), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, NEXT_TELEMETRY_DISABLED: "1", INSECURE_COOKIES: "1" };
const run = (cmd) => execSync(cmd, { cwd: root, stdio: "inherit", env });

run("npx tsx --conditions=react-server scripts/seed.ts --cases 60 --no-live-heads-up");
if (process.env.E2E_SKIP_BUILD !== "1") run("npx next build");
// server.mjs, as `npm start` runs it: forwarding headers from clients are not believed (no TRUSTED_PROXIES).
const server = spawn(process.execPath, [path.join(root, "server.mjs"), "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
