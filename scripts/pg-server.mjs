// A throwaway PostgreSQL server for tests and benches: initdb into a temporary folder and pg_ctl it
// on loopback. PostgreSQL refuses to run as root, so as root it runs through a non-root user
// (`postgres`, which Debian's package creates, else `nobody`). Nothing here listens beyond 127.0.0.1.
//
//   node scripts/pg-server.mjs start [PORT]   prints DATABASE_URL=…, leaves it running (stop with `stop DIR`)
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const CANDIDATE_BINS = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];

export function postgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const found = CANDIDATE_BINS.find((dir) => existsSync(path.join(dir, "initdb")));
  if (found) return found;
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort().reverse() : [];
  for (const v of versions) if (existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) return `/usr/lib/postgresql/${v}/bin`;
  throw new Error("PostgreSQL's server programs (initdb, pg_ctl) were not found: apt-get install postgresql, or set PG_BIN");
}

/** The user the server runs as when we are root: Debian's `postgres`, else `nobody`. */
function serverUser() {
  if (process.getuid?.() !== 0) return null;
  for (const name of ["postgres", "nobody"]) {
    const r = spawnSync("id", ["-u", name], { encoding: "utf8" });
    if (r.status === 0)
      return { name, uid: Number(r.stdout.trim()), gid: Number(spawnSync("id", ["-g", name], { encoding: "utf8" }).stdout.trim()) };
  }
  throw new Error("Running as root and no non-root user (postgres, nobody) to run PostgreSQL as");
}

function run(user, bin, args, options = {}) {
  const program = path.join(postgresBin(), bin);
  const [cmd, argv] = user ? ["runuser", ["-u", user.name, "--", program, ...args]] : [program, args];
  return execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", ...options });
}

/**
 * Starts a fresh server on 127.0.0.1:port with a trusting local superuser `coach` (loopback only,
 * a temporary cluster), with `settings` ("name=value") added. Returns its admin URL and stop().
 */
export function startPostgres({ port, dir, settings = [] } = {}) {
  if (!port) throw new Error("startPostgres needs a port");
  const user = serverUser();
  const base = dir ?? mkdtempSync(path.join(os.tmpdir(), "coach-pg-"));
  const data = path.join(base, "data");
  const sockets = path.join(base, "sock");
  // The non-root user must be able to reach the folder (mkdtemp makes it 0700, owned by root).
  chmodSync(base, 0o755);
  execFileSync("mkdir", ["-p", sockets]);
  if (user) {
    chownSync(base, user.uid, user.gid);
    chownSync(sockets, user.uid, user.gid);
  }
  run(user, "initdb", ["-D", data, "-U", "coach", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const opts = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${sockets}`,
    // A test server: nothing must survive a power cut, so skip the waits for the disk.
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
    "-c max_connections=300 -c shared_buffers=64MB",
    // More settings for one run (a bench that logs autovacuum, say): "name=value" each.
    ...settings.map((setting) => `-c ${setting}`),
  ].join(" ");
  run(user, "pg_ctl", ["-D", data, "-l", path.join(base, "server.log"), "-o", opts, "-w", "-t", "60", "start"]);
  const url = `postgresql://coach@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(user, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Already gone.
    }
    rmSync(base, { recursive: true, force: true });
  };
  // A test run that is killed still takes its server with it.
  process.once("exit", stop);
  return { url, port, dir: base, stop };
}

/** A URL for database `name` on the same server as `url`. */
export function databaseUrlFor(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, arg] = process.argv.slice(2);
  if (command === "start") {
    const server = startPostgres({ port: Number(arg ?? 5460) });
    process.removeAllListeners("exit");
    console.log(`DATABASE_URL=${server.url}\nPG_DIR=${server.dir}`);
  } else if (command === "stop") {
    const data = path.join(arg, "data");
    run(serverUser(), "pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    rmSync(arg, { recursive: true, force: true });
  } else {
    console.error("node scripts/pg-server.mjs start [PORT] | stop DIR");
    process.exit(2);
  }
}
