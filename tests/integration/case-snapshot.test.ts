// The stored state an append starts from (docs/decisions/0023): written with every event, and
// never trusted when it may be stale — missing (a case stored before it existed), older than the
// projection, or behind a log another writer added to — in which case the log is folded again.
import { describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { loadCaseLog } from "@/lib/cases/case-log";
import { checkCaseLogs } from "@/lib/cases/check-case-logs";
import { openCase } from "@/lib/cases/open-case";
import { canonicalState, decodeState, encodeState, fold, withoutNotes } from "@/lib/playbook";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
let n = 0;
const cid = () => `snap-${Date.now()}-${n++}`;
const heard = {
  type: "complaint_heard",
  data: { customerWords: "My steak is cold", category: "food_quality", severity: 2, spot: "Table 12", mood: "upset" },
};
const note = (text: string) => ({ type: "note_added", data: { text } });

async function caseWithSteps(steps: number): Promise<string> {
  const { caseId } = await openCase(db, amira, { clientEventId: cid() });
  await appendEvent(db, amira, caseId, { clientEventId: cid(), event: heard });
  for (let i = 0; i < steps; i++) await appendEvent(db, amira, caseId, { clientEventId: cid(), event: note(`Note ${i}`) });
  return caseId;
}

/** The stored state equals the fold of the stored log (less its notes, which a snapshot leaves out), for all of it. */
async function expectSnapshotIsFold(caseId: string) {
  const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  const log = await loadCaseLog(db, caseId);
  expect(row.stateSequence).toBe(log.length);
  expect(canonicalState(decodeState(row.stateSnapshot ?? "null"))).toBe(canonicalState(withoutNotes(fold(log))));
}

describe("the stored state", () => {
  it("is written with the opening and with every step", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    await expectSnapshotIsFold(caseId);
    await appendEvent(db, amira, caseId, { clientEventId: cid(), event: heard });
    await expectSnapshotIsFold(caseId);
  });

  it("is rebuilt from the log when missing (a case stored before it existed)", async () => {
    const caseId = await caseWithSteps(2);
    await db.case.update({ where: { id: caseId }, data: { stateSnapshot: null, stateSequence: null } });
    const result = await appendEvent(db, amira, caseId, { clientEventId: cid(), event: note("after") });
    expect(result.sequence).toBe(5);
    await expectSnapshotIsFold(caseId);
  });

  it("is not trusted when older than the projection: the log is folded", async () => {
    const caseId = await caseWithSteps(2);
    // A snapshot from before the complaint was heard, as if a writer that does not keep it had appended since.
    const opened = fold((await loadCaseLog(db, caseId)).slice(0, 1));
    await db.case.update({ where: { id: caseId }, data: { stateSnapshot: encodeState(opened), stateSequence: 1 } });
    const result = await appendEvent(db, amira, caseId, { clientEventId: cid(), event: note("after") });
    expect(result).toMatchObject({ sequence: 5, phase: "validate" });
    await expectSnapshotIsFold(caseId);
  });

  it("is not trusted when the log grew behind it: the append retries from the fold", async () => {
    const caseId = await caseWithSteps(1);
    // Another writer stores event 4 and touches nothing else: the snapshot still looks current.
    const last = await db.caseEvent.findFirstOrThrow({ where: { caseId }, orderBy: { sequence: "desc" } });
    await db.caseEvent.create({
      data: { ...last, id: undefined, sequence: 4, payload: JSON.stringify({ text: "from elsewhere" }), clientEventId: cid() },
    });
    const result = await appendEvent(db, amira, caseId, { clientEventId: cid(), event: note("after") });
    expect(result.sequence).toBe(5);
    await expectSnapshotIsFold(caseId);
    const state = decodeState((await db.case.findUniqueOrThrow({ where: { id: caseId } })).stateSnapshot ?? "null");
    expect(state.eventCount).toBe(5);
    expect(fold(await loadCaseLog(db, caseId)).notes.map((n) => n.text)).toEqual(["Note 0", "from elsewhere", "after"]);
  });

  it("stays the same size however many notes the case has", async () => {
    const short = await caseWithSteps(1);
    const long = await caseWithSteps(40);
    const size = async (caseId: string) => (await db.case.findUniqueOrThrow({ where: { id: caseId } })).stateSnapshot?.length ?? 0;
    expect(await size(long)).toBeLessThanOrEqual((await size(short)) + 16);
  });

  it("is checked by db:verify against the fold", async () => {
    const caseId = await caseWithSteps(1);
    expect((await checkCaseLogs(db, [caseId])).problems).toEqual([]);
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    const wrong = { ...decodeState(row.stateSnapshot ?? "null"), facts: "Never said" };
    await db.case.update({ where: { id: caseId }, data: { stateSnapshot: encodeState(wrong) } });
    expect((await checkCaseLogs(db, [caseId])).problems).toEqual([`${caseId}: stored state differs from the fold of its log`]);
    await db.case.update({ where: { id: caseId }, data: { stateSequence: 9 } });
    expect((await checkCaseLogs(db, [caseId])).problems).toEqual([`${caseId}: stored state is for event 9 of 3`]);
  });
});
