// Redaction bench (issue 10.4): `npx tsx scripts/bench-redaction.ts [--runs 15] [--cases 300]`
//
// What the NLP-based masking (lib/cases/redact.ts) costs the trainer's pages, against the old
// regular-expression masking (bench/redact-before-issue-10.ts) in the same run:
//  - a replay of a long case: every free-text field at its maximum length (2,000 characters of
//    what the customer said, 30 manager's notes of 1,000 and 10 of 2,000), names, numbers and
//    addresses scattered through it; the redaction alone, and getReplay (the page's use-case) whole;
//  - the demo's past cases (300 by default): every text redacted as a replay would show it, and
//    as scores are computed (contact details only); getProgress and listReplayCases (the
//    trainer's list, and a text search) whole.
//
// Prints a table and saves bench/results/redaction.json. Not a test: nothing fails on a slow number.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { redactEvents as redactBefore } from "../bench/redact-before-issue-10";
import { measure, table, type Summary } from "../bench/stats";
import { forgetSeenTexts, redactEvents } from "../lib/cases/redact";
import { appendEvent } from "../lib/cases/append-event";
import { loadCaseLog } from "../lib/cases/case-log";
import { configureSqlite, createDb, type Db } from "../lib/db/client";
import { addManagerNote } from "../lib/manager/add-manager-note";
import type { PlaybookEvent, RecordedEvent } from "../lib/playbook";
import { seedDemoCases } from "../prisma/seed/demo-cases";
import { seedReferenceData } from "../prisma/seed/reference-data";
import { actorFor } from "../tests/support/actors";
import { loadLogs } from "../lib/training/common";
import { getProgress } from "../lib/training/get-progress";
import { getReplay } from "../lib/training/get-replay";
import { listReplayCases } from "../lib/training/list-replay-cases";
import { recordCase } from "../tests/support/record-case";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = arg("runs", 15);
const CASES = arg("cases", 300);
const WARMUP = 2;

/** Complaint prose with the details a trainer must not see mixed in, cut to `length` characters. */
function prose(length: number, seed: number): string {
  const sentences = [
    "We waited forty minutes for the mains and nobody came to explain why.",
    `My name is Jane Doe${seed} and I booked table 12 for 19:30 three weeks ago.`,
    "The steak was cold in the middle and the chips were soggy.",
    `Call me on 07700 900${String(100 + (seed % 800)).padStart(3, "0")} or email jane.doe${seed}@example.com about the refund.`,
    "The waiter, Liam, said the kitchen was short-staffed tonight.",
    "We paid £86.40 for a meal we did not enjoy, on 23/11/2026.",
    "Mr Okafor at the next table had the same problem with his risotto.",
    "I asked twice for the manager and was told she was busy.",
    "This was meant to be a birthday dinner for my mother.",
    "Reach my husband on +44 20 7946 0958 ext. 23 if I am not in.",
  ];
  let out = "";
  for (let i = 0; out.length < length; i++) out += `${sentences[(i + seed) % sentences.length]} `;
  return out.slice(0, length).trim();
}

/** The longest case the schemas allow, roughly: every text field full. */
function enlarge(event: PlaybookEvent, seed: number): PlaybookEvent {
  const data = { ...(event.data as Record<string, unknown>) };
  const fill = (key: string, max: number) => {
    if (typeof data[key] === "string") data[key] = prose(max, seed);
  };
  fill("customerWords", 2000);
  fill("words", 500);
  fill("reason", 500);
  fill("request", 300);
  fill("comment", 500);
  fill("note", 500);
  fill("text", 1000);
  return { ...event, data } as PlaybookEvent;
}

async function main() {
  const dir = path.join(os.tmpdir(), "complaint-coach-bench-redaction");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  // scripts/migrate.mjs is an ES module with top-level await; run it as its own process.
  execFileSync(process.execPath, [path.join(__dirname, "migrate.mjs"), `file:${template}`], { stdio: "ignore" });
  const file = path.join(dir, "bench.db");
  copyFileSync(template, file);
  const db: Db = createDb(`file:${file}`);
  await configureSqlite(db);
  await seedReferenceData(db);

  const amira = actorFor("usr-amira");
  const maria = actorFor("usr-maria");
  const tara = actorFor("usr-tara");

  process.stdout.write(`Seeding ${CASES} demo cases and one long case …\n`);
  await seedDemoCases(db, { count: CASES, now: new Date() });
  let seed = 0;
  const at = new Date(Date.now() - 5 * 60 * 60_000);
  const long = await recordCase(db, {
    staff: amira,
    manager: maria,
    at,
    stepMs: 1000,
    options: {
      severity: 4,
      mood: "furious",
      sayNo: true,
      escalate: "approved",
      ventAt: "solve",
      note: "x",
      followUp: true,
      customerWords: "x",
    },
    edit: (e) => enlarge(e, seed++),
  });
  for (let i = 0; i < 30; i++) {
    await appendEvent(db, maria, long.caseId, {
      clientEventId: randomUUID(),
      event: { type: "manager_note_added", data: { text: prose(1000, 200 + i) } },
    });
  }
  for (let i = 0; i < 10; i++) {
    await addManagerNote(db, maria, long.caseId, { clientEventId: randomUUID(), text: prose(2000, 100 + i) });
  }
  const longLog = await loadCaseLog(db, long.caseId);
  const textChars = JSON.stringify(longLog.map((e) => e.data)).length;

  const ended = await db.case.findMany({ where: { status: { in: ["closed", "abandoned"] }, isPractice: false }, select: { id: true } });
  const demoLogs = [
    ...(
      await loadLogs(
        db,
        ended.map((c) => c.id),
      )
    ).values(),
  ];

  const rows: Record<string, string | number>[] = [];
  const results: Record<string, Summary> = {};
  const row = (name: string, what: string, summary: Summary) => {
    results[name] = summary;
    rows.push({ measure: name, what, "median ms": summary.medianMs, "p95 ms": summary.p95Ms });
  };
  const time = async (runs: number, fn: () => unknown) => (await measure(runs, WARMUP, async () => fn())).summary;

  process.stdout.write("Measuring …\n");
  // "first look": the process has not seen these texts (the cache is emptied before each run);
  // "seen": the same page again, texts cached (lib/cases/redact.ts keeps 10,000 of them).
  const cold = (fn: () => unknown) => () => {
    forgetSeenTexts();
    return fn();
  };
  const fewer = Math.max(5, Math.floor(RUNS / 3));
  row(
    "long case: redaction before",
    `${longLog.length} events, ${textChars} chars of event data, old regexes`,
    await time(RUNS, () => redactBefore(longLog)),
  );
  row(
    "long case: redaction, first look",
    "libphonenumber-js + compromise",
    await time(
      RUNS,
      cold(() => redactEvents(longLog)),
    ),
  );
  row("long case: redaction, seen", "the same, texts cached", await time(RUNS, () => redactEvents(longLog)));
  row(
    "long case: getReplay, first look",
    "the replay page's use-case, whole (DB, fold, rubric, redaction)",
    await time(
      RUNS,
      cold(() => getReplay(db, tara, long.caseId)),
    ),
  );
  row("long case: getReplay, seen", "the same, texts cached", await time(RUNS, () => getReplay(db, tara, long.caseId)));
  const redactAll = (fn: (log: RecordedEvent[]) => unknown) => () => demoLogs.forEach((log) => fn(log));
  row(
    "demo cases: redaction before",
    `${demoLogs.length} ended cases, every text, old regexes`,
    await time(fewer, redactAll(redactBefore)),
  );
  row("demo cases: redaction, first look", "every text as a replay shows it (names too)", await time(fewer, cold(redactAll(redactEvents))));
  row("demo cases: redaction, seen", "the same, texts cached", await time(fewer, redactAll(redactEvents)));
  row(
    "demo cases: scoring redaction",
    "contact details only, as scores are computed",
    await time(fewer, cold(redactAll((log) => redactEvents(log, "contacts")))),
  );
  row(
    "getProgress (12 weeks), first look",
    "the progress page's use-case, whole",
    await time(
      fewer,
      cold(() => getProgress(db, tara, {})),
    ),
  );
  row("getProgress (12 weeks), seen", "the same, texts cached", await time(fewer, () => getProgress(db, tara, {})));
  row(
    "listReplayCases page 1, first look",
    "the trainer's case list (the long case is on it), whole",
    await time(
      RUNS,
      cold(() => listReplayCases(db, tara, {})),
    ),
  );
  row(
    "listReplayCases q=soup, first look",
    "a text search over the masked text",
    await time(
      RUNS,
      cold(() => listReplayCases(db, tara, { q: "soup" })),
    ),
  );

  const ratio = (a: string, b: string) => (results[a].medianMs / results[b].medianMs).toFixed(1);
  const out = [
    table(rows),
    "",
    `Long case, first look: the new redaction takes ${ratio("long case: redaction, first look", "long case: redaction before")}× the old; ` +
      `it is ${((100 * results["long case: redaction, first look"].medianMs) / results["long case: getReplay, first look"].medianMs).toFixed(0)}% of getReplay's median.`,
    `Demo cases, first look: ${ratio("demo cases: redaction, first look", "demo cases: redaction before")}× the old for ${demoLogs.length} cases ` +
      `(${(results["demo cases: redaction, first look"].medianMs / demoLogs.length).toFixed(2)} ms a case); seen: ` +
      `${ratio("demo cases: redaction, seen", "demo cases: redaction before")}× the old.`,
  ].join("\n");
  process.stdout.write(`${out}\n`);
  mkdirSync(path.resolve("bench", "results"), { recursive: true });
  writeFileSync(
    path.resolve("bench", "results", "redaction.json"),
    `${JSON.stringify({ when: new Date().toISOString(), runs: RUNS, cases: demoLogs.length, longCase: { events: longLog.length, dataChars: textChars }, results }, null, 2)}\n`,
  );
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

void main();
