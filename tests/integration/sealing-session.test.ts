// A sealed step's key, session and person in one statement (docs/decisions/0041) against Prisma's
// nested read, which stays the reference: for every kind of key (live, revoked, past a shift's
// length, its person gone or at two venues, made up) both give the same answer, so the checks made
// on it (lib/steps/append-sealed-step.ts) decide the same. And the step itself goes through.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { openCase } from "@/lib/cases/open-case";
import { configureSqlite, createDb } from "@/lib/db/client";
import { hotAppender, withoutHotPath } from "@/lib/db/hot-append";
import { appendSealedStep } from "@/lib/steps/append-sealed-step";
import { sealingSession } from "@/lib/steps/sealing-session";
import { actorFor } from "@/tests/support/actors";
import { sealForSession } from "@/tests/support/held-step";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db, url } = await createTestDb();
// The reference: the same database through Prisma alone.
const reference = createDb(url);
await configureSqlite(reference);
withoutHotPath(reference);
afterAll(() => reference.$disconnect());

const { caseId } = await openCase(db, actorFor("usr-amira"), { clientEventId: randomUUID() });
const note = (text: string) => ({ clientEventId: randomUUID(), event: { type: "note_added", data: { text } } });
const sealNote = (userId: string, locationId: string | null, text: string) =>
  sealForSession(db, userId, locationId, { kind: "event", caseId, body: note(text) });

const live = await sealNote("usr-amira", "loc-harbour", "live");
const twoVenues = await sealNote("usr-ewa", "loc-grand", "two venues");
const noVenue = await sealNote("usr-alex", null, "no venue");
const revoked = await sealNote("usr-amira", "loc-harbour", "revoked");
await db.session.update({ where: { id: revoked.sessionId }, data: { revokedAt: new Date() } });
const gone = await sealNote("usr-ben", "loc-harbour", "gone");
await db.user.update({ where: { id: "usr-ben" }, data: { active: false } });
const keys = [live.keyId, twoVenues.keyId, noVenue.keyId, revoked.keyId, gone.keyId, "no-such-key", `${live.keyId}' OR '1'='1`];

describe("a sealed step's key with its session, in one statement", () => {
  it("the hot path is there to compare (else this file would compare Prisma with itself)", () => {
    expect(hotAppender(db)).not.toBeNull();
    expect(hotAppender(reference)).toBeNull();
  });

  it("answers exactly as Prisma's nested read, for every kind of key", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), async (keyId) => {
        expect(await sealingSession(db, keyId)).toEqual(await sealingSession(reference, keyId));
      }),
      { numRuns: 30 },
    );
  });

  it("names the person's venues, the session's state and the secret", async () => {
    const found = await sealingSession(db, twoVenues.keyId);
    expect(found?.user).toMatchObject({ id: "usr-ewa", active: true, locationIds: ["loc-grand", "loc-harbour"] });
    expect(found?.session).toMatchObject({ id: twoVenues.sessionId, locationId: "loc-grand", revokedAt: null });
    expect(found?.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await sealingSession(db, revoked.keyId))?.session.revokedAt).toBeInstanceOf(Date);
    expect((await sealingSession(db, gone.keyId))?.user.active).toBe(false);
    expect(await sealingSession(db, "no-such-key")).toBeNull();
  });
});

describe("sealed steps through it", () => {
  it("a live session's step is stored; a made-up key and a departed person's step are refused and store nothing", async () => {
    const before = await db.caseEvent.count({ where: { caseId } });
    const stored = await appendSealedStep(db, { keyId: live.keyId, iv: live.iv, data: live.data });
    expect(stored).toMatchObject({ caseId, sequence: before + 1, duplicate: false });
    expect((await errorOf(appendSealedStep(db, { keyId: "no-such-key", iv: live.iv, data: live.data }))).code).toBe("forbidden");
    expect((await errorOf(appendSealedStep(db, { keyId: gone.keyId, iv: gone.iv, data: gone.data }))).code).toBe("forbidden");
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(before + 1);
  });

  it("a step sealed under a revoked session still counts as its author's (it may have waited offline)", async () => {
    const stored = await appendSealedStep(db, { keyId: revoked.keyId, iv: revoked.iv, data: revoked.data });
    expect(stored).toMatchObject({ caseId, duplicate: false });
    const last = await db.caseEvent.findFirst({ where: { caseId }, orderBy: { sequence: "desc" } });
    expect(last?.actorId).toBe("usr-amira");
  });

  it("a stored sealed step sent again is answered as the first time, and stored once", async () => {
    const count = await db.caseEvent.count({ where: { caseId } });
    const again = await appendSealedStep(db, { keyId: live.keyId, iv: live.iv, data: live.data });
    expect(again).toMatchObject({ duplicate: true });
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(count);
  });
});
