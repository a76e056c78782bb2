import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..", "..");
const script = path.join(root, "scripts", "pg-server.mjs");

export type E2EPostgres = { url: string; stop(): void };

/**
 * A throwaway PostgreSQL server on 127.0.0.1:port (scripts/pg-server.mjs, run as its own command:
 * Playwright's loader would turn the ES module into CommonJS and break it).
 */
export function startE2EPostgres(port: number): E2EPostgres {
  const out = execFileSync(process.execPath, [script, "start", String(port)], { cwd: root, encoding: "utf8" });
  const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
  const dir = /PG_DIR=(\S+)/.exec(out)?.[1];
  if (!url || !dir) throw new Error(`scripts/pg-server.mjs said: ${out}`);
  let stopped = false;
  return {
    url,
    stop() {
      if (stopped) return;
      stopped = true;
      execFileSync(process.execPath, [script, "stop", dir], { cwd: root, stdio: "ignore" });
    },
  };
}

/** The URL of database `name` on the same server. */
export function databaseOn(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
