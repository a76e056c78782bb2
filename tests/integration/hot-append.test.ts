// The append's raw-SQL hot path (docs/decisions/0029) against the Prisma path it short-cuts: the
// same log written both ways leaves the same rows, byte for byte as the engine stores them; its
// guard lets exactly one of two writers through; a step sent again is answered as the first time.
import Database from "better-sqlite3";
import fc from "fast-check";
import { Client, type CustomTypesConfig } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { openCase } from "@/lib/cases/open-case";
import { createDb, configureSqlite } from "@/lib/db/client";
import { HotRaced, hotAppender, withoutHotPath, type HotStep } from "@/lib/db/hot-append";
import { isAppError } from "@/lib/errors";
import { DEFAULT_ROOT_CAUSES } from "@/prisma/seed/root-causes";
import { actorFor } from "@/tests/support/actors";
import { arbitraryEventSequence, withFreshIds } from "@/tests/support/playbook/arbitraries";
import { createTestDb, onPostgres } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

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
    await fc.assert(
      fc.asyncProperty(
        arbitraryEventSequence({
          staffIds: ["usr-amira", "usr-ben"],
          managerIds: ["usr-maria"],
          locationId: "loc-harbour",
          rootCauseTags: DEFAULT_ROOT_CAUSES.map((t) => t.slug),
        }),
        async (generated) => {
          const events = withFreshIds(generated, `H${run++}`);
          const [first, ...rest] = events;
          const opener = actorFor(first.actor.id, "loc-harbour");
          const cases = await Promise.all(
            [db, reference].map(
              async (client, k) => (await openCase(client, opener, { clientEventId: `hot-${run}-${k}-open` }, () => first.at)).caseId,
            ),
          );
          for (const [i, event] of rest.entries()) {
            const { at, actor, ...step } = event;
            for (const [k, client] of [db, reference].entries()) {
              try {
                await appendEvent(
                  client,
                  actorFor(actor.id, "loc-harbour"),
                  cases[k],
                  { clientEventId: `hot-${run}-${k}-${i}-step`, event: step },
                  () => at,
                );
              } catch (error) {
                if (!isAppError(error)) throw error;
              }
            }
          }
          const [hot, prisma] = await Promise.all(cases.map(stored));
          expect(hot).toEqual(prisma);
        },
      ),
      { numRuns: 25 },
    );
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
