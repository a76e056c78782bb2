// GET /api/live lets go of everything as soon as it has no one to talk to (docs/decisions/0026):
// when the request is aborted (the browser closed the page or its context, Next saw the socket
// close), when the body is cancelled (Next's pipe to the socket gave up), and when its session is
// ended by a write — at once, not at the next heartbeat. The heartbeat here is a minute, so only
// those paths can end a stream within the test. Both engines: on PostgreSQL "sessions ended"
// travels through NOTIFY like any notice. Every write that ends sessions is here — sign-out,
// deactivation, a credentials reset, a tablet revoked, a browser paired again — each checked for
// the one notice it sends (whose sessions), the streams it ends, and the streams it leaves alone.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

const cookieJar = vi.hoisted(() => {
  process.env.LIVE_HEARTBEAT_MS = "60000";
  return new Map<string, string>();
});
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) ?? "" } : undefined),
    set: (name: string, value: string) => void cookieJar.set(name, value),
    delete: (name: string) => void cookieJar.delete(name),
  }),
  headers: async () => new Headers(),
}));

const { createSession, revokeSession } = await import("@/lib/auth/sessions");
const { deactivateUser } = await import("@/lib/admin/deactivate-user");
const { resetCredentials } = await import("@/lib/admin/reset-credentials");
const { createPairingCode } = await import("@/lib/devices/create-pairing-code");
const { revokeDevice } = await import("@/lib/devices/revoke-device");
const { publishChange, publishSessionsEnded } = await import("@/lib/live/publish-change");
const { POST: PAIR } = await import("@/app/api/devices/pair/route");
const { liveHub } = await import("@/lib/live/hub");
const { openStreamsOf } = await import("@/lib/live/live-stream");
const { GET } = await import("@/app/api/live/route");
const { actorFor } = await import("@/tests/support/actors");
const { createTestDb } = await import("../setup/test-db");
const { pairedTablet } = await import("../setup/tablets");

const { db } = await createTestDb();
(globalThis as { coachDb?: Promise<typeof db> }).coachDb = Promise.resolve(db);
const hub = liveHub(db);
afterAll(() => hub.close());
// Whatever a test left open (it failed half-way) is closed before the next, which counts the hub's subscribers.
const opened: { abort: AbortController }[] = [];
afterEach(() => {
  for (const stream of opened.splice(0)) stream.abort.abort();
});

type SessionsEnded = import("@/lib/live/notice").SessionsEnded;
type Tablet = Awaited<ReturnType<typeof pairedTablet>>;
type Opened = { response: Response; abort: AbortController; sessionId: string; token: string; text: () => string; ended: () => boolean };

/** Opens a stream as `userId` (signed in on `tablet`, if named) and reads it in the background until it ends. */
async function open(
  userId: string,
  locationId: string,
  { read = true, tablet }: { read?: boolean; tablet?: Tablet } = {},
): Promise<Opened> {
  const session = await createSession(db, userId, locationId, new Date(), tablet?.device.id ?? null);
  cookieJar.clear();
  cookieJar.set("coach_session", session.token);
  if (tablet) cookieJar.set("coach_device", tablet.token);
  const abort = new AbortController();
  opened.push({ abort });
  const response = await GET(new Request("http://coach.test/api/live", { headers: { host: "coach.test" }, signal: abort.signal }));
  expect(response.status).toBe(200);
  let text = "";
  let ended = false;
  if (read) {
    void (async () => {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        // errored: ended all the same
      }
      ended = true;
    })();
  }
  return { response, abort, sessionId: session.id, token: session.token, text: () => text, ended: () => ended };
}

async function until(test: () => boolean, ms = 2000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/** The hub is listening (PostgreSQL: its LISTEN client is connected), so a notice sent now arrives. */
async function hubReady(): Promise<void> {
  expect(await until(() => hub.ready, 10_000)).toBe(true);
}

let markers = 0;

/**
 * The "sessions ended" notices the hub hears because of `write` (on PostgreSQL through NOTIFY,
 * like another instance would), in order. A marker sent after the write arrives after everything
 * the write sent (one channel, delivered in commit order), so none is missed and none comes late.
 */
async function endedNoticesOf(write: () => Promise<unknown>): Promise<SessionsEnded[]> {
  const heard: SessionsEnded[] = [];
  const marker = `marker-${markers++}`;
  let markerHeard = false;
  const unsubscribe = hub.subscribe((signal) => {
    if (signal.kind !== "ended") return;
    if (signal.ended.id === marker) markerHeard = true;
    else heard.push(signal.ended);
  });
  try {
    await write();
    await publishSessionsEnded(db, { by: "session", id: marker });
    expect(await until(() => markerHeard, 5000)).toBe(true);
  } finally {
    unsubscribe();
  }
  return heard;
}

/** Ended at once by its session ending: `signed-out`, and its slot given back. */
async function endsSignedOut(stream: Opened): Promise<void> {
  expect(await until(() => stream.ended(), 2000)).toBe(true);
  expect(stream.text()).toContain("event: signed-out");
  expect(openStreamsOf(stream.sessionId)).toBe(0);
}

/** Still open and still told what it hears (a floor notice at its venue), its session untouched. */
async function keepsRunning(stream: Opened, locationId: string): Promise<void> {
  expect(stream.ended()).toBe(false);
  expect(stream.text()).not.toContain("event: signed-out");
  expect((await db.session.findUniqueOrThrow({ where: { id: stream.sessionId }, select: { revokedAt: true } })).revokedAt).toBeNull();
  const floors = () => stream.text().split("event: floor").length;
  const before = floors();
  await publishChange(db, { locationId, floor: true });
  expect(await until(() => floors() > before)).toBe(true);
  expect(stream.ended()).toBe(false);
  expect(openStreamsOf(stream.sessionId)).toBe(1);
}

/** Closes the streams still open (the client leaves) and checks the hub is back to `before` subscribers. */
async function closeAll(before: number, streams: Opened[]): Promise<void> {
  for (const stream of streams) stream.abort.abort();
  expect(await until(() => hub.size === before, 500)).toBe(true);
}

/**
 * The whole check for one write that ends sessions: with every stream open and ready, `write`
 * sends exactly `notice`; the streams in `ends` end at once with signed-out; those in `runsOn`
 * (each with its venue) keep running.
 */
async function endsOnly(check: {
  write: () => Promise<unknown>;
  notice: SessionsEnded;
  ends: Opened[];
  runsOn: [Opened, string][];
}): Promise<void> {
  for (const stream of [...check.ends, ...check.runsOn.map(([s]) => s)]) {
    expect(await until(() => stream.text().includes("event: ready"))).toBe(true);
  }
  expect(await endedNoticesOf(check.write)).toEqual([check.notice]);
  for (const stream of check.ends) await endsSignedOut(stream);
  for (const [stream, locationId] of check.runsOn) await keepsRunning(stream, locationId);
}

describe("GET /api/live lets go at once", () => {
  it("when the request is aborted, even if nobody ever read the body", async () => {
    const before = hub.size;
    const stream = await open("usr-maria", "loc-harbour", { read: false });
    expect(hub.size).toBe(before + 1);
    expect(openStreamsOf(stream.sessionId)).toBe(1);
    stream.abort.abort();
    expect(await until(() => hub.size === before, 500)).toBe(true);
    expect(openStreamsOf(stream.sessionId)).toBe(0);
  });

  it("when the body is cancelled (the socket went away under Next's pipe)", async () => {
    const before = hub.size;
    const stream = await open("usr-amira", "loc-harbour", { read: false });
    expect(hub.size).toBe(before + 1);
    await stream.response.body!.cancel();
    expect(hub.size).toBe(before);
    expect(openStreamsOf(stream.sessionId)).toBe(0);
  });

  it("when its session is signed out: signed-out at once, not at the next heartbeat; the same person's other session runs on", async () => {
    await hubReady();
    const before = hub.size;
    const stream = await open("usr-maria", "loc-harbour");
    const mariaElsewhere = await open("usr-maria", "loc-harbour");
    const other = await open("usr-ben", "loc-harbour");
    await endsOnly({
      write: () => revokeSession(db, stream.token),
      notice: { by: "session", id: stream.sessionId },
      ends: [stream],
      runsOn: [
        [mariaElsewhere, "loc-harbour"],
        [other, "loc-harbour"],
      ],
    });
    await closeAll(before, [mariaElsewhere, other]);
  });

  it("when its person is deactivated; another person at the venue runs on", async () => {
    await hubReady();
    const before = hub.size;
    const stream = await open("usr-chloe", "loc-grand");
    const dev = await open("usr-dev", "loc-grand");
    try {
      await endsOnly({
        write: () => deactivateUser(db, actorFor("usr-alex"), { userId: "usr-chloe" }),
        notice: { by: "user", id: "usr-chloe" },
        ends: [stream],
        runsOn: [[dev, "loc-grand"]],
      });
      await closeAll(before, [dev]);
    } finally {
      await db.user.update({ where: { id: "usr-chloe" }, data: { active: true } });
    }
  });
});

describe("a session ended by an admin or by its tablet ends its streams at once, and no one else's", () => {
  it("when the person's credentials are reset: every session of theirs, not another person's", async () => {
    await hubReady();
    const before = hub.size;
    const ben = await open("usr-ben", "loc-harbour");
    const benElsewhere = await open("usr-ben", "loc-harbour");
    const amira = await open("usr-amira", "loc-harbour");
    await endsOnly({
      write: () => resetCredentials(db, actorFor("usr-alex"), { userId: "usr-ben", pin: "6284" }),
      notice: { by: "user", id: "usr-ben" },
      ends: [ben, benElsewhere],
      runsOn: [[amira, "loc-harbour"]],
    });
    await closeAll(before, [amira]);
  });

  it("when the tablet is revoked: its sessions, not the same person's on another tablet, nor another venue's tablet", async () => {
    await hubReady();
    const before = hub.size;
    const front = await pairedTablet(db, "loc-harbour", "Front desk");
    const bar = await pairedTablet(db, "loc-harbour", "Bar");
    const lobby = await pairedTablet(db, "loc-grand", "Lobby");
    const amiraAtFront = await open("usr-amira", "loc-harbour", { tablet: front });
    const benAtFront = await open("usr-ben", "loc-harbour", { tablet: front });
    const amiraAtBar = await open("usr-amira", "loc-harbour", { tablet: bar });
    const chloeInLobby = await open("usr-chloe", "loc-grand", { tablet: lobby });
    await endsOnly({
      write: () => revokeDevice(db, actorFor("usr-maria", "loc-harbour"), { deviceId: front.device.id }),
      notice: { by: "device", id: front.device.id },
      ends: [amiraAtFront, benAtFront],
      runsOn: [
        [amiraAtBar, "loc-harbour"],
        [chloeInLobby, "loc-grand"],
      ],
    });
    // Revoked already: nothing more ends, nothing is sent.
    expect(await endedNoticesOf(() => revokeDevice(db, actorFor("usr-alex"), { deviceId: front.device.id }))).toEqual([]);
    await closeAll(before, [amiraAtBar, chloeInLobby]);
  });

  it("when the tablet's browser is paired again: the old credential's sessions, not another tablet's", async () => {
    await hubReady();
    const before = hub.size;
    const till = await pairedTablet(db, "loc-harbour", "Till");
    const terrace = await pairedTablet(db, "loc-harbour", "Terrace");
    const benAtTill = await open("usr-ben", "loc-harbour", { tablet: till });
    const benOnTerrace = await open("usr-ben", "loc-harbour", { tablet: terrace });
    /** POST /api/devices/pair from a browser holding `credential` (the till's cookie, or none). */
    const pair = async (credential: string | undefined, locationId: string, name: string) => {
      const { code } = await createPairingCode(db, actorFor("usr-alex"), { locationId, name });
      cookieJar.clear();
      if (credential) cookieJar.set("coach_device", credential);
      const response = await PAIR(
        new Request("http://coach.test/api/devices/pair", {
          method: "POST",
          headers: { host: "coach.test", "content-type": "application/json" },
          body: JSON.stringify({ code }),
        }),
      );
      expect(response.status).toBe(200);
      expect(cookieJar.get("coach_device")).toBeTruthy();
      expect(cookieJar.get("coach_device")).not.toBe(credential);
    };
    // The till moves to the other venue: its browser gives up the till's credential.
    await endsOnly({
      write: () => pair(till.token, "loc-grand", "Till, moved"),
      notice: { by: "device", id: till.device.id },
      ends: [benAtTill],
      runsOn: [[benOnTerrace, "loc-harbour"]],
    });
    // A browser with no credential, or one already given up, ends nothing and sends nothing.
    expect(await endedNoticesOf(() => pair(undefined, "loc-harbour", "New tablet"))).toEqual([]);
    expect(await endedNoticesOf(() => pair(till.token, "loc-harbour", "Till again"))).toEqual([]);
    await keepsRunning(benOnTerrace, "loc-harbour");
    await closeAll(before, [benOnTerrace]);
  });
});
