import { beforeAll, describe, expect, it } from "vitest";
import { countHeldSteps } from "@/lib/manager/count-held-steps";
import { listHeldSteps } from "@/lib/manager/list-held-steps";
import { reviewHeldStep } from "@/lib/manager/review-held-step";
import { driveCase, type DrivenCase } from "@/tests/support/drive-case";
import { actorFor } from "@/tests/support/actors";
import { sendEndedStep } from "@/tests/support/held-step";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

// Held steps (docs/decisions/0013-sealed-steps.md, 0019-held-steps.md): what a tablet captured after
// which the server could no longer record it, reviewed by the managers of the venue it was captured at.

const { db } = await createTestDb();
const maria = actorFor("usr-maria"); // manager, The Harbour Kitchen
const james = actorFor("usr-james"); // manager, Grand Station Hotel
const alex = actorFor("usr-alex"); // admin, both venues
const amira = actorFor("usr-amira"); // staff, Harbour
const tara = actorFor("usr-tara"); // trainer, both
const NOW = new Date("2026-03-10T12:00:00Z");
const clock = () => NOW;

let harbourClosed: DrivenCase;
let grandAbandoned: DrivenCase;
const held: Record<"note" | "opening" | "grand", string> = { note: "", opening: "", grand: "" };

const snapshot = () =>
  db.heldStep.findMany({
    orderBy: { id: "asc" },
    select: { id: true, reviewedAt: true, reviewedById: true, reviewOutcome: true, reviewNote: true },
  });

beforeAll(async () => {
  harbourClosed = await driveCase(db, { staff: amira, manager: maria, at: new Date("2026-03-09T19:00:00Z") });
  grandAbandoned = await driveCase(db, { staff: actorFor("usr-chloe"), at: new Date("2026-03-09T18:00:00Z"), abandon: true });

  // Amira's note, sealed on the tablet, reaches the server after the case was closed and her session ended.
  const note = await sendEndedStep(
    db,
    "usr-amira",
    "loc-harbour",
    {
      kind: "event",
      caseId: harbourClosed.caseId,
      body: {
        clientEventId: "held-note-0001",
        capturedAt: "2026-03-09T21:05:00Z",
        event: { type: "note_added", data: { text: "Guest rang back: the refund has not arrived" } },
      },
    },
    new Date("2026-03-09T22:00:00Z"),
  );
  // Ben opened a case offline; by the time it arrived he had been deactivated.
  await db.user.update({ where: { id: "usr-ben" }, data: { active: false } });
  const opening = await sendEndedStep(
    db,
    "usr-ben",
    "loc-harbour",
    { kind: "open", caseId: "cheldheldheldheldheld00001", body: { clientEventId: "held-open-0001", capturedAt: "2026-03-09T23:00:00Z" } },
    new Date("2026-03-10T08:00:00Z"),
  );
  await db.user.update({ where: { id: "usr-ben" }, data: { active: true } });
  // Chloé apologised on a Grand case a manager had meanwhile abandoned.
  const grand = await sendEndedStep(
    db,
    "usr-chloe",
    "loc-grand",
    {
      kind: "event",
      caseId: grandAbandoned.caseId,
      body: {
        clientEventId: "held-grand-0001",
        event: { type: "apology_given", data: { sincere: true, ourFault: true, words: "I am so sorry" } },
      },
    },
    new Date("2026-03-10T09:00:00Z"),
  );
  for (const [name, result] of [
    ["note", note],
    ["opening", opening],
    ["grand", grand],
  ] as const) {
    if (!result.held) throw new Error(`${name} was recorded, not held`);
    held[name] = (await db.heldStep.findUniqueOrThrow({ where: { clientEventId: result.clientEventId } })).id;
  }
}, 60_000);

describe("held steps are kept with the venue they were captured at", () => {
  it("the case's venue for a step on a case; the session's for a case that never opened", async () => {
    const rows = await db.heldStep.findMany({ select: { id: true, locationId: true, reviewedAt: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.locationId]))).toEqual({
      [held.note]: "loc-harbour",
      [held.opening]: "loc-harbour",
      [held.grand]: "loc-grand",
    });
    expect(rows.every((r) => r.reviewedAt === null)).toBe(true);
  });
});

describe("listHeldSteps", () => {
  it("shows a manager their venue's held steps, newest first, in plain words with the case and the reason", async () => {
    const { steps, unreviewed } = await listHeldSteps(db, maria);
    expect(unreviewed).toBe(2);
    expect(steps.map((s) => s.id)).toEqual([held.opening, held.note]);
    const [opening, note] = steps;
    expect(note).toMatchObject({
      kind: "event",
      author: "Amira Shah",
      capturedAt: "2026-03-09T21:05:00.000Z",
      heldAt: "2026-03-09T22:00:00.000Z",
      location: { id: "loc-harbour", name: "The Harbour Kitchen" },
      case: { id: harbourClosed.caseId, reference: harbourClosed.reference, linkable: true },
      what: "Added a note",
      detail: "Guest rang back: the refund has not arrived",
      review: null,
    });
    expect(note.reason).toMatch(/\S{5}/);
    expect(opening).toMatchObject({
      kind: "open",
      author: "Ben Okafor",
      case: { id: "cheldheldheldheldheld00001", reference: null, linkable: false },
      what: "Opened a new case on the tablet",
      reason: "The person who took this step can no longer sign in.",
    });
    // Nothing of the raw step or its seal reaches the page.
    expect(JSON.stringify(steps)).not.toMatch(/clientEventId|keyId|sessionId|payload|held-note-0001/);
  });

  it("shows another venue's manager only theirs, and an admin both venues'", async () => {
    const grand = await listHeldSteps(db, james);
    expect(grand.steps.map((s) => [s.id, s.author, s.what])).toEqual([[held.grand, "Chloé Martin", "Apologised (our fault)"]]);
    expect(grand.unreviewed).toBe(1);
    expect((await listHeldSteps(db, alex)).steps.map((s) => s.id)).toEqual([held.grand, held.opening, held.note]);
    expect(await countHeldSteps(db, maria)).toBe(2);
    expect(await countHeldSteps(db, james)).toBe(1);
  });

  it("shows a case's held steps on that case, for its managers only", async () => {
    expect((await listHeldSteps(db, maria, { caseId: harbourClosed.caseId })).steps.map((s) => s.id)).toEqual([held.note]);
    expect((await errorOf(listHeldSteps(db, james, { caseId: harbourClosed.caseId }))).status).toBe(403);
  });

  it("is refused to staff, trainers, and bad filters with a clear message", async () => {
    for (const who of [amira, tara]) {
      expect((await errorOf(listHeldSteps(db, who))).status).toBe(403);
      expect((await errorOf(countHeldSteps(db, who))).status).toBe(403);
    }
    const bad = await errorOf(listHeldSteps(db, maria, { status: "everything" }));
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/status must be/);
  });
});

describe("reviewHeldStep", () => {
  it("refuses staff, trainers and another venue's manager, changing nothing", async () => {
    const before = await snapshot();
    const input = { outcome: "not_needed", note: "Not mine to say" };
    for (const who of [amira, tara, james]) expect((await errorOf(reviewHeldStep(db, who, held.note, input, clock))).status).toBe(403);
    expect((await errorOf(reviewHeldStep(db, maria, held.grand, input, clock))).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("answers bad input and unknown ids with a clear message, changing nothing", async () => {
    const before = await snapshot();
    const cases: [unknown, RegExp][] = [
      [{}, /Choose "Recorded by hand" or "No longer needed"/],
      [{ outcome: "recorded_by_hand" }, /note/],
      [{ outcome: "recorded_by_hand", note: "   " }, /Write a short note/],
      [{ outcome: "done", note: "x" }, /outcome/],
      [{ outcome: "not_needed", note: "x".repeat(501) }, /at most 500/],
    ];
    for (const [input, message] of cases) {
      const error = await errorOf(reviewHeldStep(db, maria, held.note, input, clock));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(message);
    }
    expect((await errorOf(reviewHeldStep(db, maria, "no-such-held-step", { outcome: "not_needed", note: "x" }, clock))).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("records who reviewed it, when, what was done and the note; the same review again changes nothing; another is refused", async () => {
    const input = { outcome: "recorded_by_hand", note: "  Added the note to the case by hand  " };
    const first = await reviewHeldStep(db, maria, held.note, input, clock);
    expect(first).toEqual({
      id: held.note,
      outcome: "recorded_by_hand",
      note: "Added the note to the case by hand",
      reviewedAt: NOW.toISOString(),
      duplicate: false,
    });
    const after = await snapshot();

    // The answer was lost and the form sent it again: the same answer, nothing changed.
    const again = await reviewHeldStep(db, maria, held.note, input, () => new Date("2026-03-10T12:05:00Z"));
    expect(again).toEqual({ ...first, duplicate: true });
    // A second, different review (another manager, or other words) is refused, naming the first.
    const admin = await errorOf(reviewHeldStep(db, alex, held.note, { outcome: "not_needed", note: "Guest left" }, clock));
    expect(admin.status).toBe(409);
    expect(admin.message).toMatch(/Maria Costa already reviewed this held step/);
    expect((await errorOf(reviewHeldStep(db, maria, held.note, { outcome: "not_needed", note: "Other words" }, clock))).status).toBe(409);
    expect(await snapshot()).toEqual(after);

    const { steps, unreviewed } = await listHeldSteps(db, maria);
    expect(unreviewed).toBe(1);
    expect(steps.find((s) => s.id === held.note)?.review).toEqual({
      at: NOW.toISOString(),
      by: "Maria Costa",
      outcome: "recorded_by_hand",
      note: "Added the note to the case by hand",
    });
    expect((await listHeldSteps(db, maria, { status: "open" })).steps.map((s) => s.id)).toEqual([held.opening]);
    expect((await listHeldSteps(db, maria, { status: "reviewed" })).steps.map((s) => s.id)).toEqual([held.note]);
    expect(await countHeldSteps(db, maria)).toBe(1);
    expect(await countHeldSteps(db, alex)).toBe(2);
  });

  it("lets an admin review a held step at one of their venues", async () => {
    const done = await reviewHeldStep(db, alex, held.grand, { outcome: "not_needed", note: "Apology was given in person" }, clock);
    expect(done.duplicate).toBe(false);
    expect(await countHeldSteps(db, james)).toBe(0);
  });
});

describe("an opening held for a case that never existed", () => {
  it("belongs to the venue it asked for when its author works there, else to the session's venue", async () => {
    // Ewa works at both venues; Amira only at the Harbour. Both deactivated before their openings arrive.
    await db.user.updateMany({ where: { id: { in: ["usr-ewa", "usr-amira"] } }, data: { active: false } });
    const open = (userId: string, n: number, locationId: string) =>
      sendEndedStep(db, userId, "loc-harbour", {
        kind: "open",
        caseId: `cheldopeningheldopening0000${n}`,
        body: { clientEventId: `held-asks-000${n}`, locationId },
      });
    const ewa = await open("usr-ewa", 1, "loc-grand");
    const amira = await open("usr-amira", 2, "loc-grand");
    await db.user.updateMany({ where: { id: { in: ["usr-ewa", "usr-amira"] } }, data: { active: true } });
    const where = async (result: Awaited<ReturnType<typeof open>>) =>
      result.held ? (await db.heldStep.findUniqueOrThrow({ where: { clientEventId: result.clientEventId } })).locationId : "recorded";
    expect(await where(ewa)).toBe("loc-grand");
    // Amira does not work at the Grand: her step stays with the Harbour, where she was signed in.
    expect(await where(amira)).toBe("loc-harbour");
  });
});
