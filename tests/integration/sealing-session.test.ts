// A sealed step's key, session and person in one statement (docs/decisions/0041) against Prisma's
// nested read, which stays the reference: for every kind of key (live, revoked, past a shift's
// length, its person gone or at two venues, made up) both give the same answer, so the checks made
// on it (lib/steps/append-sealed-step.ts) decide the same. And the step itself goes through.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkCaseLogs } from "@/lib/cases/check-case-logs";
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

  it("answers exactly as Prisma's nested read, for every kind of key, with or without a case beside it", async () => {
    const { caseId: grandCase } = await openCase(db, actorFor("usr-chloe"), { clientEventId: randomUUID() });
    const said = [undefined, caseId, grandCase, "no-such-case", `${caseId}' OR '1'='1`];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fc.constantFrom(...said), async (keyId, saidCase) => {
        const found = await sealingSession(db, keyId, saidCase);
        const expected = await sealingSession(reference, keyId);
        if (expected === null) return void expect(found).toBeNull();
        const { knownCase, ...rest } = found!;
        expect({ ...rest, knownCase: null }).toEqual(expected);
        // The case rides along only for someone who works where it is, and is the case as read alone.
        const stored = saidCase === undefined ? null : await hotAppender(db)!.readCase(saidCase);
        const worksThere = stored !== null && expected.user.locationIds.includes(stored.locationId);
        expect(knownCase).toEqual(worksThere ? stored : null);
      }),
      { numRuns: 60 },
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

  it("the case said beside the seal is used only when the seal names it: a wrong one stores the step on the sealed case", async () => {
    const { caseId: decoy } = await openCase(db, actorFor("usr-amira"), { clientEventId: randomUUID() });
    const sealed = await sealNote("usr-amira", "loc-harbour", "decoy beside");
    const [decoyBefore, caseBefore] = await Promise.all([
      db.caseEvent.count({ where: { caseId: decoy } }),
      db.caseEvent.count({ where: { caseId } }),
    ]);
    const stored = await appendSealedStep(db, { keyId: sealed.keyId, iv: sealed.iv, data: sealed.data, caseId: decoy });
    expect(stored).toMatchObject({ caseId, sequence: caseBefore + 1 });
    expect(await db.caseEvent.count({ where: { caseId: decoy } })).toBe(decoyBefore);
    expect(await checkCaseLogs(db, [caseId, decoy])).toMatchObject({ problems: [] });
  });

  it("a case id of the wrong shape beside the seal is ignored, never a reason to lose the step", async () => {
    const sealed = await sealNote("usr-amira", "loc-harbour", "odd beside");
    for (const odd of [{ nested: true }, "x".repeat(500), 42]) {
      const { keyId, iv, data } = await sealNote("usr-amira", "loc-harbour", `odd ${JSON.stringify(odd).slice(0, 10)}`);
      expect(await appendSealedStep(db, { keyId, iv, data, caseId: odd })).toMatchObject({ caseId, duplicate: false });
    }
    expect(await appendSealedStep(db, { keyId: sealed.keyId, iv: sealed.iv, data: sealed.data, caseId })).toMatchObject({ caseId });
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
