import { describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { loadCaseState } from "@/lib/cases/case-log";
import { openCase } from "@/lib/cases/open-case";
import { projectCase } from "@/lib/playbook";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

/** The demo venues keep London time: the projection needs the venue's clock for the case's day. */
const LONDON_VENUE = { timeZone: "Europe/London" };

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const chloe = actorFor("usr-chloe");
let n = 0;
const cid = () => `test-${Date.now()}-${n++}`;

const heard = {
  type: "complaint_heard",
  data: { customerWords: "My steak is cold", category: "food_quality", severity: 2, spot: "Table 12", mood: "upset" },
};

describe("opening and appending", () => {
  it("opens a case with a reference at the actor's location", async () => {
    const opened = await openCase(db, amira, { clientEventId: cid() });
    expect(opened.reference).toMatch(/^C-[0-9A-Z]{6}$/);
    const row = await db.case.findUniqueOrThrow({ where: { id: opened.caseId } });
    expect(row).toMatchObject({ stage: "listen", status: "open", locationId: "loc-harbour", eventCount: 1 });
  });

  it("records a step and updates the projection in the same write", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    const result = await appendEvent(db, amira, caseId, { clientEventId: cid(), event: heard });
    expect(result).toMatchObject({ sequence: 2, phase: "validate", duplicate: false });
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ stage: "validate", category: "food_quality", severity: 2, spot: "Table 12" });
    const { state } = await loadCaseState(db, caseId);
    expect(projectCase(state, LONDON_VENUE).row.stage).toBe(row.stage);
  });

  it("records a repeated client id once and returns the original answer", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    const id = cid();
    const first = await appendEvent(db, amira, caseId, { clientEventId: id, event: heard });
    const again = await appendEvent(db, amira, caseId, { clientEventId: id, event: heard });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(2);
  });

  it("refuses a reused client id that carries a different step", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    const id = cid();
    await appendEvent(db, amira, caseId, { clientEventId: id, event: heard });
    const error = await errorOf(
      appendEvent(db, amira, caseId, { clientEventId: id, event: { ...heard, data: { ...heard.data, spot: "Bar" } } }),
    );
    expect(error.code).toBe("conflict");
    expect(error.status).toBe(409);
  });

  it("refuses a step that skips a stage with the playbook's reason, storing nothing", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    const error = await errorOf(
      appendEvent(db, amira, caseId, { clientEventId: cid(), event: { type: "apology_given", data: { sincere: true, ourFault: true } } }),
    );
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/Apologise/);
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(1);
  });

  it("rejects malformed input with a message naming the field, storing nothing", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    const error = await errorOf(
      appendEvent(db, amira, caseId, { clientEventId: cid(), event: { ...heard, data: { ...heard.data, severity: 9 } } }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/severity/);
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(1);
  });

  it("refuses staff from another location", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    const error = await errorOf(appendEvent(db, chloe, caseId, { clientEventId: cid(), event: heard }));
    expect(error.status).toBe(403);
  });

  it("refuses an unknown root-cause tag", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    const error = await errorOf(
      appendEvent(db, amira, caseId, { clientEventId: cid(), event: { type: "root_causes_tagged", data: { tags: ["gremlins"] } } }),
    );
    expect(error.status).toBe(400);
  });

  it("keeps concurrent appends to one case consistent", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    const notes = Array.from({ length: 20 }, (_, i) =>
      appendEvent(db, amira, caseId, { clientEventId: cid(), event: { type: "note_added", data: { text: `note ${i}` } } }),
    );
    const results = await Promise.all(notes);
    expect(new Set(results.map((r) => r.sequence)).size).toBe(20);
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.eventCount).toBe(21);
  });
});
