// A step's session and its case read in one statement (docs/decisions/0041): the case rides on the
// session's row for the location it is at. Who must not get a case this way: anyone whose session
// is unknown, revoked, idle, expired, deactivated or on a tablet it does not match; anyone who does
// not work where the case is. For all of them the actor is exactly what resolveSession says, and no
// case is read. And a row read with the session may be stale by the time the step is stored (another
// step got in first): nothing may be lost, doubled or refused because of it.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSession, resolveSession, resolveSessionWithCase, revokeSession } from "@/lib/auth/sessions";
import { hashToken } from "@/lib/auth/tokens";
import { appendEvent } from "@/lib/cases/append-event";
import { checkCaseLogs } from "@/lib/cases/check-case-logs";
import { openCase } from "@/lib/cases/open-case";
import { configureSqlite, createDb } from "@/lib/db/client";
import { hotAppender, withoutHotPath } from "@/lib/db/hot-append";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db, url } = await createTestDb();
const hot = hotAppender(db)!;
const now = new Date();
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

const amira = actorFor("usr-amira");
const chloe = actorFor("usr-chloe");

const heard = {
  type: "complaint_heard",
  data: { customerWords: "The soup was cold.", category: "food_quality", severity: 2, spot: "Table 4", mood: "upset" },
} as const;
const validated = { type: "feeling_validated", data: { feeling: "frustrated", acknowledged: true } } as const;
const note = (text: string) => ({ type: "note_added", data: { text } }) as const;
const step = (event: unknown) => ({ clientEventId: randomUUID(), event });

async function openAt(actor: typeof amira): Promise<string> {
  return (await openCase(db, actor, { clientEventId: randomUUID() })).caseId;
}

const harbourCase = await openAt(amira);
const grandCase = await openAt(chloe);
await appendEvent(db, chloe, grandCase, step(heard));

// Ben has left: his account is switched off (every session of his is worth nothing).
await db.user.update({ where: { id: "usr-ben" }, data: { active: false } });

const harbourTablet = { token: `device-${randomUUID()}`, id: "" };
const revokedTablet = { token: `device-${randomUUID()}`, id: "" };
harbourTablet.id = (
  await db.device.create({
    data: { name: "Bar tablet", locationId: "loc-harbour", tokenHash: hashToken(harbourTablet.token), pairedById: "usr-maria" },
  })
).id;
revokedTablet.id = (
  await db.device.create({
    data: {
      name: "Lost tablet",
      locationId: "loc-harbour",
      tokenHash: hashToken(revokedTablet.token),
      pairedById: "usr-maria",
      revokedAt: minutesAgo(1),
    },
  })
).id;

type Sign = { name: string; token: string; device?: string };
async function signedIn(userId: string, locationId: string, deviceId?: string, since = minutesAgo(5)): Promise<string> {
  return (await createSession(db, userId, locationId, since, deviceId ?? null)).token;
}
const revoked = await signedIn("usr-amira", "loc-harbour");
await revokeSession(db, revoked);
const expired = await signedIn("usr-amira", "loc-harbour", undefined, minutesAgo(13 * 60));
// Used a minute ago, but opened 13 hours ago: past a shift's length, not idle.
await db.session.update({ where: { tokenHash: hashToken(expired) }, data: { lastSeenAt: minutesAgo(1) } });
const onHarbourTablet = await signedIn("usr-amira", "loc-harbour", harbourTablet.id);
const onRevokedTablet = await signedIn("usr-amira", "loc-harbour", revokedTablet.id);

const signs: Sign[] = [
  { name: "staff at the case's venue", token: await signedIn("usr-amira", "loc-harbour") },
  { name: "staff at the other venue", token: await signedIn("usr-chloe", "loc-grand") },
  { name: "staff at both venues", token: await signedIn("usr-ewa", "loc-grand") },
  { name: "a trainer at both venues", token: await signedIn("usr-tara", "loc-harbour") },
  { name: "a manager", token: await signedIn("usr-maria", "loc-harbour") },
  { name: "someone who has left", token: await signedIn("usr-ben", "loc-harbour") },
  { name: "a revoked session", token: revoked },
  { name: "a session past a shift's length", token: expired },
  { name: "an idle session", token: await signedIn("usr-amira", "loc-harbour", undefined, minutesAgo(31)) },
  { name: "a made-up token", token: "not-a-session" },
  { name: "on its paired tablet", token: onHarbourTablet, device: harbourTablet.token },
  { name: "its cookie copied to another browser", token: onHarbourTablet },
  { name: "with another tablet's credential", token: onHarbourTablet, device: revokedTablet.token },
  { name: "on an unpaired tablet", token: onRevokedTablet, device: revokedTablet.token },
];
const cases = [harbourCase, grandCase, "no-such-case", `${harbourCase}' OR '1'='1`];

describe("the session and its case in one statement", () => {
  it("the actor is resolveSession's; the case is read only for someone who works where it is, exactly as a read of its own", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...signs), fc.constantFrom(...cases), async (sign, caseId) => {
        const withCase = await resolveSessionWithCase(db, sign.token, now, sign.device, caseId);
        const alone = await resolveSession(db, sign.token, now, sign.device);
        expect(withCase.actor).toEqual(alone);
        const stored = await hot.readCase(caseId);
        const worksThere = alone !== null && stored !== null && alone.locationIds.includes(stored.locationId);
        expect(withCase.knownCase).toEqual(worksThere ? stored : null);
      }),
      { numRuns: 80 },
    );
  });

  it("who gets the case, by name (so the property above cannot pass on nobody)", async () => {
    const got = async (name: string, caseId: string) => {
      const sign = signs.find((s) => s.name === name)!;
      return (await resolveSessionWithCase(db, sign.token, now, sign.device, caseId)).knownCase?.reference ?? null;
    };
    const harbourReference = (await hot.readCase(harbourCase))!.reference;
    expect(await got("staff at the case's venue", harbourCase)).toBe(harbourReference);
    expect(await got("staff at both venues", harbourCase)).toBe(harbourReference);
    expect(await got("on its paired tablet", harbourCase)).toBe(harbourReference);
    for (const nobody of [
      "staff at the other venue",
      "someone who has left",
      "a revoked session",
      "a session past a shift's length",
      "an idle session",
      "a made-up token",
      "its cookie copied to another browser",
      "with another tablet's credential",
      "on an unpaired tablet",
    ]) {
      expect(await got(nobody, harbourCase), nobody).toBeNull();
    }
  });

  it("a client without the hot path reads the session alone, and the actor is the same", async () => {
    const plain = createDb(url);
    await configureSqlite(plain);
    withoutHotPath(plain);
    try {
      const sign = signs[0];
      const withCase = await resolveSessionWithCase(plain, sign.token, now, undefined, harbourCase);
      expect(withCase).toEqual({ actor: await resolveSession(db, sign.token, now), knownCase: null });
    } finally {
      await plain.$disconnect();
    }
  });
});

describe("a case read with the session that another step has moved on since", () => {
  it("a step the stale row would refuse, but the case now takes, is stored after the step that got in first", async () => {
    const caseId = await openAt(amira);
    const { actor, knownCase } = await resolveSessionWithCase(db, signs[0].token, now, undefined, caseId);
    expect(knownCase?.eventCount).toBe(1);
    // Another tablet hears the complaint first; the stale row still says "listen".
    await appendEvent(db, amira, caseId, step(heard));
    const stored = await appendEvent(db, actor!, caseId, step(validated), undefined, { knownCase });
    expect(stored).toMatchObject({ sequence: 3, phase: "apologise", duplicate: false });
    expect(await checkCaseLogs(db, [caseId])).toMatchObject({ events: 3, problems: [] });
  });

  it("a step both rows would take is stored once, at the next sequence, not over the step that got in first", async () => {
    const caseId = await openAt(amira);
    const { actor, knownCase } = await resolveSessionWithCase(db, signs[0].token, now, undefined, caseId);
    await appendEvent(db, amira, caseId, step(note("First, from the other tablet")));
    const stored = await appendEvent(db, actor!, caseId, step(note("Second, read before the first")), undefined, { knownCase });
    expect(stored.sequence).toBe(3);
    const log = await db.caseEvent.findMany({ where: { caseId }, orderBy: { sequence: "asc" }, select: { sequence: true, type: true } });
    expect(log.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(await checkCaseLogs(db, [caseId])).toMatchObject({ events: 3, problems: [] });
  });

  it("a refusal from a row that is still current stands, and stores nothing", async () => {
    const caseId = await openAt(amira);
    const { actor, knownCase } = await resolveSessionWithCase(db, signs[0].token, now, undefined, caseId);
    const refused = await errorOf(appendEvent(db, actor!, caseId, step(validated), undefined, { knownCase }));
    expect(refused.code).toBe("playbook_refused");
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(1);
  });

  it("a row read for another case is never used for this one", async () => {
    const { actor, knownCase } = await resolveSessionWithCase(db, signs[0].token, now, undefined, harbourCase);
    const other = await openAt(amira);
    await appendEvent(db, amira, other, step(heard));
    const stored = await appendEvent(db, actor!, other, step(validated), undefined, { knownCase });
    expect(stored).toMatchObject({ caseId: other, sequence: 3 });
    expect(await checkCaseLogs(db, [other, harbourCase])).toMatchObject({ problems: [] });
  });
});
