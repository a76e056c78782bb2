import { beforeAll, describe, expect, it } from "vitest";
import { driveCase } from "@/tests/support/drive-case";
import { actorFor } from "@/tests/support/actors";
import { acknowledgeComment } from "@/lib/training/acknowledge-comment";
import { getReplay } from "@/lib/training/get-replay";
import { listMyFeedback } from "@/lib/training/list-my-feedback";
import { pinComment } from "@/lib/training/pin-comment";
import { recordCase } from "@/tests/support/record-case";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const ben = actorFor("usr-ben");
const maria = actorFor("usr-maria");
const tara = actorFor("usr-tara");
const chloe = actorFor("usr-chloe");
const james = actorFor("usr-james");

let closed: string;
let open: string;
let grand: string;

beforeAll(async () => {
  closed = (await recordCase(db, { staff: amira, manager: maria, at: new Date("2026-03-02T19:00:00Z"), options: { escalate: "approved" } }))
    .caseId;
  open = (await driveCase(db, { staff: amira, at: new Date("2026-03-03T19:00:00Z"), stopAt: "solve" })).caseId;
  grand = (
    await recordCase(db, { staff: chloe, manager: james, at: new Date("2026-03-04T19:00:00Z"), options: { locationId: "loc-grand" } })
  ).caseId;
});

describe("pinning a coaching comment", () => {
  it("pins a comment to a step, for the person who handled the case", async () => {
    const comment = await pinComment(
      db,
      tara,
      closed,
      { eventSequence: 4, text: "Lovely apology: short, and you owned it." },
      () => new Date("2026-03-05T10:00:00Z"),
    );
    expect(comment).toMatchObject({
      caseId: closed,
      eventSequence: 4,
      authorName: "Tara Quinn",
      staffName: "Amira Shah",
      acknowledgedAt: null,
    });
    const replay = await getReplay(db, tara, closed);
    expect(replay.comments).toEqual([
      expect.objectContaining({ id: comment.id, eventSequence: 4, text: "Lovely apology: short, and you owned it." }),
    ]);
  });

  it("can be for the manager who took part, but not for a stranger", async () => {
    const decided = (await getReplay(db, tara, closed)).log.findIndex((e) => e.type === "manager_decided") + 1;
    const forMaria = await pinComment(db, tara, closed, {
      eventSequence: decided,
      text: "Good call offering a table.",
      staffId: "usr-maria",
    });
    expect(forMaria.staffName).toBe("Maria Costa");
    const stranger = await errorOf(pinComment(db, tara, closed, { eventSequence: 2, text: "x", staffId: "usr-ben" }));
    expect(stranger.code).toBe("invalid_input");
  });

  it("refuses a step the case does not have, blank text, an open case and someone else's location", async () => {
    expect((await errorOf(pinComment(db, tara, closed, { eventSequence: 99, text: "Hi" }))).code).toBe("invalid_input");
    expect((await errorOf(pinComment(db, tara, closed, { eventSequence: 2, text: "   " }))).code).toBe("invalid_input");
    expect((await errorOf(pinComment(db, tara, open, { eventSequence: 2, text: "Hi" }))).code).toBe("conflict");
    const onlyGrand = { ...tara, locationIds: ["loc-grand"] };
    expect((await errorOf(pinComment(db, onlyGrand, closed, { eventSequence: 2, text: "Hi" }))).status).toBe(403);
    expect((await errorOf(pinComment(db, tara, "no-such-case", { eventSequence: 2, text: "Hi" }))).status).toBe(404);
  });

  it("is for trainers only", async () => {
    for (const who of [amira, maria])
      expect((await errorOf(pinComment(db, who, closed, { eventSequence: 2, text: "Hi" }))).status).toBe(403);
    expect((await pinComment(db, actorFor("usr-alex"), grand, { eventSequence: 2, text: "Admins can coach too." })).staffName).toBe(
      "Chloé Martin",
    );
  });
});

describe("my feedback and acknowledging", () => {
  it("shows staff their own scored cases with the comments pinned to their steps", async () => {
    const feedback = await listMyFeedback(db, amira);
    const mine = feedback.cases.find((c) => c.id === closed);
    expect(mine?.rubric.score).toBe(100);
    expect(mine?.rubric.items).toHaveLength(9);
    expect(mine?.comments).toEqual([
      expect.objectContaining({
        eventSequence: 4,
        step: expect.stringMatching(/^Apologised/),
        authorName: "Tara Quinn",
        acknowledgedAt: null,
      }),
    ]);
    expect(feedback.unacknowledged).toBe(1);
    // Unread first; only Amira's comment, not the one for Maria.
    expect(feedback.cases[0].id).toBe(closed);
    expect(feedback.cases.flatMap((c) => c.comments).map((c) => c.text)).not.toContain("Good call offering a table.");
    // The open case is not scored yet, and nobody else's case shows.
    expect(feedback.cases.map((c) => c.id)).not.toContain(open);
    expect(feedback.cases.map((c) => c.id)).not.toContain(grand);
  });

  it("lets the member of staff acknowledge their comment, once", async () => {
    const [comment] = (await listMyFeedback(db, amira)).cases.flatMap((c) => c.comments);
    const first = await acknowledgeComment(db, amira, comment.id, () => new Date("2026-03-06T09:00:00Z"));
    expect(first).toEqual({ id: comment.id, acknowledgedAt: "2026-03-06T09:00:00.000Z", duplicate: false });
    const again = await acknowledgeComment(db, amira, comment.id, () => new Date("2026-03-07T09:00:00Z"));
    expect(again).toEqual({ id: comment.id, acknowledgedAt: "2026-03-06T09:00:00.000Z", duplicate: true });
    const after = await listMyFeedback(db, amira);
    expect(after.unacknowledged).toBe(0);
    expect(after.cases.flatMap((c) => c.comments)[0].acknowledgedAt).toBe("2026-03-06T09:00:00.000Z");
    expect((await getReplay(db, tara, closed)).comments.find((c) => c.id === comment.id)?.acknowledgedAt).toBe("2026-03-06T09:00:00.000Z");
  });

  it("does not let anyone else acknowledge it, or a trainer use my feedback", async () => {
    const [comment] = (await listMyFeedback(db, maria)).cases.flatMap((c) => c.comments);
    expect(comment.text).toBe("Good call offering a table.");
    expect((await errorOf(acknowledgeComment(db, ben, comment.id))).status).toBe(404);
    expect((await errorOf(acknowledgeComment(db, amira, "no-such-comment"))).status).toBe(404);
    expect((await errorOf(acknowledgeComment(db, tara, comment.id))).status).toBe(403);
    expect((await errorOf(listMyFeedback(db, tara))).status).toBe(403);
  });
});
