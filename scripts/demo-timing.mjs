// How long `npm run demo` takes a new user to reach a signed-in tablet screen: from a clean
// state (no data/coach.db, no build), runs the demo command, waits for its pairing link, then
// drives Chromium at an iPad's size through pairing and PIN sign-in (Amira Shah, 4827) to the
// staff home screen, and prints the seconds at which each phase ended.
//
//   node scripts/demo-timing.mjs [--dir CHECKOUT] [--port 3610] [--warm] [--label NAME] [-- demo args]
//
// --dir     the checkout to run `npm run demo` in (default: this one), e.g. a fresh clone.
// --warm    keep the build and the database: a second `npm run demo` in the same checkout.
// --label   names the result file, bench/results/demo-timing-<label>.json (default: cold|warm).
// Anything after `--` goes to the demo command (e.g. `-- --production`).
// The demo's data and build are removed before a cold run: never point --dir at a live install.
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, devices } from "@playwright/test";

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const dashes = argv.indexOf("--");
const own = dashes >= 0 ? argv.slice(0, dashes) : argv;
const demoArgs = dashes >= 0 ? argv.slice(dashes + 1) : [];
const option = (name, fallback) => {
  const at = own.indexOf(`--${name}`);
  return at >= 0 ? own[at + 1] : fallback;
};
const dir = path.resolve(option("dir", path.join(here, "..")));
const port = option("port", process.env.PORT ?? "3610");
const warm = own.includes("--warm");
const label = option("label", warm ? "warm" : "cold");

if (!warm) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path.join(dir, "data", `coach.db${suffix}`), { force: true });
  rmSync(path.join(dir, ".next"), { recursive: true, force: true });
}

// Each phase ends at the first output line that matches one of its patterns (both the old demo
// script's output and the current one's).
const phases = [
  { name: "seeded", patterns: [/^Seeded /] },
  { name: "built (or build current)", patterns: [/\(Dynamic\)\s+server-rendered on demand/, /^demo: (build is current|SKIP_BUILD)/] },
  { name: "server up", patterns: [/^Complaint Coach on http/] },
  { name: "pairing link printed", patterns: [/on this computer:\s+http:\/\/\S+\/pair\?code=/] },
];
const marks = {};
const cpu = {};
/**
 * CPU seconds the demo's processes have used so far (Linux): every live process of its group, with
 * the children each has already reaped. On a shared box the wall clock depends on the others'
 * load; this does not, much.
 */
function cpuSeconds(group) {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[2] is the process group; [11..14] utime, stime, cutime, cstime.
      if (Number(fields[2]) !== group) continue;
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100;
}
const mark = (name) => {
  marks[name] = seconds();
  cpu[name] = cpuSeconds(child.pid);
};
const started = performance.now();
const seconds = () => (performance.now() - started) / 1000;
const log = [];
let link;
let linkSeen;
const linkPrinted = new Promise((resolve) => (linkSeen = resolve));

const child = spawn("npm", ["run", "demo", ...(demoArgs.length ? ["--", ...demoArgs] : [])], {
  cwd: dir,
  env: { ...process.env, PORT: port },
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
});
const onLine = (line) => {
  const at = seconds();
  log.push(`${at.toFixed(1).padStart(6)}s  ${line}`);
  for (const phase of phases) {
    if (marks[phase.name] === undefined && phase.patterns.some((p) => p.test(line.trim()))) {
      marks[phase.name] = at;
      cpu[phase.name] = cpuSeconds(child.pid);
    }
  }
  const found = line.match(/on this computer:\s+(http:\/\/\S+\/pair\?code=\S+)/);
  if (found && !link) {
    link = found[1];
    linkSeen();
  }
};
for (const stream of [child.stdout, child.stderr]) {
  let rest = "";
  stream.on("data", (chunk) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop() ?? "";
    lines.forEach(onLine);
  });
}
const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
const stop = () => {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
};

let browser;
let failure;
try {
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("no pairing link within 10 minutes")), 600_000).unref());
  const early = exited.then((code) => Promise.reject(new Error(`the demo exited (${code}) before printing a pairing link`)));
  await Promise.race([linkPrinted, timeout, early]);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ ...devices["iPad (gen 7) landscape"] });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(link);
  await page.getByRole("button", { name: "Pair this tablet" }).waitFor();
  mark("pair page shown");
  await page.getByRole("button", { name: "Pair this tablet" }).click();
  await page.getByTestId("paired-tablet").waitFor();
  mark("paired, sign-in shown");
  // A tap before the page has hydrated does nothing, as on a real tablet: tap again, like a person.
  for (let tap = 1; ; tap++) {
    await page.getByRole("button", { name: /Amira Shah/ }).click();
    const asked = await page
      .getByLabel("PIN", { exact: true })
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (asked) break;
    if (tap === 20) throw new Error("the PIN field never came after 20 taps on Amira Shah");
    marks.extraTaps = tap;
  }
  await page.getByLabel("PIN", { exact: true }).fill("4827");
  await page.getByRole("button", { name: "Go" }).click();
  await page.getByRole("button", { name: /New complaint/ }).waitFor();
  mark("signed in: staff home shown");
  const shot = path.join(here, "..", "bench", "results", `demo-timing-${label}.png`);
  await page.screenshot({ path: shot });
  const csp = (await page.request.get(new URL("/", link).href)).headers()["content-security-policy"] ?? "";
  marks.csp = csp;
  marks.pageErrors = errors;
  // The demo's cookies as the browser kept them: HttpOnly and SameSite as in production, not Secure
  // over plain http (demo mode, docs/decisions/0014-demo-over-plain-http.md).
  marks.cookies = (await context.cookies()).map(({ name, httpOnly, sameSite, secure }) => ({ name, httpOnly, sameSite, secure }));
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
} finally {
  await browser?.close();
  stop();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
}

const order = [...phases.map((p) => p.name), "pair page shown", "paired, sign-in shown", "signed in: staff home shown"];
const rows = order.map((name) => [
  name,
  typeof marks[name] === "number" ? marks[name].toFixed(1) : "—",
  typeof cpu[name] === "number" ? cpu[name].toFixed(1) : "—",
]);
const [load1] = os.loadavg();
const header = `npm run demo ${demoArgs.join(" ")} · ${warm ? "warm (build and database kept)" : "cold (no database, no build)"} · ${os.cpus().length} cores, load ${load1.toFixed(2)} at the end · ${new Date().toISOString()}`;
const table = [
  header,
  "",
  "phase ended                      wall s   demo's CPU s (all its processes)",
  ...rows.map(([n, s, c]) => `  ${n.padEnd(31)}${s.padStart(6)}${c.padStart(15)}`),
].join("\n");
console.log(`\n${table}\n`);
if (failure) console.log(`FAILED: ${failure}\n--- demo output ---\n${log.slice(-40).join("\n")}`);
const out = path.join(here, "..", "bench", "results");
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, `demo-timing-${label}.json`),
  `${JSON.stringify(
    {
      command: `npm run demo ${demoArgs.join(" ")}`.trim(),
      warm,
      cores: os.cpus().length,
      loadAtEnd: load1,
      at: new Date().toISOString(),
      seconds: Object.fromEntries(rows.map(([n, s]) => [n, s === "—" ? null : Number(s)])),
      cpuSeconds: Object.fromEntries(rows.map(([n, , c]) => [n, c === "—" ? null : Number(c)])),
      csp: marks.csp,
      pageErrors: marks.pageErrors,
      extraTaps: marks.extraTaps ?? 0,
      cookies: marks.cookies,
      failure,
      output: log,
    },
    null,
    2,
  )}\n`,
);
process.exit(failure ? 1 : 0);
