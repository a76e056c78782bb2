// The append's raw-SQL hot path (docs/decisions/0029) against the Prisma path it short-cuts: the
// same log written both ways leaves the same rows, byte for byte as the engine stores them; its
// guard lets exactly one of two writers through; a step sent again is answered as the first time.
// The same for an opening's hot path: the same rows as Prisma's create, and every unusual opening
// (sent again, a taken case id, a colliding reference, the file busy) answered by the Prisma path.
import Database from "better-sqlite3";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { Client, type CustomTypesConfig } from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { checkCaseLogs } from "@/lib/cases/check-case-logs";
import { openCase } from "@/lib/cases/open-case";
import { createDb, configureSqlite } from "@/lib/db/client";
import { uniqueViolation } from "@/lib/db/contention";
import { HotBusy, HotRaced, hotAppender, withoutHotPath, type HotStep } from "@/lib/db/hot-append";
import { actorFor } from "@/tests/support/actors";
import { randomCaseLogs, writeCaseLog } from "@/tests/support/random-case-log";
import { createTestDb, onPostgres } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

// References drawn from this queue first (empty: random as ever), to make an opening's reference collide.
const forcedReferences = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/cases/references", async (original) => {
  const real = await original<typeof import("@/lib/cases/references")>();
  return { newCaseReference: () => forcedReferences.shift() ?? real.newCaseReference() };
});

const { db, url } = await createTestDb();
// A second client on the same database that never takes the hot path: the reference.
const reference = createDb(url);
await configureSqlite(reference);
withoutHotPath(reference);
// A third client, for two writers racing (its own hot-path connection).
const other = createDb(url);
await configureSqlite(other);
afterAll(async () => {
  await reference.$disconnect();
  await other.$disconnect();
});

type RawRow = Record<string, unknown>;

/** Rows exactly as the engine holds them, read with the bare driver (no Prisma conversion). */
async function raw(sql: string, id: string): Promise<RawRow[]> {
  if (onPostgres) {
    // Text, as stored: no driver parsing of dates, booleans or bigints on either side.
    const asText = { getTypeParser: () => (value: string) => value } as unknown as CustomTypesConfig;
    const client = new Client({ connectionString: url, types: asText });
    await client.connect();
    try {
      const result = await client.query<RawRow>(sql, [id]);
      return result.rows;
    } finally {
      await client.end();
    }
  }
  const conn = new Database(url.replace(/^file:/, ""), { readonly: true });
  try {
    return conn.prepare(sql.replace("$1", "?")).all(id) as RawRow[];
  } finally {
    conn.close();
  }
}

/** A case's row and log without what differs by construction (ids, the case's reference, client ids). */
async function stored(caseId: string) {
  const [row] = await raw(`SELECT * FROM "Case" WHERE "id" = $1`, caseId);
  const { id: _id, reference, ...caseRow } = row;
  const events = (await raw(`SELECT * FROM "CaseEvent" WHERE "caseId" = $1 ORDER BY "sequence"`, caseId)).map(
    ({ id: _e, caseId: _c, clientEventId: _k, result, ...event }) => {
      const { caseId: _rc, ...answer } = JSON.parse(String(result)) as Record<string, unknown>;
      return { ...event, answer };
    },
  );
  // The reference also appears inside the snapshot, the opening event and the answers.
  return JSON.parse(JSON.stringify({ caseRow, events }).split(String(reference)).join("C-REF")) as unknown;
}

const amira = actorFor("usr-amira", "loc-harbour");
let n = 0;
const cid = () => `hot-step-${n++}`;
const heard = {
  type: "complaint_heard",
  data: { customerWords: "My steak is cold", category: "food_quality", severity: 2, spot: "Table 12", mood: "upset" },
};
const note = (text: string) => ({ type: "note_added", data: { text } });

describe("the append hot path", () => {
  it("is taken by this client and not by the reference", () => {
    expect(hotAppender(db)).not.toBeNull();
    expect(hotAppender(reference)).toBeNull();
  });

  it("stores the same rows as the Prisma path, for random event sequences", async () => {
    let run = 0;
    let appended = 0;
    await fc.assert(
      fc.asyncProperty(randomCaseLogs(), async (generated) => {
        const written = await writeCaseLog([db, reference], generated, `H${run++}`);
        appended += written.appended;
        const [hot, prisma] = await Promise.all(written.caseIds.map(stored));
        expect(hot).toEqual(prisma);
      }),
      { numRuns: 25 },
    );
    // The logs were written, not refused wholesale: most of a walkthrough's steps are accepted.
    expect(appended).toBeGreaterThan(run);
    // Dozens of random cases through a real database: on a busy two-core box PostgreSQL's run takes ~25 s.
  }, 120_000);

  it("answers a step sent again as the first time, and refuses its id on a different step", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    const id = cid();
    await appendEvent(db, amira, caseId, { clientEventId: cid(), event: heard });
    const first = await appendEvent(db, amira, caseId, { clientEventId: id, event: note("once") });
    expect(await appendEvent(db, amira, caseId, { clientEventId: id, event: note("once") })).toEqual({ ...first, duplicate: true });
    // Sent again through another client (another instance) too.
    expect(await appendEvent(other, amira, caseId, { clientEventId: id, event: note("once") })).toEqual({ ...first, duplicate: true });
    const error = await errorOf(appendEvent(db, amira, caseId, { clientEventId: id, event: note("twice") }));
    expect(error.code).toBe("conflict");
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(3);
  });

  it("lets exactly one of two writers that read the same row through; the other stores nothing", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    await appendEvent(db, amira, caseId, { clientEventId: cid(), event: heard });
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    const step = (clientEventId: string): HotStep => ({
      caseId,
      expectedCount: row.eventCount,
      row: { ...row, eventCount: row.eventCount + 1 },
      changed: ["eventCount"],
      stateSnapshot: row.stateSnapshot ?? "",
      stateSequence: row.eventCount + 1,
      event: {
        sequence: row.eventCount + 1,
        type: "note_added",
        payload: JSON.stringify({ text: clientEventId }),
        actorId: amira.id,
        actorRole: amira.role,
        at: new Date(),
        clientEventId,
        result: "{}",
      },
    });
    const outcomes = await Promise.allSettled([hotAppender(db)!.store(step(cid())), hotAppender(other)!.store(step(cid()))]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(HotRaced);
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(row.eventCount + 1);
  });

  it("orders concurrent appends to one case from two clients, each stored once", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: cid() });
    await appendEvent(db, amira, caseId, { clientEventId: cid(), event: heard });
    const ids = Array.from({ length: 12 }, () => cid());
    const answers = await Promise.all(
      ids.map((id, i) => appendEvent(i % 2 ? other : db, amira, caseId, { clientEventId: id, event: note(id) })),
    );
    expect(answers.map((a) => a.sequence).sort((a, b) => a - b)).toEqual(ids.map((_id, i) => i + 3));
    const events = await db.caseEvent.findMany({ where: { caseId }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.sequence)).toEqual(events.map((_e, i) => i + 1));
    expect(new Set(events.map((e) => e.clientEventId)).size).toBe(events.length);
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ eventCount: events.length, stateSequence: events.length });
  });
});

describe("the opening's hot path", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    forcedReferences.length = 0;
  });
  /** Watches the hot path's write: what each opening through `db` did there. */
  const watchOpen = () => vi.spyOn(hotAppender(db)!, "open");
  const outcomes = async (spy: ReturnType<typeof watchOpen>) =>
    Promise.all(
      spy.mock.results.map((r) =>
        Promise.resolve(r.value).then(
          () => "stored",
          (error: unknown) => error,
        ),
      ),
    );

  // A venue whose day is not UTC's (openedLocalDay), and a role with a limit of its own (the opening's payload).
  const auckland = { id: "loc-hot-auckland", name: "Hot Path Bistro", kind: "restaurant", timezone: "Pacific/Auckland" };
  const maria = { ...actorFor("usr-maria"), locationIds: [auckland.id], currentLocationId: auckland.id };

  it("stores the same Case row and event as Prisma's create, timestamps included", async () => {
    await db.location.create({ data: auckland });
    const at = new Date("2026-07-01T13:30:00.123Z"); // 01:30 on 2 July in Auckland
    const now = () => new Date("2026-07-01T13:45:00.456Z");
    const spy = watchOpen();
    for (const [k, opening] of [
      { capturedAt: at.toISOString() },
      { caseId: `c${"hotopen".padEnd(24, "0")}`, capturedAt: "2026-07-01T15:30:00+02:00" },
      {},
    ].entries()) {
      const through = async (client: typeof db, side: string) =>
        openCase(
          client,
          maria,
          { ...opening, clientEventId: `hot-open-${k}-${side}`, ...(opening.caseId ? { caseId: `${opening.caseId}${side}` } : {}) },
          now,
        );
      const hot = await through(db, "h");
      const prisma = await through(reference, "p");
      expect(await stored(hot.caseId)).toEqual(await stored(prisma.caseId));
      expect({ ...hot, caseId: "", reference: "" }).toEqual({ ...prisma, caseId: "", reference: "" });
      // The case id as Prisma's @default(cuid()) makes it: 25 characters, "c" and the time first.
      if (!opening.caseId) {
        expect(hot.caseId).toMatch(/^c[0-9a-z]{24}$/);
        expect(prisma.caseId).toMatch(/^c[0-9a-z]{24}$/);
        expect(hot.caseId.slice(0, 5)).toBe(prisma.caseId.slice(0, 5));
      }
    }
    // Each of this client's openings went through the hot path, and the reference's did not.
    expect(await outcomes(spy)).toEqual(["stored", "stored", "stored"]);
    const [row] = await raw(
      `SELECT "openedLocalDay", "eventCount", "stateSequence" FROM "Case" WHERE "id" = $1`,
      spy.mock.calls[0][0].caseId,
    );
    expect(row).toEqual(
      onPostgres
        ? { openedLocalDay: "2026-07-02", eventCount: "1", stateSequence: "1" }
        : { openedLocalDay: "2026-07-02", eventCount: 1, stateSequence: 1 },
    );
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: spy.mock.calls[0][0].caseId } });
    expect(JSON.parse(event.payload)).toMatchObject({ locationId: auckland.id, authorityLimitCents: 20000, practice: false });
    // The fold of each log gives its stored row and snapshot (npm run db:verify's check).
    const check = await checkCaseLogs(
      db,
      spy.mock.calls.map((c) => c[0].caseId),
    );
    expect(check).toMatchObject({ cases: 3, events: 3, problems: [] });
  });

  it("answers an opening sent again as the first time, with or without the tablet's case id", async () => {
    for (const caseId of [
      undefined,
      `c${cid()
        .replace(/[^0-9a-z]/g, "")
        .padEnd(24, "0")}`,
    ]) {
      const id = cid();
      const first = await openCase(db, amira, { clientEventId: id, caseId });
      const spy = watchOpen();
      expect(await openCase(db, amira, { clientEventId: id, caseId })).toEqual({ ...first, duplicate: true });
      // Through another client (another instance) too.
      expect(await openCase(other, amira, { clientEventId: id, caseId })).toEqual({ ...first, duplicate: true });
      // The hot write met the stored clientEventId (or case id) and stored nothing; Prisma's path answered.
      const [refused] = await outcomes(spy);
      expect(uniqueField(refused)).toBe(caseId ? "id" : "clientEventId");
      expect(await db.caseEvent.count({ where: { clientEventId: id } })).toBe(1);
      vi.restoreAllMocks();
    }
    expect(await db.case.count({ where: { events: { none: {} } } })).toBe(0);
  });

  it("refuses an opening's id reused for another case, and a case id already taken", async () => {
    const caseId = (k: string) => `c${k.padEnd(24, "0")}`;
    const id = cid();
    await openCase(db, amira, { clientEventId: id, caseId: caseId("first") });
    const before = await db.case.count();
    const spy = watchOpen();
    // The same clientEventId for another case: the hot write inserts the row, meets the id, and rolls back.
    const reused = await errorOf(openCase(db, amira, { clientEventId: id, caseId: caseId("second") }));
    expect(reused.code).toBe("conflict");
    // The id of a step for an opening.
    const { caseId: open } = await openCase(db, amira, { clientEventId: cid() });
    const stepId = cid();
    await appendEvent(db, amira, open, { clientEventId: stepId, event: heard });
    expect((await errorOf(openCase(db, amira, { clientEventId: stepId }))).code).toBe("conflict");
    // A case id already taken, with a new clientEventId.
    const taken = await errorOf(openCase(db, amira, { clientEventId: cid(), caseId: caseId("first") }));
    expect(taken.code).toBe("conflict");
    expect(taken.details).toEqual({ caseId: caseId("first") });
    expect((await outcomes(spy)).map(uniqueField)).toEqual(["clientEventId", undefined, "clientEventId", "id"]);
    expect(await db.case.count()).toBe(before + 1);
    expect(await db.case.findUnique({ where: { id: caseId("second") } })).toBeNull();
    expect(await db.caseEvent.count({ where: { caseId: caseId("first") } })).toBe(1);
  });

  it("draws another reference when the one it drew is taken", async () => {
    const { reference: taken } = await openCase(db, amira, { clientEventId: cid() });
    const spy = watchOpen();
    // The hot write's reference, then the Prisma path's first try: both taken.
    forcedReferences.push(taken, taken);
    const opened = await openCase(db, amira, { clientEventId: cid() });
    expect(opened.reference).not.toBe(taken);
    expect(opened.duplicate).toBe(false);
    expect(forcedReferences).toEqual([]);
    expect((await outcomes(spy)).map(uniqueField)).toEqual(["reference"]);
    expect(await db.case.count({ where: { reference: opened.reference } })).toBe(1);
  });

  it.skipIf(onPostgres)("goes the Prisma way while another connection holds SQLite's write lock", async () => {
    // The lock is held by another thread (as another process would), released after a moment: the
    // Prisma path's busy wait blocks this thread, so this thread could not release it.
    const holder = new Worker(
      `const { parentPort, workerData } = require("node:worker_threads");
       const conn = new (require("better-sqlite3"))(workerData);
       conn.exec("BEGIN IMMEDIATE");
       parentPort.postMessage("locked");
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
       conn.exec("COMMIT");
       conn.close();`,
      { eval: true, workerData: url.replace(/^file:/, "") },
    );
    await new Promise((resolve) => holder.once("message", resolve));
    const spy = watchOpen();
    try {
      const opened = await openCase(db, amira, { clientEventId: cid() });
      expect(opened.duplicate).toBe(false);
      expect((await outcomes(spy))[0]).toBeInstanceOf(HotBusy);
      expect(await db.caseEvent.count({ where: { caseId: opened.caseId } })).toBe(1);
    } finally {
      await holder.terminate();
    }
  });

  it("is off with COACH_APPEND_HOT_PATH=off", async () => {
    vi.stubEnv("COACH_APPEND_HOT_PATH", "off");
    const client = createDb(url);
    try {
      expect(hotAppender(client)).toBeNull();
    } finally {
      vi.unstubAllEnvs();
      await client.$disconnect();
    }
  });
});

/** Which column a write's unique violation was on ("id" for the primary key), if it was one. */
function uniqueField(outcome: unknown): string | undefined {
  if (outcome === "stored") return undefined;
  const violation = uniqueViolation(outcome);
  if (!violation) throw outcome;
  return violation.fields.join(",");
}
