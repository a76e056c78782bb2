import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveHub, type LiveSignal } from "@/lib/live/hub";
import { eventsFor } from "@/lib/live/live-stream";
import { openLiveFeed } from "@/lib/live/open-live-feed";
import { reviewHeldStep } from "@/lib/manager/review-held-step";
import { actorFor } from "@/tests/support/actors";
import { driveCase, type DrivenCase } from "@/tests/support/drive-case";
import { sendEndedStep } from "@/tests/support/held-step";
import { createTestDb } from "../setup/test-db";

// The held-steps badge follows the live stream (docs/decisions/0019, 0026): holding a step and
// reviewing one tell the venue's live streams, on both engines (PostgreSQL: pg_notify, heard back
// through this process's LISTEN client; SQLite: the in-process hub), and only the venue's managers'
// streams pass it on. A step sent again, or a review sent again, tells nobody.

const { db } = await createTestDb();
const hub = liveHub(db);
const heard: LiveSignal[] = [];
const unsubscribe = hub.subscribe((signal) => heard.push(signal));
afterAll(async () => {
  unsubscribe();
  await hub.close();
});

const maria = actorFor("usr-maria"); // manager, The Harbour Kitchen
const amira = actorFor("usr-amira"); // staff, Harbour
let closed: DrivenCase;
let n = 0;

async function until(test: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

const heldNotices = () => heard.flatMap((s) => (s.kind === "notice" && s.notice.held ? [s.notice] : []));

/** Amira's note on the closed Harbour case, reaching the server after her session ended: held. */
function holdNote(clientEventId = `live-held-${process.pid}-${n++}`) {
  return sendEndedStep(db, "usr-amira", "loc-harbour", {
    kind: "event",
    caseId: closed.caseId,
    body: { clientEventId, event: { type: "note_added", data: { text: "Guest rang back about the refund" } } },
  });
}

/** Nothing more arrives: give a stray notice time to come through first. */
async function quiet(count: number) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(heldNotices()).toHaveLength(count);
}

beforeAll(async () => {
  closed = await driveCase(db, { staff: amira, manager: maria, at: new Date(Date.now() - 3_600_000) });
  expect(await until(() => hub.ready, 10_000)).toBe(true);
});

describe("held steps on the live stream", () => {
  it("holding a step tells its venue, once", async () => {
    const before = heldNotices().length;
    const result = await holdNote("live-held-once");
    expect(result).toMatchObject({ held: true });
    expect(await until(() => heldNotices().length > before)).toBe(true);
    expect(heldNotices().at(-1)).toEqual({ locationId: "loc-harbour", held: true });
    // The same step again (the tablet did not hear the answer): already held, nobody is told.
    expect(await holdNote("live-held-once")).toMatchObject({ held: true });
    await quiet(before + 1);
  });

  it("reviewing a held step tells its venue; the same review again does not", async () => {
    // Wait for this hold's own notice (the first test's already counts): on PostgreSQL it arrives
    // through LISTEN a moment after the write, and must not land inside the quiet check below.
    const beforeHold = heldNotices().length;
    await holdNote();
    expect(await until(() => heldNotices().length > beforeHold)).toBe(true);
    const row = await db.heldStep.findFirstOrThrow({ where: { reviewedAt: null, locationId: "loc-harbour" }, select: { id: true } });
    await quiet(heldNotices().length);
    const before = heldNotices().length;
    const input = { outcome: "not_needed", note: "Guest had already left" };
    await reviewHeldStep(db, maria, row.id, input);
    expect(await until(() => heldNotices().length > before)).toBe(true);
    expect(heldNotices().at(-1)).toEqual({ locationId: "loc-harbour", held: true });
    expect(await reviewHeldStep(db, maria, row.id, input)).toMatchObject({ duplicate: true });
    await quiet(before + 1);
  });

  it("only the venue's managers' streams pass it on", async () => {
    const notice: LiveSignal = { kind: "notice", notice: { locationId: "loc-harbour", held: true } };
    const feedOf = (userId: string, locationId?: string) => openLiveFeed(db, actorFor(userId, locationId), {});
    expect(eventsFor(await feedOf("usr-maria"), notice)).toEqual(["event: held\ndata: {}\n\n"]);
    expect(eventsFor(await feedOf("usr-alex", "loc-harbour"), notice)).toEqual(["event: held\ndata: {}\n\n"]);
    // Staff at the venue, and the other venue's manager: nothing.
    expect(eventsFor(await feedOf("usr-amira"), notice)).toEqual([]);
    expect(eventsFor(await feedOf("usr-james"), notice)).toEqual([]);
  });
});
