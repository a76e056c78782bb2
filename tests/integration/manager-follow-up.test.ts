import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCaseState } from "@/lib/cases/case-log";
import { addManagerNote } from "@/lib/manager/add-manager-note";
import { closeCase } from "@/lib/manager/close-case";
import { setImprovementStatus } from "@/lib/manager/complete-improvement";
import { createImprovement } from "@/lib/manager/create-improvement";
import { getCaseDetail } from "@/lib/manager/get-case-detail";
import { linkImprovementCases } from "@/lib/manager/link-improvement-cases";
import { listImprovements } from "@/lib/manager/list-improvements";
import { reopenCase } from "@/lib/manager/reopen-case";
import { updateAction } from "@/lib/manager/update-action";
import { driveCase, type DrivenCase } from "@/tests/support/drive-case";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const chloe = actorFor("usr-chloe");
const maria = actorFor("usr-maria");
const james = actorFor("usr-james");
const NOW = new Date("2026-03-10T12:00:00Z");
const clock = () => NOW;
const cid = () => randomUUID();

let atConfirm: DrivenCase;
let closed: DrivenCase;
let atPrevent: DrivenCase;
let abandoned: DrivenCase;
let grandCase: DrivenCase;

beforeAll(async () => {
  atConfirm = await driveCase(db, {
    staff: amira,
    at: new Date("2026-03-09T19:00:00Z"),
    stopAt: "confirm",
    actionDueAt: new Date("2026-03-09T21:00:00Z"),
  });
  closed = await driveCase(db, {
    staff: amira,
    manager: maria,
    at: new Date("2026-03-08T19:00:00Z"),
    compensationCents: 2500,
    tags: ["product_quality"],
    actionDueAt: new Date("2026-03-20T12:00:00Z"),
  });
  atPrevent = await driveCase(db, { staff: amira, at: new Date("2026-03-09T20:00:00Z"), stopAt: "prevent" });
  abandoned = await driveCase(db, { staff: amira, at: new Date("2026-03-09T21:00:00Z"), abandon: true });
  grandCase = await driveCase(db, { staff: chloe, at: new Date("2026-03-09T19:00:00Z") });
}, 60_000);

describe("case detail", () => {
  it("tells the whole history in plain words: who, when, what", async () => {
    const detail = await getCaseDetail(db, maria, closed.caseId, NOW);
    const lines = detail.history.map((h) => `${h.who}: ${h.what}`);
    expect(lines[0]).toBe(`Amira Shah: Opened case ${closed.reference}`);
    expect(lines).toContain("Amira Shah: Heard the complaint: Food quality, moderate, at Table 4; customer upset");
    expect(lines).toContain("Amira Shah: Named the feeling: frustrated");
    expect(lines).toContain("Amira Shah: Apologised (our fault)");
    expect(lines).toContain("Amira Shah: Offered refund: Refund the main course (£25.00)");
    expect(lines).toContain("Maria Costa: Approved the request");
    expect(lines).toContain("Amira Shah: Tagged root causes: Product quality");
    expect(lines.at(-1)).toBe("Amira Shah: Closed the case");
    expect(detail.history[1].detail).toBe("“The soup was cold and we waited forty minutes.”");
    expect(detail.history.every((h, i) => i === 0 || h.at >= detail.history[i - 1].at)).toBe(true);
    expect(detail).toMatchObject({ phase: "closed", status: "closed", can: { close: false, reopen: true, updateActions: true } });
    expect(detail.compensation[0]).toMatchObject({ status: "approved", decidedBy: "Maria Costa", valueCents: 2500 });
  });

  it("highlights overdue open actions", async () => {
    const detail = await getCaseDetail(db, maria, atConfirm.caseId, NOW);
    expect(detail.actions).toEqual([
      expect.objectContaining({ id: atConfirm.actionId, owner: "Chef on shift", status: "open", overdue: true }),
    ]);
    expect((await getCaseDetail(db, maria, closed.caseId, NOW)).actions[0].overdue).toBe(false);
  });

  it("is for managers of the case's location only", async () => {
    expect((await errorOf(getCaseDetail(db, james, closed.caseId, NOW))).status).toBe(403);
    expect((await errorOf(getCaseDetail(db, amira, closed.caseId, NOW))).status).toBe(403);
    expect((await errorOf(getCaseDetail(db, maria, "nope", NOW))).status).toBe(404);
  });
});

describe("following up actions", () => {
  it("marks an action done, then reassigns it, each as an action_updated event by the manager", async () => {
    const done = await updateAction(
      db,
      maria,
      closed.caseId,
      { clientEventId: cid(), actionId: closed.actionId, status: "done", note: "Chef confirmed" },
      clock,
    );
    expect(done.phase).toBe("closed");
    let row = await db.agreedAction.findUniqueOrThrow({ where: { id: closed.actionId } });
    expect(row).toMatchObject({ status: "done", completedAt: NOW });

    const due = "2026-03-12T10:00:00.000Z";
    await updateAction(
      db,
      maria,
      closed.caseId,
      { clientEventId: cid(), actionId: closed.actionId, status: "open", owner: "Sous chef", dueAt: due },
      clock,
    );
    row = await db.agreedAction.findUniqueOrThrow({ where: { id: closed.actionId } });
    expect(row).toMatchObject({ status: "open", owner: "Sous chef", completedAt: null });
    expect(row.dueAt.toISOString()).toBe(due);

    const events = await db.caseEvent.findMany({ where: { caseId: closed.caseId, type: "action_updated" } });
    expect(events.map((e) => e.actorId)).toEqual(["usr-maria", "usr-maria"]);
    const detail = await getCaseDetail(db, maria, closed.caseId, NOW);
    expect(detail.history.at(-2)?.what).toBe("Action “Bring the fresh dish”: marked it done");
    expect(detail.history.at(-1)?.what).toMatch(/^Action “Bring the fresh dish”: reopened it, gave it to Sous chef, set it due Thu 12 Mar/);
  });

  it("refuses an empty change (400) and an unknown action (409)", async () => {
    expect(
      (await errorOf(updateAction(db, maria, atConfirm.caseId, { clientEventId: cid(), actionId: atConfirm.actionId }, clock))).status,
    ).toBe(400);
    expect(
      (await errorOf(updateAction(db, maria, atConfirm.caseId, { clientEventId: cid(), actionId: "ghost", status: "done" }, clock))).status,
    ).toBe(409);
  });

  it("refuses a manager of another location", async () => {
    const error = await errorOf(
      updateAction(db, james, atConfirm.caseId, { clientEventId: cid(), actionId: atConfirm.actionId, status: "done" }, clock),
    );
    expect(error.status).toBe(403);
  });
});

describe("notes, closing and reopening", () => {
  it("adds a manager's note", async () => {
    await addManagerNote(db, maria, atConfirm.caseId, { clientEventId: cid(), text: "Called the customer next day." }, clock);
    const detail = await getCaseDetail(db, maria, atConfirm.caseId, NOW);
    expect(detail.managerNotes).toEqual([{ text: "Called the customer next day.", at: NOW.toISOString(), by: "Maria Costa" }]);
    expect((await errorOf(addManagerNote(db, maria, atConfirm.caseId, { clientEventId: cid(), text: "  " }, clock))).status).toBe(400);
    expect((await errorOf(addManagerNote(db, chloe, grandCase.caseId, { clientEventId: cid(), text: "hi" }, clock))).status).toBe(403);
  });

  it("closes only when the playbook allows it, saying why not", async () => {
    const detail = await getCaseDetail(db, maria, atPrevent.caseId, NOW);
    expect(detail.can.close).toBe(false);
    expect(detail.can.closeBlockedBecause).toMatch(/root cause/);
    const error = await errorOf(closeCase(db, maria, atPrevent.caseId, { clientEventId: cid(), reason: "Done" }, clock));
    expect(error.status).toBe(409);
    expect(await db.caseEvent.count({ where: { caseId: atPrevent.caseId, type: "manager_note_added" } })).toBe(0);
    expect((await errorOf(closeCase(db, maria, atConfirm.caseId, { clientEventId: cid() }, clock))).status).toBe(409);
  });

  it("reopens a closed case with a reason, then closes it again with one", async () => {
    expect((await errorOf(reopenCase(db, maria, closed.caseId, { clientEventId: cid(), reason: "" }, clock))).status).toBe(400);
    const reopened = await reopenCase(
      db,
      maria,
      closed.caseId,
      { clientEventId: cid(), reason: "The customer wrote in: the refund never arrived." },
      clock,
    );
    expect(reopened).toMatchObject({ phase: "prevent", status: "open" });
    let detail = await getCaseDetail(db, maria, closed.caseId, NOW);
    expect(detail.can).toMatchObject({ close: true, reopen: false });
    expect(detail.history.at(-1)).toMatchObject({
      who: "Maria Costa",
      what: "Reopened the case",
      detail: "The customer wrote in: the refund never arrived.",
    });

    const closeId = cid();
    const closedAgain = await closeCase(
      db,
      maria,
      closed.caseId,
      { clientEventId: closeId, reason: "Refund re-sent and confirmed." },
      clock,
    );
    expect(closedAgain).toMatchObject({ phase: "closed", status: "closed" });
    const repeat = await closeCase(db, maria, closed.caseId, { clientEventId: closeId, reason: "Refund re-sent and confirmed." }, clock);
    expect(repeat.duplicate).toBe(true);
    detail = await getCaseDetail(db, maria, closed.caseId, NOW);
    expect(detail.history.slice(-2).map((h) => h.what)).toEqual(["Added a manager's note", "Closed the case"]);
    expect(detail.managerNotes.map((n) => n.text)).toContain("Closing: Refund re-sent and confirmed.");
    const row = await db.case.findUniqueOrThrow({ where: { id: closed.caseId } });
    expect(row.status).toBe("closed");
  });

  it("reopens an abandoned case where it was left, and refuses to reopen an open one", async () => {
    const result = await reopenCase(
      db,
      maria,
      abandoned.caseId,
      { clientEventId: cid(), reason: "The customer came back to the desk." },
      clock,
    );
    expect(result).toMatchObject({ phase: "validate", status: "open" });
    expect((await errorOf(reopenCase(db, maria, atConfirm.caseId, { clientEventId: cid(), reason: "Why not" }, clock))).status).toBe(409);
    expect((await errorOf(reopenCase(db, james, closed.caseId, { clientEventId: cid(), reason: "Not mine" }, clock))).status).toBe(403);
    const { state } = await loadCaseState(db, abandoned.caseId);
    expect(state.reopenings).toBe(1);
  });
});

describe("the prevent loop", () => {
  it("turns a root cause into an improvement linked to its cases, lists it, and marks it done", async () => {
    const created = await createImprovement(
      db,
      maria,
      {
        title: "Warm the soup bowls",
        owner: "Head chef",
        due: "2026-03-31",
        locationId: "loc-harbour",
        tag: "product_quality",
        linkFrom: "2026-03-01",
        linkTo: "2026-03-10",
      },
      NOW,
    );
    expect(created.linkedCases).toBe(1); // the closed harbour case; not the Grand Station one
    let [row] = await listImprovements(db, maria, NOW);
    expect(row.dueAt).toBe("2026-03-31T22:59:59.999Z"); // the end of 31 March in London (BST)
    expect(row).toMatchObject({
      title: "Warm the soup bowls",
      owner: "Head chef",
      status: "open",
      overdue: false,
      locationName: "The Harbour Kitchen",
      tag: { slug: "product_quality", label: "Product quality" },
      linkedCases: 1,
      casesSince: 0,
      createdBy: "Maria Costa",
    });
    expect(await listImprovements(db, james, NOW)).toEqual([]);

    const linked = await linkImprovementCases(db, maria, created.id, { caseIds: [atConfirm.caseId, closed.caseId] });
    expect(linked.linked).toBe(1);
    expect((await errorOf(linkImprovementCases(db, maria, created.id, { caseIds: [grandCase.caseId] }))).status).toBe(403);
    expect((await getCaseDetail(db, maria, atConfirm.caseId, NOW)).improvements.map((i) => i.title)).toEqual(["Warm the soup bowls"]);

    expect((await errorOf(setImprovementStatus(db, james, created.id, {}, NOW))).status).toBe(403);
    await setImprovementStatus(db, maria, created.id, { status: "done" }, NOW);
    [row] = await listImprovements(db, maria, new Date("2026-04-30T00:00:00Z"));
    expect(row).toMatchObject({ status: "done", overdue: false, completedAt: NOW.toISOString(), linkedCases: 2 });
  });

  it("refuses an improvement for another location, an unknown tag, and a missing title", async () => {
    const base = { title: "Fix the lift", owner: "Facilities", due: "2026-04-01", locationId: "loc-grand" };
    expect((await errorOf(createImprovement(db, maria, base, NOW))).status).toBe(403);
    expect((await errorOf(createImprovement(db, maria, { ...base, locationId: "loc-harbour", tag: "gremlins" }, NOW))).status).toBe(400);
    expect((await errorOf(createImprovement(db, maria, { ...base, locationId: "loc-harbour", title: "" }, NOW))).status).toBe(400);
    expect((await errorOf(createImprovement(db, amira, { ...base, locationId: "loc-harbour" }, NOW))).status).toBe(403);
  });
});
