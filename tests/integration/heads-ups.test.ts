// The floor-wide heads-up, the heads-up case and broken promises, on a real SQLite database.
import { describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { getCase } from "@/lib/cases/get-case";
import { loadCaseState } from "@/lib/cases/case-log";
import { openCase } from "@/lib/cases/open-case";
import { appendHeadsUpEvent } from "@/lib/heads-ups/append-heads-up-event";
import { loadHeadsUpState, projectHeadsUp } from "@/lib/heads-ups/common";
import { endHeadsUp } from "@/lib/heads-ups/end-heads-up";
import { getHeadsUpCase } from "@/lib/heads-ups/get-heads-up-case";
import { listFloor } from "@/lib/heads-ups/list-floor";
import { openHeadsUpCase } from "@/lib/heads-ups/open-heads-up-case";
import { raiseHeadsUp } from "@/lib/heads-ups/raise-heads-up";
import { startComplaintFromHeadsUp } from "@/lib/heads-ups/start-complaint";
import { tellTable } from "@/lib/heads-ups/tell-table";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { getInsights } from "@/lib/manager/insights";
import { oracleInsights, prepareOracle } from "../oracle/insights-oracle";
import { openOracleDb } from "../oracle/postgres-only";
import { errorOf } from "../setup/app-error";

const testDb = await createTestDb();
const { db } = testDb;
let n = 0;
const cid = () => `hu-${Date.now()}-${n++}`;
const amira = actorFor("usr-amira");
const ben = actorFor("usr-ben");
const maria = actorFor("usr-maria");
const chloe = actorFor("usr-chloe");
const james = actorFor("usr-james");
const tara = actorFor("usr-tara");

const SALMON = {
  kind: "sold_out",
  what: "The salmon is sold out",
  reason: "It has been more popular than ever tonight",
  options: [
    { choice: "change", text: "The sea bass, cooked the same way" },
    { choice: "wait", text: "Wait 20 minutes for the last fillet from the smoker" },
    { choice: "cancel", text: "Cancel the main, no charge" },
  ],
};

describe("the floor-wide heads-up", () => {
  it("is seen by every tablet of its venue, with the words to say, and by no other venue", async () => {
    const { id } = await raiseHeadsUp(db, amira, { clientEventId: cid(), ...SALMON });
    const onBens = await listFloor(db, ben);
    const seen = onBens.headsUps.find((h) => h.id === id);
    expect(seen).toMatchObject({ what: SALMON.what, raisedBy: "Amira Shah" });
    expect(seen!.words.join(" ")).toContain("The salmon is sold out.");
    expect(seen!.words.join(" ")).toContain("Which would you prefer?");
    for (const other of [chloe, james]) expect((await listFloor(db, other)).headsUps.some((h) => h.id === id)).toBe(false);
    // Ewa works at both venues; on a Grand tablet she sees only the Grand's heads-ups.
    expect((await listFloor(db, actorFor("usr-ewa", "loc-grand"))).headsUps.some((h) => h.id === id)).toBe(false);
    expect((await listFloor(db, actorFor("usr-ewa", "loc-harbour"))).headsUps.some((h) => h.id === id)).toBe(true);
  });

  it("refuses a trainer, another venue, a forged location and a single option, changing nothing", async () => {
    const before = await db.headsUpAlert.count();
    expect((await errorOf(raiseHeadsUp(db, tara, { clientEventId: cid(), ...SALMON }))).status).toBe(403);
    expect((await errorOf(listFloor(db, tara))).status).toBe(403);
    expect((await errorOf(raiseHeadsUp(db, chloe, { clientEventId: cid(), ...SALMON, locationId: "loc-harbour" }))).status).toBe(403);
    expect((await errorOf(raiseHeadsUp(db, amira, { clientEventId: cid(), ...SALMON, options: [SALMON.options[0]] }))).status).toBe(400);
    const same = [SALMON.options[0], { ...SALMON.options[0], choice: "wait" }];
    expect((await errorOf(raiseHeadsUp(db, amira, { clientEventId: cid(), ...SALMON, options: same }))).status).toBe(400);
    expect(await db.headsUpAlert.count()).toBe(before);
  });

  it("ticks tables off (who told them, what they chose) through the heads-up playbook", async () => {
    const { id } = await raiseHeadsUp(db, maria, {
      clientEventId: cid(),
      ...SALMON,
      what: "Kitchen 30 minutes behind",
      kind: "running_late",
    });
    const first = await tellTable(db, ben, id, { clientEventId: cid(), spot: "Table 4", choice: "wait", option: SALMON.options[1].text });
    const again = cid();
    await tellTable(db, amira, id, { clientEventId: again, spot: "Table 7", choice: "change", option: SALMON.options[0].text });
    // Sent twice (a retry on the floor's Wi-Fi): recorded once.
    expect(
      (await tellTable(db, amira, id, { clientEventId: again, spot: "Table 7", choice: "change", option: SALMON.options[0].text }))
        .duplicate,
    ).toBe(true);
    expect(first.phase).toBe("confirm");
    const told = (await listFloor(db, maria)).headsUps.find((h) => h.id === id)!.told;
    expect(told.map((t) => [t.spot, t.toldBy, t.choice])).toEqual([
      ["Table 4", "Ben Okafor", "Wait"],
      ["Table 7", "Amira Shah", "Change"],
    ]);
    // A choice that was not offered is refused by the playbook, and nothing is stored.
    const cases = await db.headsUpCase.count();
    expect(
      (await errorOf(tellTable(db, ben, id, { clientEventId: cid(), spot: "Table 9", choice: "change", option: "Steak" }))).status,
    ).toBe(409);
    expect(await db.headsUpCase.count()).toBe(cases);
    // Another venue cannot tick a table off this one.
    expect(
      (await errorOf(tellTable(db, chloe, id, { clientEventId: cid(), spot: "Room 2", choice: "wait", option: SALMON.options[1].text })))
        .status,
    ).toBe(403);
    // The projection is the fold.
    const { state } = await loadHeadsUpState(db, first.caseId);
    const row = await db.headsUpCase.findUniqueOrThrow({ where: { id: first.caseId } });
    expect(row).toMatchObject(projectHeadsUp(state));
  });

  it("ends on record: by its raiser or a manager, not by a colleague or another venue", async () => {
    const { id } = await raiseHeadsUp(db, amira, { clientEventId: cid(), ...SALMON, what: "Lift out of order", kind: "out_of_order" });
    expect((await errorOf(endHeadsUp(db, ben, id, {}))).status).toBe(403);
    expect((await errorOf(endHeadsUp(db, james, id, {}))).status).toBe(403);
    await endHeadsUp(db, maria, id, { note: "Engineer fixed it" });
    const row = await db.headsUpAlert.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ endedById: "usr-maria", endNote: "Engineer fixed it" });
    expect((await listFloor(db, ben)).headsUps.some((h) => h.id === id)).toBe(false);
    expect(
      (await errorOf(tellTable(db, ben, id, { clientEventId: cid(), spot: "Table 1", choice: "wait", option: SALMON.options[1].text })))
        .status,
    ).toBe(409);
  });
});

describe("a heads-up case", () => {
  it("walks Notice → Explain → Offer → Decide → Confirm → Prevent and closes", async () => {
    const { caseId } = await openHeadsUpCase(db, chloe, { clientEventId: cid() });
    const step = (event: unknown) => appendHeadsUpEvent(db, chloe, caseId, { clientEventId: cid(), event });
    await step({
      type: "issue_noticed",
      data: { kind: "not_ready", what: "Room 12 is not ready yet", spot: "Room 12", customerAskedFirst: false },
    });
    await step({ type: "reason_explained", data: { reason: "The previous guests checked out late", trueReason: true } });
    await step({
      type: "options_offered",
      data: {
        options: [
          { choice: "wait", text: "Wait in the bar, drinks on us" },
          { choice: "change", text: "A different room now" },
        ],
      },
    });
    await step({ type: "customer_decided", data: { choice: "wait", option: "Wait in the bar, drinks on us" } });
    // A gesture is held to the person's own limit, written in by the server (the tablet's is ignored).
    expect(
      (
        await errorOf(
          step({
            type: "gesture_offered",
            data: { id: "g1", kind: "gesture", description: "Dinner", valueCents: 90000, authorityLimitCents: 999999 },
          }),
        )
      ).status,
    ).toBe(409);
    await step({ type: "gesture_offered", data: { id: "g2", kind: "free_item", description: "Two drinks in the bar", valueCents: 1200 } });
    await step({ type: "choice_confirmed", data: { accepted: true } });
    await step({ type: "prevention_noted", data: { tags: [], note: "Check late check-outs at noon" } });
    const closed = await step({ type: "heads_up_closed", data: {} });
    expect(closed.status).toBe("closed");
    const view = await getHeadsUpCase(db, chloe, caseId);
    expect(view.readback.lines).toContain("What you chose: Wait — Wait in the bar, drinks on us");
    expect((await errorOf(getHeadsUpCase(db, amira, caseId))).status).toBe(403);
    expect(
      (
        await errorOf(
          appendHeadsUpEvent(db, amira, caseId, { clientEventId: cid(), event: { type: "heads_up_note_added", data: { text: "x" } } }),
        )
      ).status,
    ).toBe(403);
  });

  it("turns into a complaint at Listen, linked both ways, with the heads-up's context and nothing retyped", async () => {
    const { id } = await raiseHeadsUp(db, amira, { clientEventId: cid(), ...SALMON });
    const told = await tellTable(db, ben, id, { clientEventId: cid(), spot: "Table 12", choice: "wait", option: SALMON.options[1].text });
    const key = cid();
    const complaint = await startComplaintFromHeadsUp(db, ben, told.caseId, { clientEventId: key });
    expect(complaint.phase).toBe("listen");
    expect((await startComplaintFromHeadsUp(db, ben, told.caseId, { clientEventId: key })).caseId).toBe(complaint.caseId);
    expect((await errorOf(startComplaintFromHeadsUp(db, ben, told.caseId, { clientEventId: cid() }))).status).toBe(409);
    const { state } = await loadCaseState(db, complaint.caseId);
    expect(state.fromHeadsUp).toMatchObject({
      headsUpCaseId: told.caseId,
      what: SALMON.what,
      spot: "Table 12",
      reason: SALMON.reason,
      choice: "wait",
      option: SALMON.options[1].text,
      toldById: "usr-ben",
    });
    const row = await db.headsUpCase.findUniqueOrThrow({ where: { id: told.caseId } });
    expect(row).toMatchObject({ status: "complained", complaintCaseId: complaint.caseId });
    expect((await getCase(db, amira, complaint.caseId)).reference).toBe(complaint.reference);
    expect((await errorOf(startComplaintFromHeadsUp(db, chloe, told.caseId, { clientEventId: cid() }))).status).toBe(403);
  });
});

describe("broken promises", () => {
  it("prompts the owner (and the manager) once an agreed action is overdue, until someone goes back and tells them", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    const step = (event: unknown, who = amira) => appendEvent(db, who, caseId, { clientEventId: cid(), event });
    await step({
      type: "complaint_heard",
      data: { customerWords: "The steak was raw in the middle", category: "food_quality", severity: 2, spot: "Table 3", mood: "upset" },
    });
    await step({ type: "feeling_validated", data: { feeling: "disappointed", acknowledged: true } });
    await step({ type: "apology_given", data: { sincere: true, ourFault: true } });
    await step({ type: "options_offered", data: { options: ["A new steak", "Something else from the menu"] } });
    await step({ type: "solution_agreed", data: { option: "A new steak" } });
    await step({ type: "compensation_skipped", data: { reason: "Not wanted" } });
    const due = new Date(Date.now() - 10 * 60_000).toISOString();
    await step({
      type: "actions_agreed",
      data: { actions: [{ id: "act-steak", description: "Bring a new steak", owner: "Amira Shah", dueAt: due }] },
    });
    const late = (who = amira) => listFloor(db, who).then((f) => f.latePromises.filter((p) => p.caseId === caseId));
    expect((await late())[0]).toMatchObject({ actionId: "act-steak", minutesLate: expect.any(Number) });
    expect((await late())[0].words.join(" ")).toContain("Bring a new steak");
    expect(await late(maria)).toHaveLength(1);
    expect(await late(ben)).toHaveLength(0);
    expect(await late(chloe)).toHaveLength(0);
    await step({ type: "promise_update_told", data: { actionId: "act-steak", words: "Five more minutes, I'm sorry." } });
    expect(await late()).toHaveLength(0);
    expect(await late(maria)).toHaveLength(0);
  });
});

describe("the insights count what was prevented", () => {
  it("heads-ups raised, tables told, those who still complained, and late promises told vs not, equal to the oracle", async () => {
    // Everything above happened today at The Harbour Kitchen (and one heads-up case at the Grand).
    const now = new Date();
    const app = await getInsights(db, maria, {}, now);
    const p = app.prevention;
    const raised = await db.headsUpAlert.count({ where: { locationId: "loc-harbour" } });
    expect(p.headsUpsRaised).toBe(raised);
    expect(p.tablesTold).toBe(await db.headsUpCase.count({ where: { locationId: "loc-harbour", toldAt: { not: null } } }));
    expect(p.stillComplained).toBe(1);
    // The steak promise: late, then told. One more, late and never told:
    const { caseId } = await openCase(db, ben, { clientEventId: cid() });
    const step = (event: unknown) => appendEvent(db, ben, caseId, { clientEventId: cid(), event });
    await step({
      type: "complaint_heard",
      data: { customerWords: "No high chair for an hour", category: "service", severity: 1, spot: "Table 2", mood: "upset" },
    });
    await step({ type: "feeling_validated", data: { feeling: "frustrated", acknowledged: true } });
    await step({ type: "apology_given", data: { sincere: true, ourFault: true } });
    await step({ type: "options_offered", data: { options: ["Bring one now", "Borrow the booster seat"] } });
    await step({ type: "solution_agreed", data: { option: "Bring one now" } });
    await step({ type: "compensation_skipped", data: { reason: "Not wanted" } });
    await step({
      type: "actions_agreed",
      data: {
        actions: [
          { id: "act-chair", description: "Find a high chair", owner: "Ben Okafor", dueAt: new Date(now.getTime() - 60_000).toISOString() },
        ],
      },
    });
    const after = (await getInsights(db, maria, {}, new Date(now.getTime() + 1000))).prevention;
    expect(after.brokenPromises).toEqual({ total: 2, told: 1, notTold: 1, toldShare: 0.5 });

    const oracle = await openOracleDb(testDb);
    try {
      await prepareOracle(oracle);
      const expected = await oracleInsights(oracle, {
        locationIds: ["loc-harbour"],
        from: app.range.from,
        to: app.range.to,
        within: app.within,
      });
      expect({
        headsUpsRaised: p.headsUpsRaised,
        tablesTold: p.tablesTold,
        stillComplained: p.stillComplained,
        promisesTold: after.brokenPromises.told,
      }).toEqual(expected.prevention);
    } finally {
      await oracle.close();
    }
  });
});
