// Live updates (docs/decisions/0026): GET /api/live streams "something changed" notices, fed by
// PostgreSQL LISTEN/NOTIFY (every instance hears every instance's writes) or, on SQLite, by an
// in-process emitter. Runs on both engines; the cross-process case on PostgreSQL only.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";

const cookieJar = vi.hoisted(() => {
  process.env.LIVE_HEARTBEAT_MS = "150";
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

const { appendEvent } = await import("@/lib/cases/append-event");
const { openCase } = await import("@/lib/cases/open-case");
const { createSession, revokeSession } = await import("@/lib/auth/sessions");
const { raiseHeadsUp } = await import("@/lib/heads-ups/raise-heads-up");
const { liveHub } = await import("@/lib/live/hub");
const { openStreamsOf, MAX_STREAMS_PER_SESSION } = await import("@/lib/live/live-stream");
const { GET } = await import("@/app/api/live/route");
const { actorFor } = await import("@/tests/support/actors");
const { createTestDb, onPostgres } = await import("../setup/test-db");

const { db, url } = await createTestDb();
(globalThis as { coachDb?: Promise<typeof db> }).coachDb = Promise.resolve(db);
const hub = liveHub(db);
afterAll(() => hub.close());

const amira = actorFor("usr-amira", "loc-harbour");
let n = 0;
const cid = (what: string) => `live-${what}-${process.pid}-${n++}`;

type SseEvent = { event: string; data: string };

/** One open stream, read as the browser's EventSource would. */
class Stream {
  readonly events: SseEvent[] = [];
  ended = false;
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  constructor(readonly response: Response) {}

  static async open(sessionToken: string | null, query = ""): Promise<{ status: number; body: string } | Stream> {
    cookieJar.clear();
    if (sessionToken) cookieJar.set("coach_session", sessionToken);
    const abort = new AbortController();
    const response = await GET(
      new Request(`http://coach.test/api/live${query}`, { headers: { host: "coach.test" }, signal: abort.signal }),
    );
    if (response.status !== 200) return { status: response.status, body: await response.text() };
    const stream = new Stream(response);
    stream.abort.signal.addEventListener("abort", () => abort.abort());
    void stream.pump();
    return stream;
  }

  private async pump() {
    const reader = this.response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    this.abort.signal.addEventListener("abort", () => void reader.cancel().catch(() => undefined));
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let at = buffer.indexOf("\n\n"); at >= 0; at = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          let event = "message";
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event: ")) event = line.slice(7);
            else if (line.startsWith("data: ")) data.push(line.slice(6));
          }
          if (data.length) this.events.push({ event, data: data.join("\n") });
        }
        this.wake();
      }
    } catch {
      // cancelled
    }
    this.ended = true;
    this.wake();
  }

  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }

  async until(test: () => boolean, ms = 5000): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!test()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
    return true;
  }

  /** Notices only: no ready/resync/ping. */
  notices(): SseEvent[] {
    return this.events.filter((e) => e.event === "case" || e.event === "floor");
  }

  async ready(): Promise<void> {
    expect(await this.until(() => this.events.some((e) => e.event === "ready" || e.event === "resync"))).toBe(true);
  }

  close() {
    this.abort.abort();
  }
}

async function session(userId: string, locationId: string): Promise<string> {
  return (await createSession(db, userId, locationId)).token;
}

async function openAs(userId: string, locationId: string, query = ""): Promise<Stream> {
  const opened = await Stream.open(await session(userId, locationId), query);
  if (!(opened instanceof Stream)) throw new Error(`GET /api/live${query} answered ${opened.status}: ${opened.body}`);
  await opened.ready();
  return opened;
}

describe("GET /api/live", () => {
  it("answers 401 signed out or with a revoked session, 403 to a trainer, 404/403 for a case not to be followed", async () => {
    const signedOut = await Stream.open(null);
    expect(signedOut).toMatchObject({ status: 401 });
    const revoked = await session("usr-amira", "loc-harbour");
    await revokeSession(db, revoked);
    expect(await Stream.open(revoked)).toMatchObject({ status: 401 });
    expect(await Stream.open(await session("usr-tara", "loc-harbour"))).toMatchObject({ status: 403 });
    expect(await Stream.open(await session("usr-amira", "loc-harbour"), "?case=c-no-such-case")).toMatchObject({ status: 404 });
    const grandCase = await openCase(db, actorFor("usr-chloe", "loc-grand"), { clientEventId: cid("grand") });
    const other = await Stream.open(await session("usr-amira", "loc-harbour"), `?case=${grandCase.caseId}`);
    expect(other).toMatchObject({ status: 403 });
    expect(JSON.parse((other as { body: string }).body)).toMatchObject({ error: { code: "forbidden" } });
  });

  it("sends each venue only its own notices: the board's cases to its managers, the floor to its tablets, ids only", async () => {
    const maria = await openAs("usr-maria", "loc-harbour");
    const staffHarbour = await openAs("usr-amira", "loc-harbour");
    const james = await openAs("usr-james", "loc-grand");
    const staffGrand = await openAs("usr-chloe", "loc-grand");
    expect(maria.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(maria.response.headers.get("cache-control")).toContain("no-transform");

    const opened = await openCase(db, amira, { clientEventId: cid("open") });
    expect(await maria.until(() => maria.notices().some((e) => e.event === "case"))).toBe(true);
    expect(maria.notices()).toEqual([{ event: "case", data: JSON.stringify({ case: opened.caseId }) }]);

    await raiseHeadsUp(db, amira, {
      clientEventId: cid("heads-up"),
      kind: "sold_out",
      what: "The salmon is sold out",
      reason: "More popular than expected",
      options: [
        { choice: "change", text: "Sea bass instead" },
        { choice: "wait", text: "Wait 20 minutes" },
      ],
    });
    expect(await staffHarbour.until(() => staffHarbour.notices().some((e) => e.event === "floor"))).toBe(true);
    expect(await maria.until(() => maria.notices().some((e) => e.event === "floor"))).toBe(true);
    // Staff do not see the board: no case ids of the venue for them, only the floor.
    expect(staffHarbour.notices()).toEqual([{ event: "floor", data: "{}" }]);
    // The other venue heard nothing (give a stray notice time to arrive first).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(james.notices()).toEqual([]);
    expect(staffGrand.notices()).toEqual([]);
    for (const s of [maria, staffHarbour, james, staffGrand]) s.close();
  });

  it("follows one case for the person handling it: its steps come through, other cases' do not", async () => {
    const mine = await openCase(db, amira, { clientEventId: cid("mine") });
    const theirs = await openCase(db, actorFor("usr-ben", "loc-harbour"), { clientEventId: cid("theirs") });
    const stream = await openAs("usr-amira", "loc-harbour", `?case=${mine.caseId}`);
    await appendEvent(db, actorFor("usr-ben", "loc-harbour"), theirs.caseId, {
      clientEventId: cid("step"),
      event: { type: "note_added", data: { text: "Not yours" } },
    });
    await appendEvent(db, actorFor("usr-maria", "loc-harbour"), mine.caseId, {
      clientEventId: cid("step"),
      event: { type: "note_added", data: { text: "A manager's note on your case" } },
    });
    expect(await stream.until(() => stream.notices().length > 0)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.notices()).toEqual([{ event: "case", data: JSON.stringify({ case: mine.caseId }) }]);
    stream.close();
  });

  it.runIf(onPostgres)("hears a write made by another process with its own database client (LISTEN/NOTIFY)", async () => {
    const maria = await openAs("usr-maria", "loc-harbour");
    const james = await openAs("usr-james", "loc-grand");
    const root = path.resolve(__dirname, "..", "..");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
        "--conditions=react-server",
        "tests/integration/support/live-writer.ts",
        url,
        String(process.pid),
      ],
      { cwd: root, env: { ...process.env, PG_POOL_SIZE: "2" } },
    );
    const { caseId } = JSON.parse(stdout.trim().split("\n").at(-1)!) as { caseId: string };
    expect(await maria.until(() => maria.notices().some((e) => e.event === "floor"))).toBe(true);
    expect(maria.notices()).toEqual([
      { event: "case", data: JSON.stringify({ case: caseId }) },
      { event: "floor", data: "{}" },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(james.notices()).toEqual([]);
    maria.close();
    james.close();
  });

  it("ends the stream when its session is revoked, and lets go of everything when the client leaves", async () => {
    const before = hub.size;
    const token = await session("usr-maria", "loc-harbour");
    const opened = await Stream.open(token);
    if (!(opened instanceof Stream)) throw new Error("not a stream");
    await opened.ready();
    expect(hub.size).toBe(before + 1);
    await revokeSession(db, token);
    // Re-checked on every heartbeat (150 ms here, 15 s in production).
    expect(await opened.until(() => opened.ended, 3000)).toBe(true);
    expect(opened.events.at(-1)?.event).toBe("signed-out");
    expect(hub.size).toBe(before);

    const left = await openAs("usr-amira", "loc-harbour");
    expect(hub.size).toBe(before + 1);
    left.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hub.size).toBe(before);
  });

  it(`keeps at most ${4} streams per session: a new one closes the oldest`, async () => {
    const token = await session("usr-amira", "loc-harbour");
    const streams: Stream[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_SESSION + 2; i++) {
      const s = await Stream.open(token);
      if (!(s instanceof Stream)) throw new Error("not a stream");
      streams.push(s);
    }
    const sessionId = (await db.session.findFirstOrThrow({ where: { tokenHash: { not: "" } }, orderBy: { createdAt: "desc" } })).id;
    expect(openStreamsOf(sessionId)).toBe(MAX_STREAMS_PER_SESSION);
    expect(await streams[0].until(() => streams[0].ended)).toBe(true);
    expect(await streams[1].until(() => streams[1].ended)).toBe(true);
    expect(streams[2].ended).toBe(false);
    for (const s of streams) s.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openStreamsOf(sessionId)).toBe(0);
  });
});
