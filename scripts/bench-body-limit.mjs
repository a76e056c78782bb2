// Oversized request bodies (issue 10.3): `node scripts/bench-body-limit.mjs [--dir PROJECT] [--dist DIST] [--port N] [--mb 100] [--posts 3] [--label TEXT]`
//
// Starts `next start` from an existing production build (PROJECT/DIST, default this checkout's
// .next-bench, as `npm run bench` leaves it), then sends --posts POSTs of --mb MB at once to the
// unauthenticated PIN sign-in, as an attacker would: each keeps sending until the server answers.
// Prints how long the server took to answer them all, how much was sent, and its memory (RSS of
// the next-server process: before, peak during, after), then a small request's time; appends
// the run to bench/results/body-limit.json (the last six are kept). Pointing
// --dir at a checkout of an older commit measures the "before" on the same machine and load.
//
// Traffic goes to 127.0.0.1 only; the server is stopped at the end. Not a test.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const root = path.resolve(option("dir", path.resolve(import.meta.dirname, "..")));
const dist = option("dist", ".next-bench");
const port = Number(option("port", process.env.BENCH_PORT ?? 3390));
const megabytes = Number(option("mb", 100));
const posts = Number(option("posts", 3));
const label = option("label", root);
const base = `http://127.0.0.1:${port}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

if (!existsSync(path.join(root, dist, "BUILD_ID"))) {
  console.error(
    `No build in ${path.join(root, dist)}: run \`npm run bench -- --page-only\` (or next build with NEXT_DIST_DIR=${dist}) there first.`,
  );
  process.exit(1);
}

// An empty, migrated database (the sign-in never gets as far as reading it).
const work = path.join(os.tmpdir(), `complaint-coach-body-limit-${port}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const template = path.resolve(import.meta.dirname, "..", "tests", ".tmp", "template.db");
const db = path.join(work, "bench.db");
if (existsSync(template)) copyFileSync(template, db);

/** The next-server process under `pid` (npx → sh → next-server), for its memory. */
function serverPid(pid) {
  const children = (p) => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    try {
      if (readFileSync(`/proc/${p}/cmdline`, "utf8").includes("next-server")) return p;
    } catch {
      /* gone */
    }
    queue.push(...children(p));
  }
  return null;
}
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

function request(pathName, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${pathName}`,
      { method: body === undefined ? "GET" : "POST", headers: { origin: base, "content-type": "application/json", ...headers } },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** One oversized POST that keeps sending until the server answers (or all is sent). */
function hugePost(total) {
  const started = performance.now();
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const req = http.request(
      `${base}/api/session/pin`,
      { method: "POST", headers: { origin: base, "content-type": "application/json", "content-length": total } },
      (res) => {
        answered = true;
        res.resume();
        res.on("end", () => {
          resolve({ status: res.statusCode, ms: performance.now() - started, sentMb: sent / 1048576 });
          req.destroy();
        });
      },
    );
    req.on("error", (error) =>
      resolve({ status: `error ${error.code ?? error.message}`, ms: performance.now() - started, sentMb: sent / 1048576 }),
    );
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const pump = () => {
      while (!answered && sent < total) {
        const size = Math.min(chunk.length, total - sent);
        sent += size;
        if (!req.write(size === chunk.length ? chunk : chunk.subarray(0, size))) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_DIST_DIR: dist,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: `file:${db}`,
  INSECURE_COOKIES: "1",
};
const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: "ignore", detached: true });
const stop = () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
};
process.on("exit", stop);

try {
  for (let i = 0; ; i++) {
    if (i > 120) throw new Error("the server did not start");
    const up = await request("/sign-in").catch(() => null);
    if (up) break;
    await sleep(500);
  }
  const pid = serverPid(server.pid);
  if (!pid) throw new Error("no next-server process found");
  // Warm up the route, then settle.
  for (let i = 0; i < 5; i++)
    await request("/api/session/pin", { body: JSON.stringify({ userId: "nobody", pin: "0000", locationId: "nowhere" }) });
  await sleep(1000);
  const before = rssMb(pid);

  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 25);
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: posts }, () => hugePost(megabytes * 1048576)));
  const allMs = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  await sleep(2000);
  const after = rssMb(pid);
  const normalStart = performance.now();
  const normal = await request("/api/session/pin", { body: JSON.stringify({ userId: "nobody", pin: "0000", locationId: "nowhere" }) });
  const normalMs = performance.now() - normalStart;

  console.log(`Body limit bench: ${posts} × ${megabytes} MB to POST /api/session/pin, ${label}`);
  console.log(
    `  answers: ${answers.map((a) => `${a.status} after ${(a.ms / 1000).toFixed(2)} s, ${a.sentMb.toFixed(1)} MB sent`).join("; ")}`,
  );
  console.log(`  all answered in ${(allMs / 1000).toFixed(2)} s`);
  console.log(`  server RSS: ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB peak, ${after.toFixed(0)} MB 2 s after`);
  console.log(`  then a small request: ${normal.status} in ${normalMs.toFixed(0)} ms`);
  const results = path.resolve(import.meta.dirname, "..", "bench", "results");
  mkdirSync(results, { recursive: true });
  const file = path.join(results, "body-limit.json");
  const runs = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).runs : [];
  runs.push({
    when: new Date().toISOString(),
    label,
    posts,
    megabytes,
    answers,
    allMs,
    rssMb: { before, peak, after },
    smallRequestMs: normalMs,
  });
  writeFileSync(file, `${JSON.stringify({ command: "node scripts/bench-body-limit.mjs", runs: runs.slice(-6) }, null, 2)}\n`);
  console.log(`Saved ${path.relative(process.cwd(), file)}`);
} finally {
  stop();
}
process.exit(0);
