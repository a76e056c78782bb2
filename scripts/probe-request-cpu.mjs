// Where an append request's CPU goes, layer by layer, measured as the server process's own CPU
// time (/proc/PID/stat) per request: steadier than throughput on a shared box.
//   node scripts/probe-request-cpu.mjs   (needs the bench build in .next-bench: npm run bench -- --chain-only once)
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PORT = Number(process.env.BENCH_PORT ?? 3690);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.PROBE_SECONDS ?? 4);
const CONNS = 10;
const RATE = Number(process.env.PROBE_RATE ?? 100);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: ".next-bench", INSECURE_COOKIES: "1", NODE_ENV: "production" };
const TICK = 100; // USER_HZ

function cpuMs(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(f[11]) + Number(f[12])) * 1000) / TICK;
}
async function up(child, url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error("did not come up");
}
function start(args, extraEnv = {}) {
  return spawn(process.execPath, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "ignore" });
}
function request(agent, method, urlPath, cookie, body) {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const headers = { cookie: cookie ?? "" };
    if (data) Object.assign(headers, { "content-type": "application/json", "content-length": Buffer.byteLength(data) });
    const req = http.request({ host: "127.0.0.1", port: PORT, path: urlPath, method, agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", () => resolve(0));
    req.end(data);
  });
}
async function flat(pid, name, next) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNS });
  const statuses = {};
  let n = 0;
  const c0 = cpuMs(pid);
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNS }, async (_, conn) => {
      // Paced: every connection sends RATE/CONNS requests a second, so every server is measured at
      // the same request rate (a server's CPU per request falls as it gets busier).
      for (let k = 0; performance.now() < end; k++) {
        const due = t0 + ((k + conn / CONNS) * 1000 * CONNS) / RATE;
        if (due > performance.now()) await sleep(due - performance.now());
        const { method, path: p, cookie, body } = next(conn, n++);
        const s = await request(agent, method, p, cookie, body);
        statuses[s] = (statuses[s] ?? 0) + 1;
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  const cpu = cpuMs(pid) - c0;
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  agent.destroy();
  const row = { name, perSecond: Math.round(total / secs), cpuMsPerRequest: +(cpu / total).toFixed(2), statuses: JSON.stringify(statuses) };
  console.log(
    `${name.padEnd(58)} ${String(row.perSecond).padStart(6)}/s  ${row.cpuMsPerRequest.toFixed(2).padStart(6)} ms CPU/request  ${row.statuses}`,
  );
  return row;
}
const cookiesOf = (r) => r.headers.getSetCookie().map((c) => c.split(";")[0]);

process.on("uncaughtException", (e) => {
  console.error(e);
  process.exit(1);
});
const run = Math.random().toString(36).slice(2, 8);
const rows = [];
console.log(
  `load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}; ${CONNS} connections at ${RATE} requests/s in all, ${SECONDS} s each; server CPU from /proc`,
);
// 1. The bare Next app, under `next start` and under a custom server like server.mjs.
for (const [label, args] of [
  [
    "bare Next route (next start)",
    [
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      path.join(root, "bench/bare-next"),
      "-p",
      String(PORT),
      "-H",
      "127.0.0.1",
    ],
  ],
]) {
  const child = start(args);
  await up(child, `${BASE}/api/ping`);
  const body = { clientEventId: "x", event: { type: "note_added", data: { text: "Note" } } };
  await flat(child.pid, "warm", () => ({ method: "POST", path: "/api/ping", body }));
  rows.push(await flat(child.pid, label, () => ({ method: "POST", path: "/api/ping", body })));
  child.kill("SIGTERM");
  await sleep(800);
}
// 2. The app.
const dbFile = path.join(os.tmpdir(), `probe-${run}.db`);
const url = `file:${dbFile}`;
execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts", "--cases", "0"], {
  cwd: root,
  env: { ...env, DATABASE_URL: url },
  stdio: "ignore",
});
const child = start([path.join(root, "server.mjs"), "-p", String(PORT), "-H", "127.0.0.1"], { DATABASE_URL: url });
await up(child, `${BASE}/sign-in`);
const json = { "content-type": "application/json" };
const admin = await fetch(`${BASE}/api/session/password`, {
  method: "POST",
  headers: json,
  body: JSON.stringify({ email: "admin@example.com", password: "admin-demo-pass" }),
});
const made = await fetch(`${BASE}/api/devices/pairing-codes`, {
  method: "POST",
  headers: { ...json, cookie: cookiesOf(admin).join("; ") },
  body: JSON.stringify({ locationId: "loc-harbour", name: "Probe" }),
});
const paired = await fetch(`${BASE}/api/devices/pair`, {
  method: "POST",
  headers: json,
  body: JSON.stringify({ code: (await made.json()).code }),
});
const device = cookiesOf(paired).join("; ");
const pin = await fetch(`${BASE}/api/session/pin`, {
  method: "POST",
  headers: { ...json, cookie: device },
  body: JSON.stringify({ userId: "usr-amira", pin: "4827", locationId: "loc-harbour" }),
});
const cookie = [device, ...cookiesOf(pin)].join("; ");
// One case per connection, heard, validated, apologised: then notes.
const cases = [];
for (let i = 0; i < CONNS * 3; i++) {
  const caseId = `c${run}${String(i).padStart(20, "0")}`;
  const o = await fetch(`${BASE}/api/cases`, {
    method: "POST",
    headers: { ...json, cookie },
    body: JSON.stringify({ clientEventId: `o-${run}-${i}`, caseId, locationId: "loc-harbour" }),
  });
  if (!o.ok) throw new Error(`open ${o.status} ${await o.text()}`);
  const h = await fetch(`${BASE}/api/cases/${caseId}/events`, {
    method: "POST",
    headers: { ...json, cookie },
    body: JSON.stringify({
      clientEventId: `h-${run}-${i}`,
      event: {
        type: "complaint_heard",
        data: { customerWords: "Cold food", category: "food_quality", severity: 2, spot: "Table 1", mood: "upset" },
      },
    }),
  });
  if (!h.ok) throw new Error(`heard ${h.status} ${await h.text()}`);
  cases.push(caseId);
}
let notes = 0;
const note = (conn) => ({
  method: "POST",
  path: `/api/cases/${cases[conn]}/events`,
  cookie,
  body: { clientEventId: `n-${run}-${notes++}`, event: { type: "note_added", data: { text: `Note ${notes}` } } },
});
await flat(child.pid, "warm", note);
rows.push(
  await flat(child.pid, "app: POST events, no cookie (401 before any work)", (c, n) => ({
    method: "POST",
    path: `/api/cases/${cases[c]}/events`,
    body: { x: n },
  })),
);
rows.push(
  await flat(child.pid, "app: POST events, signed in, body fails zod (400)", (c, n) => ({
    method: "POST",
    path: `/api/cases/${cases[c]}/events`,
    cookie,
    body: { x: n },
  })),
);
rows.push(
  await flat(child.pid, "app: POST events, signed in, step refused (unknown case 404)", (c, n) => ({
    method: "POST",
    path: `/api/cases/nope${c}/events`,
    cookie,
    body: { clientEventId: `z-${run}-${n}`, event: { type: "note_added", data: { text: "x" } } },
  })),
);
rows.push(await flat(child.pid, "app: append a note (201)", note));
rows.push(await flat(child.pid, "app: append a note, 50 more cases' worth (201)", (c) => note(c + CONNS)));
child.kill("SIGTERM");
await sleep(800);
{
  const plain = start([path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    DATABASE_URL: url,
  });
  await up(plain, `${BASE}/sign-in`);
  await flat(plain.pid, "warm", note);
  rows.push(
    await flat(plain.pid, "app under next start: POST events, no cookie (401)", (c, n) => ({
      method: "POST",
      path: `/api/cases/${cases[c]}/events`,
      body: { x: n },
    })),
  );
  rows.push(await flat(plain.pid, "app under next start: append a note (201)", (c) => note(c + 2 * CONNS)));
  plain.kill("SIGTERM");
}
process.exit(0);
