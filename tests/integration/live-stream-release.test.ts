// GET /api/live lets go of everything as soon as it has no one to talk to (docs/decisions/0026):
// when the request is aborted (the browser closed the page or its context, Next saw the socket
// close), when the body is cancelled (Next's pipe to the socket gave up), and when its session is
// ended by a write — at once, not at the next heartbeat. The heartbeat here is a minute, so only
// those paths can end a stream within the test. Both engines: on PostgreSQL "sessions ended"
// travels through NOTIFY like any notice.
import { afterAll, describe, expect, it, vi } from "vitest";

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
const { liveHub } = await import("@/lib/live/hub");
const { openStreamsOf } = await import("@/lib/live/live-stream");
const { GET } = await import("@/app/api/live/route");
const { actorFor } = await import("@/tests/support/actors");
const { createTestDb } = await import("../setup/test-db");

const { db } = await createTestDb();
(globalThis as { coachDb?: Promise<typeof db> }).coachDb = Promise.resolve(db);
const hub = liveHub(db);
afterAll(() => hub.close());

type Opened = { response: Response; abort: AbortController; sessionId: string; token: string; text: () => string; ended: () => boolean };

/** Opens a stream as `userId` and reads it in the background until it ends. */
async function open(userId: string, locationId: string, { read = true } = {}): Promise<Opened> {
  const session = await createSession(db, userId, locationId);
  cookieJar.clear();
  cookieJar.set("coach_session", session.token);
  const abort = new AbortController();
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

  it("when its session is signed out: signed-out at once, not at the next heartbeat", async () => {
    await hubReady();
    const before = hub.size;
    const stream = await open("usr-maria", "loc-harbour");
    const other = await open("usr-ben", "loc-harbour");
    expect(await until(() => stream.text().includes("event: ready"))).toBe(true);
    await revokeSession(db, stream.token);
    expect(await until(() => stream.ended(), 2000)).toBe(true);
    expect(stream.text()).toContain("event: signed-out");
    expect(openStreamsOf(stream.sessionId)).toBe(0);
    // Another session's stream is untouched.
    expect(other.ended()).toBe(false);
    other.abort.abort();
    expect(await until(() => hub.size === before, 500)).toBe(true);
  });

  it("when its person is deactivated", async () => {
    await hubReady();
    const stream = await open("usr-chloe", "loc-grand");
    expect(await until(() => stream.text().includes("event: ready"))).toBe(true);
    await deactivateUser(db, actorFor("usr-alex"), { userId: "usr-chloe" });
    expect(await until(() => stream.ended(), 2000)).toBe(true);
    expect(stream.text()).toContain("event: signed-out");
    await db.user.update({ where: { id: "usr-chloe" }, data: { active: true } });
  });
});
