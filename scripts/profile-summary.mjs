// Where a server's CPU time went: reads V8 CPU profiles (`node --cpu-prof`, or the bench with
// BENCH_CPU_PROF=DIR) and prints self time by layer (Node's core, Next's server, Next's bundled
// runtime, React, Prisma, the database driver, our bundle) and the busiest functions.
//
//   node scripts/profile-summary.mjs FILE.cpuprofile [--requests N]
//   (with --requests, also the CPU milliseconds per request of each layer)
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const at = args.indexOf("--requests");
const requests = at >= 0 ? Number(args[at + 1]) : null;
if (!file) {
  console.error("node scripts/profile-summary.mjs FILE.cpuprofile [--requests N]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8"));

/** The layer a frame belongs to, from its script's URL. */
function layer({ url, functionName }) {
  if (!url) {
    if (functionName === "(idle)") return "idle";
    if (functionName === "(garbage collector)") return "garbage collection";
    if (functionName === "(program)") return "V8 / native (program)";
    return "native builtins";
  }
  if (url.startsWith("node:")) return "Node core (http, streams, fetch)";
  if (/node_modules\/next\/dist\/compiled\/next-server\//.test(url)) return "Next: bundled server runtime";
  if (/node_modules\/next\/dist\/compiled\/(undici|@edge-runtime)/.test(url)) return "Next: Web Request/Response (undici)";
  if (/node_modules\/next\/dist\/compiled\//.test(url)) return "Next: other bundled libraries";
  if (/node_modules\/next\/dist\/server\//.test(url)) return "Next: server (routing, base-server)";
  if (/node_modules\/next\/dist\//.test(url)) return "Next: other";
  if (/node_modules\/(react|react-dom|scheduler)\//.test(url)) return "React";
  if (/lib\/generated\/prisma|node_modules\/@prisma\//.test(url)) return "Prisma (client, query compiler, adapter)";
  if (/node_modules\/(better-sqlite3|pg|pg-protocol|pg-pool|pg-types)\//.test(url)) return "database driver";
  if (/node_modules\/@node-rs\/argon2/.test(url)) return "Argon2";
  if (/node_modules\/zod\//.test(url)) return "zod";
  if (/\.next[^/]*\/server\//.test(url)) return "app bundle (route code, bundled libraries)";
  if (/server\.mjs$|scripts\/edge\.mjs$/.test(url)) return "server.mjs (forwarding headers)";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  return pkg ? `package ${pkg[1]}` : "other";
}

// Self time per node: its samples × the sampling intervals that ended on it.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const layers = new Map();
const functions = new Map();
let busy = 0;
for (const [id, micros] of self) {
  const node = byId.get(id);
  const name = layer(node.callFrame);
  layers.set(name, (layers.get(name) ?? 0) + micros);
  if (name === "idle") continue;
  busy += micros;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(\.next[^/]*)/, "$1")}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + micros);
}
const wall = (profile.endTime - profile.startTime) / 1000;
const ms = (micros) => (micros / 1000).toFixed(0);
console.log(`${file}\nwall ${wall.toFixed(0)} ms, busy (not idle) ${ms(busy)} ms${requests ? `, ${requests} requests` : ""}\n`);
console.log(`${"layer".padEnd(46)} ${"self ms".padStart(8)} ${"% busy".padStart(7)}${requests ? "  ms/request" : ""}`);
for (const [name, micros] of [...layers].filter(([n]) => n !== "idle").sort((a, b) => b[1] - a[1]))
  console.log(
    `${name.padEnd(46)} ${ms(micros).padStart(8)} ${((100 * micros) / busy).toFixed(1).padStart(7)}${requests ? `  ${(micros / 1000 / requests).toFixed(3).padStart(10)}` : ""}`,
  );
console.log("\nbusiest functions (self time)");
for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log(`${ms(micros).padStart(7)} ms  ${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${name}`);
