import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCaseState } from "@/lib/cases/case-log";
import { decideRequest } from "@/lib/manager/decide-request";
import { getLiveBoard } from "@/lib/manager/live-board";
import { getRepeatWarning, ordinal } from "@/lib/manager/repeat-warning";
import { driveCase, type DrivenCase } from "@/tests/support/drive-case";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const ben = actorFor("usr-ben");
const chloe = actorFor("usr-chloe");
const maria = actorFor("usr-maria");
const james = actorFor("usr-james");
// 18:00 in London on a March evening (GMT).
const NOW = new Date("2026-03-10T18:00:00Z");
const clock = () => NOW;

let remedy: DrivenCase;
let authority: DrivenCase;
let live1: DrivenCase;
let live2: DrivenCase;
let grand: DrivenCase;

beforeAll(async () => {
  remedy = await driveCase(db, {
    staff: amira,
    at: new Date("2026-03-10T17:20:00Z"),
    category: "billing",
    severity: 3,
    mood: "angry",
    feeling: "let_down",
    words: "You charged us twice for the wine",
    stopAt: "remedy_pending",
    compensationCents: 4500,
  });
  authority = await driveCase(db, {
    staff: ben,
    at: new Date("2026-03-10T17:00:00Z"),
    category: "service",
    severity: 4,
    stopAt: "escalated",
    spot: "Table 9",
  });
  live1 = await driveCase(db, { staff: amira, at: new Date("2026-03-10T17:30:00Z"), category: "food_quality", stopAt: "validate" });
  live2 = await driveCase(db, {
    staff: ben,
    at: new Date("2026-03-10T17:40:00Z"),
    category: "food_quality",
    severity: 3,
    stopAt: "apologise",
  });
  await driveCase(db, { staff: amira, at: new Date("2026-03-08T12:00:00Z"), category: "drink", stopAt: "validate" });
  grand = await driveCase(db, { staff: chloe, at: new Date("2026-03-10T17:10:00Z"), stopAt: "escalated" });
}, 60_000);

describe("the live board", () => {
  it("puts requests waiting for me first, longest waiting first, each with its brief", async () => {
    const board = await getLiveBoard(db, maria, NOW);
    expect(board.waiting.map((w) => w.caseId)).toEqual([authority.caseId, remedy.caseId]);
    const brief = board.waiting.find((w) => w.caseId === remedy.caseId)!;
    expect(brief).toMatchObject({
      kind: "remedy",
      requestedBy: "Amira Shah",
      locationName: "The Harbour Kitchen",
      complaint: {
        words: "You charged us twice for the wine",
        category: "Bill / payment",
        severity: 3,
        severityLabel: "Major",
        mood: "angry",
      },
      feeling: { label: "Let down" },
      apology: { ourFault: true },
      offered: ["Cook a fresh dish now", "Take the dish off the bill"],
      chosenOption: "Cook a fresh dish now",
      compensation: { description: "Refund the main course", valueCents: 4500, limitCents: 1500 },
    });
    expect(brief.request).toContain("£45.00");
    expect(brief.reason).toContain("£15.00");
    const call = board.waiting.find((w) => w.caseId === authority.caseId)!;
    expect(call).toMatchObject({
      kind: "authority",
      requestedBy: "Ben Okafor",
      spot: "Table 9",
      reason: "The customer asks for the manager.",
    });
    expect(call.request).toContain("Make the whole meal free");
    expect(call.declined[0]).toMatchObject({ request: "Make the whole meal free", alternatives: ["Dessert on the house"] });
  });

  it("lists cases open now with stage, severity and spot, and counts stale ones apart", async () => {
    const board = await getLiveBoard(db, maria, NOW);
    expect(board.live.map((c) => c.caseId)).toEqual([live2.caseId, live1.caseId]);
    expect(board.live[0]).toMatchObject({
      stage: "apologise",
      severity: 3,
      spot: "Table 4",
      staffName: "Ben Okafor",
      category: "Food quality",
    });
    expect(board.staleOpen).toBe(1);
    expect(board.locations).toEqual([{ id: "loc-harbour", name: "The Harbour Kitchen" }]);
  });

  it("warns when a category repeats at the location on the same day", async () => {
    const board = await getLiveBoard(db, maria, NOW);
    expect(board.live.find((c) => c.caseId === live2.caseId)?.repeat).toEqual([
      "This is the 2nd food quality complaint at this location today.",
    ]);
    expect(board.live.find((c) => c.caseId === live1.caseId)?.repeat).toEqual([]);
    expect(await getRepeatWarning(db, amira, live2.caseId, NOW)).toMatchObject({ category: { nth: 2, label: "Food quality" } });
    expect(await getRepeatWarning(db, amira, live1.caseId, NOW)).toBeNull();
    expect((await errorOf(getRepeatWarning(db, chloe, live2.caseId, NOW))).status).toBe(403);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "101st",
    ]);
  });

  it("warns when a root cause repeats at the location that day", async () => {
    const day = new Date("2026-02-02T09:00:00Z");
    const first = await driveCase(db, { staff: amira, at: day, category: "wait_time", tags: ["wait_time"] });
    const second = await driveCase(db, {
      staff: ben,
      at: new Date(day.getTime() + 3_600_000),
      category: "service",
      tags: ["wait_time", "staff_manner"],
    });
    const warning = await getRepeatWarning(db, maria, second.caseId, NOW);
    expect(warning?.rootCauses).toEqual([{ slug: "wait_time", label: "Wait time", count: 2 }]);
    expect(warning?.messages).toEqual(["Wait time is the root cause of 2 complaints at this location that day."]);
    expect((await getRepeatWarning(db, maria, first.caseId, NOW))?.rootCauses).toHaveLength(1);
  });

  it("shows a manager only their own locations; staff may not see the board", async () => {
    const board = await getLiveBoard(db, james, NOW);
    expect(board.waiting.map((w) => w.caseId)).toEqual([grand.caseId]);
    expect(board.live).toEqual([]);
    expect((await errorOf(getLiveBoard(db, amira, NOW))).status).toBe(403);
  });
});

describe("deciding a request from the desk", () => {
  it("approves a remedy as the manager: the case moves on to Confirm", async () => {
    const id = randomUUID();
    const result = await decideRequest(
      db,
      maria,
      remedy.caseId,
      { clientEventId: id, decision: "approved", note: "Go ahead, apologise for us." },
      clock,
    );
    expect(result).toMatchObject({ phase: "confirm", status: "open", duplicate: false });
    const event = await db.caseEvent.findUniqueOrThrow({ where: { clientEventId: id } });
    expect(event).toMatchObject({ type: "manager_decided", actorId: "usr-maria", actorRole: "manager" });
    const comp = await db.compensation.findFirstOrThrow({ where: { caseId: remedy.caseId } });
    expect(comp).toMatchObject({ status: "approved", decidedById: "usr-maria", decisionNote: "Go ahead, apologise for us." });
    const again = await decideRequest(
      db,
      maria,
      remedy.caseId,
      { clientEventId: id, decision: "approved", note: "Go ahead, apologise for us." },
      clock,
    );
    expect(again).toMatchObject({ ...result, duplicate: true });
    expect(await db.caseEvent.count({ where: { caseId: remedy.caseId, type: "manager_decided" } })).toBe(1);
    expect((await getLiveBoard(db, maria, NOW)).waiting.map((w) => w.caseId)).toEqual([authority.caseId]);
  });

  it("asks for a reason to decline, refuses an option with a decline, and records the decline", async () => {
    const noNote = await errorOf(decideRequest(db, maria, authority.caseId, { clientEventId: randomUUID(), decision: "declined" }, clock));
    expect(noNote.status).toBe(400);
    expect(noNote.details?.fields).toHaveProperty("note");
    const withOption = await errorOf(
      decideRequest(
        db,
        maria,
        authority.caseId,
        { clientEventId: randomUUID(), decision: "declined", note: "No", option: "A voucher" },
        clock,
      ),
    );
    expect(withOption.status).toBe(400);
  });

  it("lets a manager approve a call to the table with an extra option for the customer", async () => {
    const result = await decideRequest(
      db,
      maria,
      authority.caseId,
      {
        clientEventId: randomUUID(),
        decision: "approved",
        note: "Offer them a table next week",
        option: "A table for two next week, on us",
      },
      clock,
    );
    expect(result).toMatchObject({ phase: "solve", status: "open" });
    const { state } = await loadCaseState(db, authority.caseId);
    expect(state.options).toContain("A table for two next week, on us");
    expect(state.decisions.at(-1)).toMatchObject({ decision: "approved", managerId: "usr-maria" });
  });

  it("refuses a decision when none is awaited (409)", async () => {
    const error = await errorOf(decideRequest(db, maria, live1.caseId, { clientEventId: randomUUID(), decision: "approved" }, clock));
    expect(error.status).toBe(409);
  });

  it("refuses a manager of another location (403), staff (403), and an unknown case (404)", async () => {
    expect(
      (await errorOf(decideRequest(db, maria, grand.caseId, { clientEventId: randomUUID(), decision: "approved" }, clock))).status,
    ).toBe(403);
    expect(
      (await errorOf(decideRequest(db, james, live1.caseId, { clientEventId: randomUUID(), decision: "approved" }, clock))).status,
    ).toBe(403);
    expect(
      (await errorOf(decideRequest(db, chloe, grand.caseId, { clientEventId: randomUUID(), decision: "approved" }, clock))).status,
    ).toBe(403);
    expect(
      (await errorOf(decideRequest(db, maria, "no-such-case", { clientEventId: randomUUID(), decision: "approved" }, clock))).status,
    ).toBe(404);
    expect(await db.caseEvent.count({ where: { caseId: grand.caseId, type: "manager_decided" } })).toBe(0);
  });
});
