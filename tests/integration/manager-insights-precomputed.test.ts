// The insights read columns the projection precomputes (Case.openedDay, firstApologyMs,
// resolutionMs, remedyCents) and copies of the case's fields on CaseRootCause
// (docs/decisions/0006). These tests fail if any of them drifts from its source: the figures
// must equal the straightforward SQL over the source columns, every row must hold what its
// source says, and the migration must backfill existing rows to the same values.
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent } from "@/lib/cases/append-event";
import { openCase } from "@/lib/cases/open-case";
import { getInsights, insightQueries, MEDIAN_WALK_FROM, medianPlan, type InsightScope } from "@/lib/manager/insights";
import { driveCase } from "@/lib/manager/testing/drive-case";
import { referenceInsights, referenceMedian } from "@/lib/manager/testing/insights-reference";
import { addDays, localDate, localRange } from "@/lib/manager/time";
import type { PlaybookEvent } from "@/lib/playbook";
import { DEFAULT_DEMO_NOW, seedDemoCases } from "@/lib/seed/demo-cases";
import { checkCaseLogs } from "@/lib/testing/log-check";
import { actorFor } from "@/lib/testing/actors";
import { createTestDb } from "../setup/test-db";

const { db, file } = await createTestDb();
const NOW = DEFAULT_DEMO_NOW;
const DAY = 86_400_000;
const amira = actorFor("usr-amira");
const ben = actorFor("usr-ben");
const maria = actorFor("usr-maria");
const alex = actorFor("usr-alex");
const chloe = actorFor("usr-chloe");

/** Plays steps on one case with a clock; `capturedAt` marks a step a tablet kept offline. */
async function play(staff: Actor, openedAt: Date, steps: { event: PlaybookEvent; at: Date; by?: Actor; capturedAt?: Date }[], opening: { capturedAt?: Date; now?: Date } = {}) {
  const opened = await openCase(
    db,
    staff,
    { clientEventId: randomUUID(), ...(opening.capturedAt ? { capturedAt: opening.capturedAt.toISOString() } : {}) },
    () => opening.now ?? openedAt,
  );
  for (const step of steps) {
    await appendEvent(
      db,
      step.by ?? staff,
      opened.caseId,
      { clientEventId: randomUUID(), event: step.event, ...(step.capturedAt ? { capturedAt: step.capturedAt.toISOString() } : {}) },
      () => step.at,
    );
  }
  return opened.caseId;
}

const heard: PlaybookEvent = { type: "complaint_heard", data: { customerWords: "We waited an hour.", category: "wait_time", severity: 2, spot: "Table 9", mood: "upset" } };
const validated: PlaybookEvent = { type: "feeling_validated", data: { feeling: "frustrated", acknowledged: true } };
const apology: PlaybookEvent = { type: "apology_given", data: { sincere: true, ourFault: true } };
const options: PlaybookEvent = { type: "options_offered", data: { options: ["Cook a fresh dish now", "Take the dish off the bill"] } };
const agreed: PlaybookEvent = { type: "solution_agreed", data: { option: "Cook a fresh dish now" } };
const actions = (id: string, due: Date): PlaybookEvent => ({
  type: "actions_agreed",
  data: { actions: [{ id, description: "Bring the fresh dish", owner: "Chef on shift", dueAt: due.toISOString() }] },
});
const accepted: PlaybookEvent = { type: "readback_answered", data: { accepted: true } };
const tagged = (...tags: string[]): PlaybookEvent => ({ type: "root_causes_tagged", data: { tags } });
const closed: PlaybookEvent = { type: "case_closed", data: {} };
const offer = (id: string, valueCents: number): PlaybookEvent => ({ type: "compensation_offered", data: { id, kind: "refund", description: "Refund", valueCents } });
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

beforeAll(async () => {
  // A few hundred ordinary cases through the demo seed (the builder the app's seed uses).
  await seedDemoCases(db, { count: 160, now: NOW, days: 120 });

  // Abandoned, reopened six weeks later, resolved (durations past 2^31 ms), closed, reopened
  // and tagged again: the copies on CaseRootCause are rewritten and must still match. A £0
  // remedy still counts as a compensated case.
  const t0 = new Date("2026-09-02T08:15:30.250Z");
  const later = new Date(t0.getTime() + 42 * DAY + 1_234);
  await play(amira, t0, [
    { event: heard, at: at(t0, 1) },
    { event: { type: "case_abandoned", data: { reason: "The customer left." } }, at: at(t0, 2) },
    { event: { type: "case_reopened", data: { reason: "The customer came back." } }, at: later, by: maria },
    { event: validated, at: at(later, 1) },
    { event: apology, at: at(later, 2) },
    { event: options, at: at(later, 3) },
    { event: agreed, at: at(later, 4) },
    { event: offer("reopen-remedy", 0), at: at(later, 5) },
    { event: actions("reopen-action", at(later, 60)), at: at(later, 6) },
    { event: accepted, at: at(later, 7) },
    { event: tagged("wait_time"), at: at(later, 8) },
    { event: closed, at: at(later, 9) },
    { event: { type: "case_reopened", data: { reason: "Wrong root cause." } }, at: at(later, 600), by: maria },
    { event: tagged("staff_manner", "communication"), at: at(later, 601), by: maria },
    { event: closed, at: at(later, 602), by: maria },
  ]);

  // Opened offline just after local midnight in summer (still the previous UTC day) and sent
  // two hours later: every step keeps the time the tablet captured.
  const offline = new Date("2026-06-30T23:30:00.500Z");
  const sent = at(offline, 120);
  await play(
    ben,
    offline,
    [heard, validated, apology, options, agreed, offer("offline-remedy", 700), actions("offline-action", at(offline, 90)), accepted, tagged("wait_time"), closed].map((event, i) => ({
      event,
      at: sent,
      capturedAt: at(offline, i + 1),
    })),
    { capturedAt: offline, now: sent },
  );

  // A remedy above the staff limit, declined by the manager, then a smaller one offered.
  const t2 = new Date("2026-10-05T12:00:00.000Z");
  await play(amira, t2, [
    { event: heard, at: at(t2, 1) },
    { event: validated, at: at(t2, 2) },
    { event: apology, at: at(t2, 3) },
    { event: options, at: at(t2, 4) },
    { event: agreed, at: at(t2, 5) },
    { event: offer("declined-remedy", 4_000), at: at(t2, 6) },
    { event: { type: "manager_decided", data: { decision: "declined", note: "Too much." } }, at: at(t2, 7), by: maria },
    { event: offer("second-remedy", 1_200), at: at(t2, 8) },
    { event: actions("declined-action", at(t2, 60)), at: at(t2, 9) },
    { event: accepted, at: at(t2, 10) },
    { event: tagged("product_quality"), at: at(t2, 11) },
    { event: closed, at: at(t2, 12) },
  ]);

  // Repeats at their edges (before the demo cases begin): two cases at the same instant, one
  // exactly 7 days later, one 7 days and 1 ms after that; and the same root cause in a
  // practice case, which must not count.
  const t3 = new Date("2026-05-04T17:45:00.000Z");
  for (const opened of [t3, t3, new Date(t3.getTime() + 7 * DAY), new Date(t3.getTime() + 14 * DAY + 1)]) {
    await driveCase(db, { staff: ben, at: opened, stepMs: 45_500, category: "wait_time", tags: ["wait_time"], compensationCents: "skip" });
  }
  await driveCase(db, { staff: amira, at: t3, tags: ["wait_time"], practice: true });
  await driveCase(db, { staff: chloe, at: t3, tags: ["wait_time"], compensationCents: 900 });
}, 180_000);

describe("insights from the precomputed columns", () => {
  const today = localDate(NOW);
  const queries: Record<string, unknown>[] = [
    {},
    { within: "1" },
    { within: "30" },
    { from: addDays(today, -364), to: today },
    { from: addDays(today, -364), to: today, within: "7" },
    { from: "2026-07-01", to: "2026-07-31" },
    { from: "2026-06-30", to: "2026-07-01", within: "1" },
    { from: "2026-05-04", to: "2026-05-18", within: "7" },
    { from: "2026-10-26", to: "2026-11-01" },
    { from: "2025-01-01", to: "2025-01-07" },
  ];

  for (const [name, actor] of [["a manager at one location", maria], ["an admin at both", alex]] as const) {
    it(`equal the straightforward SQL over the source columns, for ${name}`, async () => {
      for (const query of queries) {
        const expected = await referenceInsights(db, actor, query, NOW);
        expect(await getInsights(db, actor, query, NOW), JSON.stringify(query)).toEqual(expected);
      }
    });
  }

  it("equal it for one location picked by an admin", async () => {
    for (const query of queries) {
      const picked = { ...query, location: "loc-grand" };
      expect(await getInsights(db, alex, picked, NOW)).toEqual(await referenceInsights(db, alex, picked, NOW));
    }
  });

  it("have data at the edges worth checking", async () => {
    const edges = await getInsights(db, maria, { from: "2026-05-04", to: "2026-05-18", within: "7" }, NOW);
    // Same instant (gap 0) and exactly 7 days (a repeat); 7 days and 1 ms is not.
    expect(edges.repeats.find((r) => r.slug === "wait_time")).toMatchObject({ cases: 4, repeats: 2 });
    const summer = await getInsights(db, maria, { from: "2026-07-01", to: "2026-07-01" }, NOW);
    expect(summer.cases).toBeGreaterThanOrEqual(1);
  });

  it("find the same medians by walking the duration index as by sorting", async () => {
    expect(medianPlan(MEDIAN_WALK_FROM - 1)).toBe("sort");
    expect(medianPlan(MEDIAN_WALK_FROM)).toBe("walk");
    const scopes: InsightScope[] = [
      { locationIds: ["loc-harbour", "loc-grand"], ...localRange(addDays(today, -364), today) },
      { locationIds: ["loc-harbour"], ...localRange(addDays(today, -89), today) },
      { locationIds: ["loc-grand"], ...localRange("2026-10-01", "2026-10-02") },
      { locationIds: ["loc-grand"], ...localRange("2025-01-01", "2025-01-02") },
    ];
    for (const scope of scopes) {
      expect(await insightQueries["median to first apology (index walk)"](db, scope)).toEqual(await referenceMedian(db, scope, "firstApologyAt"));
      expect(await insightQueries["median to resolution (index walk)"](db, scope)).toEqual(await referenceMedian(db, scope, "resolvedAt"));
    }
  });
});

describe("the precomputed columns and copies", () => {
  it("hold, on every row, what their source columns say", async () => {
    const sqlite = new Database(file, { readonly: true });
    try {
      const cases = sqlite
        .prepare(
          `SELECT c."id", c."openedAt", c."openedDay", c."firstApologyAt", c."firstApologyMs", c."resolvedAt", c."resolutionMs", c."remedyCents",
             (SELECT SUM(m."valueCents") FROM "Compensation" m WHERE m."caseId" = c."id" AND m."status" IN ('offered', 'approved')) AS remedySource
           FROM "Case" c`,
        )
        .safeIntegers()
        .all() as { openedAt: string; openedDay: string; firstApologyAt: string | null; firstApologyMs: bigint | null; resolvedAt: string | null; resolutionMs: bigint | null; remedyCents: bigint | null; remedySource: bigint | null }[];
      expect(cases.length).toBeGreaterThan(150);
      const millis = (to: string | null, from: string) => (to === null ? null : BigInt(Date.parse(to) - Date.parse(from)));
      for (const c of cases) {
        expect(c.openedDay).toBe(new Date(c.openedAt).toISOString().slice(0, 10));
        expect(c.firstApologyMs).toBe(millis(c.firstApologyAt, c.openedAt));
        expect(c.resolutionMs).toBe(millis(c.resolvedAt, c.openedAt));
        expect(c.remedyCents).toBe(c.remedySource);
      }
      expect(cases.some((c) => (c.resolutionMs ?? BigInt(0)) > BigInt(2 ** 31))).toBe(true);
      expect(cases.some((c) => c.remedyCents === BigInt(0))).toBe(true);

      const drifted = sqlite
        .prepare(
          `SELECT COUNT(*) FROM "CaseRootCause" r JOIN "Case" c ON c."id" = r."caseId"
           WHERE r."locationId" IS NOT c."locationId" OR r."isPractice" IS NOT c."isPractice" OR r."openedAt" IS NOT c."openedAt" OR r."openedDay" IS NOT c."openedDay"`,
        )
        .pluck()
        .get();
      expect(drifted).toBe(0);
    } finally {
      sqlite.close();
    }
  });

  it("equal the fold of each case's log (what db:verify checks)", async () => {
    const result = await checkCaseLogs(db);
    expect(result.problems).toEqual([]);
  }, 60_000);

  it("are backfilled by the migration to the values the projection writes", () => {
    const migrations = path.resolve(__dirname, "..", "..", "prisma", "migrations");
    const folders = readdirSync(migrations, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    const index = folders.findIndex((name) => name.endsWith("_insights_precomputed"));
    expect(index).toBeGreaterThan(0);
    const before = new Database(":memory:");
    try {
      for (const name of folders.slice(0, index)) before.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
      // The seeded database's rows, minus the new columns, as they were before the migration.
      before.exec(`ATTACH DATABASE '${file.replaceAll("'", "''")}' AS seeded`);
      before.pragma("foreign_keys = OFF");
      for (const table of ["Location", "User", "RootCauseTag", "Case", "CaseRootCause", "Compensation"]) {
        const columns = (before.prepare(`PRAGMA main.table_info("${table}")`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(", ");
        before.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM seeded."${table}"`);
      }
      before.exec(readFileSync(path.join(migrations, folders[index], "migration.sql"), "utf8"));
      const differences = (sql: string) => before.prepare(sql).pluck().get();
      expect(
        differences(`SELECT COUNT(*) FROM main."Case" m JOIN seeded."Case" s ON s."id" = m."id"
          WHERE m."openedDay" IS NOT s."openedDay" OR m."firstApologyMs" IS NOT s."firstApologyMs"
             OR m."resolutionMs" IS NOT s."resolutionMs" OR m."remedyCents" IS NOT s."remedyCents"`),
      ).toBe(0);
      expect(
        differences(`SELECT COUNT(*) FROM main."CaseRootCause" m JOIN seeded."CaseRootCause" s ON s."caseId" = m."caseId" AND s."tagId" = m."tagId"
          WHERE m."locationId" IS NOT s."locationId" OR m."isPractice" IS NOT s."isPractice" OR m."openedAt" IS NOT s."openedAt" OR m."openedDay" IS NOT s."openedDay"`),
      ).toBe(0);
      expect(differences(`SELECT COUNT(*) FROM main."Case"`)).toBe(differences(`SELECT COUNT(*) FROM seeded."Case"`));
      expect(differences(`SELECT COUNT(*) FROM main."CaseRootCause"`)).toBe(differences(`SELECT COUNT(*) FROM seeded."CaseRootCause"`));
    } finally {
      before.close();
    }
  });
});
