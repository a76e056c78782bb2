import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCaseState } from "@/lib/cases/case-log";
import { listMyCasesToday } from "@/lib/cases/list-open-cases";
import { EMAIL_MASK, PHONE_MASK } from "@/lib/cases/redact";
import { prepareQueueCsv } from "@/lib/manager/export-queue-csv";
import { createImprovement } from "@/lib/manager/create-improvement";
import { getInsights } from "@/lib/manager/insights";
import { linkImprovementCases } from "@/lib/manager/link-improvement-cases";
import { getLiveBoard } from "@/lib/manager/live-board";
import { listCaseQueue } from "@/lib/manager/list-queue";
import { driveCase } from "@/tests/support/drive-case";
import type { PlaybookEvent } from "@/lib/playbook";
import { customerPrompt, seedFrom, simulateCustomer } from "@/lib/playbook/simulated-customer";
import { actorFor } from "@/tests/support/actors";
import { getPractice } from "@/lib/training/get-practice";
import { getPracticeSession } from "@/lib/training/get-practice-session";
import { getProgress } from "@/lib/training/get-progress";
import { listMyFeedback } from "@/lib/training/list-my-feedback";
import { listPracticeCases } from "@/lib/training/list-practice-cases";
import { listReplayCases } from "@/lib/training/list-replay-cases";
import { startPractice } from "@/lib/training/start-practice";
import { appendScript, recordCase } from "@/tests/support/record-case";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const ben = actorFor("usr-ben");
const maria = actorFor("usr-maria");
const chloe = actorFor("usr-chloe");
const tara = actorFor("usr-tara");
const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

const WORDS = "We waited an hour for our mains. Email me at pat.guest@example.com or call 07700 900777.";

let source: string;
let openSource: string;
let run: string;

beforeAll(async () => {
  source = (
    await recordCase(db, {
      staff: amira,
      manager: maria,
      at: minutesAgo(600),
      options: { sayNo: true, ventAt: "solve", readbackRefusedOnce: true, customerWords: WORDS, mood: "calm" },
      edit: (e: PlaybookEvent): PlaybookEvent =>
        e.type === "customer_vented" ? { ...e, data: { ...e.data, note: "It's our anniversary. Ring 07700 900777 if you must." } } : e,
    })
  ).caseId;
  openSource = (await driveCase(db, { staff: amira, at: minutesAgo(30), stopAt: "solve" })).caseId;
});

describe("starting a practice run", () => {
  it("opens a practice case through openCase, linked to the real one", async () => {
    const clientEventId = randomUUID();
    const started = await startPractice(db, ben, source, { clientEventId }, () => minutesAgo(120));
    run = started.practiceCaseId;
    const row = await db.case.findUnique({
      where: { id: run },
      select: { isPractice: true, openedById: true, locationId: true, stage: true },
    });
    expect(row).toEqual({ isPractice: true, openedById: "usr-ben", locationId: "loc-harbour", stage: "listen" });
    const opened = await db.caseEvent.findFirst({ where: { caseId: run, sequence: 1 } });
    expect(JSON.parse(opened?.payload ?? "{}")).toMatchObject({ practice: true });
    // Sent again with the same id: the same run, nothing new.
    const again = await startPractice(db, ben, source, { clientEventId }, () => minutesAgo(119));
    expect(again).toMatchObject({ practiceCaseId: run, duplicate: true });
    expect(await db.practiceRun.count({ where: { sourceCaseId: source } })).toBe(1);
  });

  it("only from an ended real case at one of the trainee's locations, and not for trainers", async () => {
    expect((await errorOf(startPractice(db, ben, openSource, { clientEventId: randomUUID() }))).code).toBe("conflict");
    expect((await errorOf(startPractice(db, ben, run, { clientEventId: randomUUID() }))).code).toBe("invalid_input");
    expect((await errorOf(startPractice(db, chloe, source, { clientEventId: randomUUID() }))).status).toBe(403);
    expect((await errorOf(startPractice(db, tara, source, { clientEventId: randomUUID() }))).status).toBe(403);
    expect((await errorOf(startPractice(db, ben, source, {}))).code).toBe("invalid_input");
  });

  it("plays the customer's side from the real case, with contact details removed", async () => {
    const session = await getPracticeSession(db, ben, run);
    expect(session?.sourceCaseId).toBe(source);
    const facts = session?.facts;
    expect(facts?.words).toBe(`We waited an hour for our mains. Email me at ${EMAIL_MASK} or call ${PHONE_MASK}.`);
    expect(facts?.requests).toEqual(["Make the whole meal free"]);
    expect(session?.seed).toBe(seedFrom(run));
    expect(JSON.stringify(session)).not.toMatch(/pat\.guest|07700/);
    expect(await getPracticeSession(db, ben, source)).toBeNull();
    expect(await getPracticeSession(db, tara, run)).toBeNull();
  });

  it("plays a customer who speaks from the real case's facts, never its staff notes or answers", async () => {
    const session = await getPracticeSession(db, ben, run);
    if (!session) throw new Error("no session");
    const { state } = await loadCaseState(db, run);
    const sim = simulateCustomer(session.facts, [], session.seed);
    expect(sim.turns[0].say).toContain(`Email me at ${EMAIL_MASK}`);
    expect(customerPrompt(session.facts, sim, { ...state, phase: "solve" }, session.seed)).toBe("“Make the whole meal free”");
    expect(JSON.stringify(sim)).not.toMatch(/anniversary|real case/);
  });
});

describe("finishing a practice run", () => {
  it("scores it with the same rubric, beside the original path", async () => {
    const before = await getPractice(db, ben, source);
    expect(before.runs).toEqual([expect.objectContaining({ practiceCaseId: run, status: "open", score: null })]);
    expect(before.comparison).toBeNull();

    // The trainee apologises with an excuse: the rubric notices.
    await appendScript(db, run, {
      staff: ben,
      manager: maria,
      at: minutesAgo(120),
      options: { sayNo: true },
      edit: (e) => (e.type === "apology_given" ? { ...e, data: { ...e.data, words: "Sorry, the kitchen is really busy tonight." } } : e),
    });
    const after = await getPractice(db, ben, source);
    expect(after.runs).toEqual([expect.objectContaining({ practiceCaseId: run, status: "closed", score: 88 })]);
    expect(after.comparison?.runId).toBe(run);
    expect(after.comparison?.run.rubric.items.find((i) => i.id === "apology_no_excuses")?.outcome).toBe("missed");
    expect(after.comparison?.original.rubric.items.find((i) => i.id === "apology_no_excuses")?.outcome).toBe("met");
    expect(after.comparison?.original.handledByYou).toBe(false);
    // Nobody is named: the trainee is "You", the original staff member is not named.
    expect(after.comparison?.run.lines[1].who).toBe("You");
    expect(after.comparison?.original.lines[1].who).toBe("Staff member");
    expect(JSON.stringify(after)).not.toMatch(/Amira|pat\.guest|07700/);
  });

  it("lists practice cases and the trainee's runs", async () => {
    const list = await listPracticeCases(db, ben);
    expect(list.recent.map((c) => c.id)).toContain(source);
    expect(list.recent.map((c) => c.id)).not.toContain(run);
    expect(list.recent.find((c) => c.id === source)?.words).toContain(EMAIL_MASK);
    expect(list.runs).toEqual([expect.objectContaining({ practiceCaseId: run, sourceCaseId: source, score: 88 })]);
    expect((await errorOf(listPracticeCases(db, tara))).status).toBe(403);
  });
});

describe("practice cases are kept apart from real ones", () => {
  let waiting: string;
  beforeAll(async () => {
    // A second run, left waiting for a manager: real cases like it go on the live board.
    waiting = (await startPractice(db, ben, source, { clientEventId: randomUUID() }, () => minutesAgo(20))).practiceCaseId;
    await appendScript(db, waiting, {
      staff: ben,
      manager: maria,
      at: minutesAgo(20),
      options: { escalate: "approved" },
      stopBefore: "manager_decided",
    });
  });

  const practiceIds = () => [run, waiting];

  it("not in 'my cases today'", async () => {
    const mine = await listMyCasesToday(db, ben, NOW);
    for (const id of practiceIds()) expect(mine.map((c) => c.id)).not.toContain(id);
  });

  it("not in the manager's queue, CSV export, insights or live board", async () => {
    const queue = await listCaseQueue(db, maria, { size: 100 }, NOW);
    expect(queue.rows.map((r) => r.id)).toEqual(expect.arrayContaining([source]));
    for (const id of practiceIds()) expect(queue.rows.map((r) => r.id)).not.toContain(id);

    const csv = await prepareQueueCsv(db, maria, {}, NOW);
    expect(csv.count).toBe(queue.total);
    let text = "";
    for await (const chunk of csv.chunks) text += chunk;
    const references = await db.case.findMany({ where: { id: { in: practiceIds() } }, select: { reference: true } });
    for (const { reference } of references) expect(text).not.toContain(reference);

    const insights = await getInsights(db, maria, {}, NOW);
    expect(insights.cases).toBe(queue.total);

    const board = await getLiveBoard(db, maria, NOW);
    const onBoard = [...board.waiting.map((w) => w.caseId), ...board.live.map((l) => l.caseId)];
    expect(onBoard).toContain(openSource);
    for (const id of practiceIds()) expect(onBoard).not.toContain(id);
  });

  it("cannot be linked to an improvement", async () => {
    const improvement = await createImprovement(
      db,
      maria,
      { title: "Faster mains", owner: "Head chef", due: "2030-01-01", locationId: "loc-harbour" },
      NOW,
    );
    expect((await errorOf(linkImprovementCases(db, maria, improvement.id, { caseIds: [run] }))).status).toBe(404);
    expect(
      (
        await errorOf(
          createImprovement(
            db,
            maria,
            { title: "Faster mains", owner: "Chef", due: "2030-01-01", locationId: "loc-harbour", caseIds: [run] },
            NOW,
          ),
        )
      ).status,
    ).toBe(404);
  });

  it("not in the trainer's case list or the staff member's scored cases; on progress only apart from real cases", async () => {
    const list = await listReplayCases(db, tara, {});
    expect(list.rows.map((r) => r.id)).toEqual([source]);
    const progress = await getProgress(db, tara, {}, NOW);
    expect(progress.people.map((p) => [p.name, p.cases, p.practice.runs])).toEqual([
      ["Amira Shah", 1, 0],
      ["Ben Okafor", 0, 1],
    ]);
    expect(progress.people.find((p) => p.name === "Ben Okafor")?.average).toBeNull();
    const feedback = await listMyFeedback(db, ben);
    expect(feedback.cases).toEqual([]);
  });
});
