// Practice on the trainer's desk (issue 16): drills for a person or a team, every trainee's runs
// with scores, comments on a run the trainee acknowledges, collections kept as drafts, and the
// venue walls around all of it.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { actorFor } from "@/tests/support/actors";
import { acknowledgeComment } from "@/lib/training/acknowledge-comment";
import { addToCollection } from "@/lib/training/add-to-collection";
import { assignDrill } from "@/lib/training/assign-drill";
import { createCollection } from "@/lib/training/create-collection";
import { getPracticeDesk } from "@/lib/training/get-practice-desk";
import { getReplay } from "@/lib/training/get-replay";
import { listMyDrills } from "@/lib/training/list-my-drills";
import { listMyFeedback } from "@/lib/training/list-my-feedback";
import { listPracticeCases } from "@/lib/training/list-practice-cases";
import { pinComment } from "@/lib/training/pin-comment";
import { publishCollection } from "@/lib/training/publish-collection";
import { startPractice } from "@/lib/training/start-practice";
import { appendScript, recordCase } from "@/tests/support/record-case";
import { PRACTICE_WALK_OUT_REASON } from "@/lib/playbook/walk-out";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const ben = actorFor("usr-ben");
const chloe = actorFor("usr-chloe");
const maria = actorFor("usr-maria");
const tara = actorFor("usr-tara");
/** A trainer for the Grand Station Hotel only. */
const grandTrainer = { ...actorFor("usr-tara"), locationIds: ["loc-grand"], currentLocationId: "loc-grand" };
const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000).toISOString();

let source: string;
let poorRun: string;
let goodRun: string;

beforeAll(async () => {
  source = (await recordCase(db, { staff: amira, manager: maria, at: minutesAgo(900), options: { severity: 2 } })).caseId;
});

describe("a drill", () => {
  it("is assigned to a person at the case's venue, with a due date", async () => {
    const drill = await assignDrill(
      db,
      tara,
      { sourceCaseId: source, assigneeId: "usr-ben", dueAt: inDays(3), note: "Say no with two alternatives" },
      () => minutesAgo(120),
    );
    expect(drill).toMatchObject({ sourceCaseId: source, assignee: "Ben Okafor" });
    const mine = await listMyDrills(db, ben, NOW);
    expect(mine).toEqual([
      expect.objectContaining({ sourceCaseId: source, done: false, overdue: false, note: "Say no with two alternatives", forTeam: false }),
    ]);
    // Not Amira's: it was set for Ben alone.
    expect(await listMyDrills(db, amira, NOW)).toEqual([]);
  });

  it("is assigned to the whole team at the venue", async () => {
    await assignDrill(db, tara, { sourceCaseId: source, team: true, dueAt: inDays(5) }, () => NOW);
    expect((await listMyDrills(db, amira, NOW)).map((d) => d.forTeam)).toEqual([true]);
    // Chloé works at the other venue: the team drill is not hers.
    expect(await listMyDrills(db, chloe, NOW)).toEqual([]);
  });

  it("refuses bad input, other venues, people elsewhere, open cases and anyone but a trainer", async () => {
    const good = { sourceCaseId: source, assigneeId: "usr-ben", dueAt: inDays(3) };
    const before = await db.practiceDrill.count();
    expect((await errorOf(assignDrill(db, tara, { ...good, dueAt: "tomorrow" }))).code).toBe("invalid_input");
    expect((await errorOf(assignDrill(db, tara, { ...good, dueAt: minutesAgo(5).toISOString() }, () => NOW))).code).toBe("invalid_input");
    expect((await errorOf(assignDrill(db, tara, { ...good, team: true }))).code).toBe("invalid_input");
    expect((await errorOf(assignDrill(db, tara, { sourceCaseId: source, dueAt: inDays(3) }))).code).toBe("invalid_input");
    expect((await errorOf(assignDrill(db, tara, { ...good, assigneeId: "usr-chloe" }, () => NOW))).code).toBe("invalid_input");
    expect((await errorOf(assignDrill(db, tara, { ...good, assigneeId: "usr-tara" }, () => NOW))).code).toBe("invalid_input");
    expect((await errorOf(assignDrill(db, grandTrainer, good, () => NOW))).status).toBe(403);
    expect((await errorOf(assignDrill(db, maria, good, () => NOW))).status).toBe(403);
    expect((await errorOf(assignDrill(db, ben, good, () => NOW))).status).toBe(403);
    expect((await errorOf(assignDrill(db, tara, { ...good, sourceCaseId: "no-such-case" }, () => NOW))).status).toBe(404);
    expect(await db.practiceDrill.count()).toBe(before);
  });
});

describe("the trainee fails, then passes; the trainer sees both runs and comments", () => {
  beforeAll(async () => {
    poorRun = (await startPractice(db, ben, source, { clientEventId: randomUUID() }, () => minutesAgo(60))).practiceCaseId;
    // An excuse, then the customer walks out.
    await appendScript(db, poorRun, {
      staff: ben,
      manager: maria,
      at: minutesAgo(60),
      options: { abandonAt: "solve" },
      edit: (e) =>
        e.type === "apology_given"
          ? { ...e, data: { ...e.data, words: "Sorry, we're short staffed tonight." } }
          : e.type === "case_abandoned"
            ? { ...e, data: { reason: PRACTICE_WALK_OUT_REASON } }
            : e,
    });
    goodRun = (await startPractice(db, ben, source, { clientEventId: randomUUID() }, () => minutesAgo(30))).practiceCaseId;
    await appendScript(db, goodRun, { staff: ben, manager: maria, at: minutesAgo(30), options: { severity: 2 } });
  });

  it("shows both runs with their scores and missed items on the desk", async () => {
    const desk = await getPracticeDesk(db, tara, {}, NOW);
    const runs = desk.runs.filter((r) => r.traineeId === "usr-ben");
    const poor = runs.find((r) => r.practiceCaseId === poorRun);
    const good = runs.find((r) => r.practiceCaseId === goodRun);
    expect(poor?.score).toBeLessThan(100);
    expect(poor?.missed).toEqual(expect.arrayContaining(["Apologised without excuses", "Kept the customer: no walk-out"]));
    expect(good?.score).toBe(100);
    const drill = desk.drills.find((d) => !d.team);
    expect(drill?.status).toEqual([expect.objectContaining({ name: "Ben Okafor", done: true, runs: 2, best: 100 })]);
    expect((await listMyDrills(db, ben, NOW))[0]).toMatchObject({ done: true, best: 100 });
  });

  it("keeps each venue's runs on its own trainer's desk", async () => {
    const other = await getPracticeDesk(db, grandTrainer, {}, NOW);
    expect(other.runs).toEqual([]);
    expect(other.drills).toEqual([]);
    expect(other.people.map((p) => p.id)).not.toContain("usr-ben");
    expect((await errorOf(getPracticeDesk(db, grandTrainer, { location: "loc-harbour" }))).status).toBe(403);
    expect((await errorOf(getPracticeDesk(db, ben, {}))).status).toBe(403);
    expect((await errorOf(getPracticeDesk(db, maria, {}))).status).toBe(403);
  });

  it("a comment on a practice run reaches the trainee, who acknowledges it", async () => {
    const replay = await getReplay(db, tara, poorRun);
    expect(replay.practice).toBe(true);
    // The customer's replies replay with the run: the excuse made them angrier.
    const apologyIndex = replay.log.findIndex((e) => e.type === "apology_given");
    const reply = replay.customer?.find((t) => t.index === apologyIndex);
    expect(reply?.temper).toBeGreaterThan(replay.customer?.[0]?.temper ?? 10);
    const apology = replay.log.findIndex((e) => e.type === "apology_given") + 1;
    const comment = await pinComment(db, tara, poorRun, { eventSequence: apology, text: "Drop the excuse: say sorry and stop." });
    const feedback = await listMyFeedback(db, ben);
    const onRun = feedback.cases.find((c) => c.id === poorRun);
    expect(onRun?.practice).toBe(true);
    expect(onRun?.comments.map((c) => c.text)).toEqual(["Drop the excuse: say sorry and stop."]);
    await acknowledgeComment(db, ben, comment.id);
    const desk = await getPracticeDesk(db, tara, {}, NOW);
    expect(desk.runs.find((r) => r.practiceCaseId === poorRun)).toMatchObject({ comments: 1, acknowledged: 1 });
    expect((await errorOf(getReplay(db, grandTrainer, poorRun))).status).toBe(403);
  });
});

describe("in practice the customer answers the read-back", () => {
  it("the server refuses a “Yes” the simulated customer would not give, and takes their “Not quite”", async () => {
    const runId = (await startPractice(db, ben, source, { clientEventId: randomUUID() }, () => minutesAgo(20))).practiceCaseId;
    await appendScript(db, runId, {
      staff: ben,
      manager: maria,
      at: minutesAgo(20),
      stepMs: 10_000,
      stopBefore: "readback_answered",
      edit: (e) => (e.type === "feeling_validated" ? { ...e, data: { ...e.data, words: "Please calm down, it is only a side dish." } } : e),
    });
    const yes = { clientEventId: randomUUID(), event: { type: "readback_answered", data: { accepted: true } } };
    const refused = await errorOf(appendEvent(db, ben, runId, yes));
    expect(refused.code).toBe("playbook_refused");
    expect(refused.message).toMatch(/customer answers the read-back/);
    const no = { clientEventId: randomUUID(), event: { type: "readback_answered", data: { accepted: false, comment: "Not quite." } } };
    await expect(appendEvent(db, ben, runId, no)).resolves.toMatchObject({ phase: "solve" });
  });
});

describe("library collections are drafts until published", () => {
  it("a new collection stays off staff practice lists until published, and can go back to draft", async () => {
    const made = await createCollection(db, tara, { name: "Walk-outs to learn from" });
    await addToCollection(db, tara, made.id, { caseId: source });
    const names = async () => (await listPracticeCases(db, ben)).collections.map((c) => c.name);
    expect(await names()).not.toContain("Walk-outs to learn from");
    await publishCollection(db, tara, made.id, { published: true });
    expect(await names()).toContain("Walk-outs to learn from");
    await publishCollection(db, tara, made.id, { published: false });
    expect(await names()).not.toContain("Walk-outs to learn from");
  });

  it("only a trainer publishes, with a clear answer to bad input", async () => {
    const made = await createCollection(db, tara, { name: "Drafts only" });
    expect((await errorOf(publishCollection(db, ben, made.id, { published: true }))).status).toBe(403);
    expect((await errorOf(publishCollection(db, maria, made.id, { published: true }))).status).toBe(403);
    expect((await errorOf(publishCollection(db, tara, made.id, { published: "yes" }))).code).toBe("invalid_input");
    expect((await errorOf(publishCollection(db, tara, "nope", { published: true }))).status).toBe(404);
    expect((await db.caseCollection.findUnique({ where: { id: made.id } }))?.publishedAt).toBeNull();
  });
});
