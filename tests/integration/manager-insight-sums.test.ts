// Decision 31's follow-up: each process keeps the sums of the cached venue days (insight-sums.ts)
// and the rows' keys (insight-days.ts), keyed by the fingerprint of the rows the database returns
// on every read and by which of them held. Two clients on one database stand for two app
// instances: whatever one writes (an append to a case on a cached day, a rewrite of the day's row
// by its own read, rows dropped as db:copy-venue drops them), the other's next page must equal the
// page computed without the cache. The straightforward page itself is checked against the oracle
// over the event log by manager-insight-days.test.ts and insights-oracle.test.ts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent } from "@/lib/cases/append-event";
import { configureSqlite, createDb, type Db } from "@/lib/db/client";
import { getInsights } from "@/lib/manager/insights";
import type { PlaybookEvent } from "@/lib/playbook";
import { DEFAULT_ROOT_CAUSES } from "@/prisma/seed/root-causes";
import { AWKWARD_NOW, AWKWARD_PEOPLE, steps, writeAwkwardCases } from "../oracle/awkward-cases";
import { createTestDb } from "../setup/test-db";

const HOUR = 3_600_000;
const { area, maria, james, aroha, hank } = AWKWARD_PEOPLE;
const YEAR = { from: "2025-11-21", to: "2026-11-20", within: "7", repeats: "all" };
const MANAGER_OF: Record<string, Actor> = { "loc-harbour": maria, "loc-grand": james, "loc-kiwi": aroha, "loc-hudson": hank };

const t = await createTestDb();
/** Instance A and instance B: two clients, each with its own per-process memos. */
const a: Db = t.db;
let b: Db;

beforeAll(async () => {
  await writeAwkwardCases(a);
  b = createDb(t.url);
  await configureSqlite(b);
}, 300_000);

afterAll(async () => {
  await b?.$disconnect();
});

/** A small seeded generator (mulberry32), so a failing round can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reopens a closed case, re-tags it and closes it again, through instance `db`, at `at`. */
async function retag(db: Db, caseId: string, locationId: string, tags: string[], at: number) {
  const by = MANAGER_OF[locationId];
  const events: PlaybookEvent[] = [steps.reopened, steps.tag(...tags), steps.closed];
  for (const [i, event] of events.entries()) {
    await appendEvent(db, by, caseId, { clientEventId: randomUUID(), event }, () => new Date(at + i * 60_000));
  }
}

/** The cached page of `db` against the page computed without the day cache, at `now`. */
async function expectUncached(db: Db, query: Record<string, string>, now: Date, label: string) {
  const cached = await getInsights(db, area, query, now);
  const uncached = await getInsights(db, area, query, now, { dayCache: false });
  expect(cached, label).toEqual(uncached);
  return cached;
}

async function closedCaseOn(before: string, locationId?: string) {
  const found = await a.case.findFirst({
    where: { status: "closed", isPractice: false, openedLocalDay: { lt: before }, ...(locationId ? { locationId } : {}) },
    orderBy: { openedAt: "asc" },
    select: { id: true, locationId: true, openedLocalDay: true },
  });
  if (!found) throw new Error("no closed case in the awkward set");
  return found;
}

describe("the insights' per-process sums across instances (decision 31)", () => {
  it("moves instance A's page when instance B appends to a case on a cached day, rewrites its row or drops rows", async () => {
    let now = AWKWARD_NOW.getTime();
    // A builds the cache and its sums, then reads again from them.
    const first = await expectUncached(a, YEAR, new Date(now), "A, cold");
    const warm = await expectUncached(a, YEAR, new Date(now), "A, warm");
    expect(warm).toEqual(first);
    expect(await a.insightDay.count()).toBeGreaterThan(300);

    // B re-tags a case of a cached day; A's rows are unchanged, but that day no longer holds.
    const one = await closedCaseOn("2026-10-01", "loc-grand");
    now += HOUR;
    await retag(b, one.id, one.locationId, ["billing", "facilities", "other"], now);
    now += HOUR;
    const afterAppend = await expectUncached(a, YEAR, new Date(now), "A after B's append");
    expect(afterAppend.pareto, "the page moved").not.toEqual(first.pareto);

    // B reads: it writes that day's row again (a new build time), and A's fingerprint changes.
    await expectUncached(b, YEAR, new Date(now), "B after its append");
    const two = await closedCaseOn("2026-08-01", "loc-kiwi");
    now += HOUR;
    await retag(b, two.id, two.locationId, ["cleanliness"], now);
    await expectUncached(b, YEAR, new Date(now), "B rewrites the second day");
    now += HOUR;
    const afterRewrite = await expectUncached(a, YEAR, new Date(now), "A after B rewrote rows");
    expect(afterRewrite.pareto).not.toEqual(afterAppend.pareto);

    // B drops a venue's rows (as db:copy-venue does): A reads those days live, and the same page.
    await b.insightDay.deleteMany({ where: { locationId: "loc-harbour" } });
    const afterDrop = await expectUncached(a, YEAR, new Date(now), "A after B dropped rows");
    expect(afterDrop).toEqual(afterRewrite);
  }, 300_000);

  it("equals the uncached page on both instances over random appends, reads, drops and ranges", async () => {
    const next = random(20261129);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const closed = await a.case.findMany({
      where: { status: "closed", isPractice: false, openedLocalDay: { lt: "2026-11-13" } },
      select: { id: true, locationId: true },
    });
    expect(closed.length).toBeGreaterThan(10);
    const slugs = DEFAULT_ROOT_CAUSES.map((r) => r.slug);
    const ranges = [
      YEAR,
      { from: "2026-06-01", to: "2026-11-20", within: "1", repeats: "all" },
      { from: "2026-02-01", to: "2026-09-30", within: "30", repeats: "all" },
    ];
    let now = AWKWARD_NOW.getTime() + 10 * HOUR;
    let moved = 0;
    for (let round = 0; round < 6; round++) {
      const label = `round ${round}`;
      const range = pick(ranges);
      const reader = next() < 0.5 ? a : b;
      const writer = reader === a ? b : a;
      const before = await expectUncached(reader, range, new Date(now), `${label}: before`);
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
        const c = pick(closed);
        now += HOUR;
        await retag(
          writer,
          c.id,
          c.locationId,
          [pick(slugs), pick(slugs)].filter((s, i, all) => all.indexOf(s) === i),
          now,
        );
      }
      if (next() < 0.5) await expectUncached(writer, range, new Date(now), `${label}: the writer reads`);
      if (next() < 0.25) await writer.insightDay.deleteMany({ where: { locationId: pick(Object.keys(MANAGER_OF)) } });
      now += HOUR;
      const after = await expectUncached(reader, range, new Date(now), `${label}: after`);
      if (JSON.stringify(after.pareto) !== JSON.stringify(before.pareto)) moved += 1;
    }
    // The rounds changed what the pages show (so a stale memo could not have passed).
    expect(moved).toBeGreaterThan(0);
  }, 600_000);
});
