import { beforeAll, describe, expect, it } from "vitest";
import { loadCaseState } from "@/lib/cases/case-log";
import type { Db } from "@/lib/db/client";
import { decodeState, fold, isProportionate, playbookEventSchema, projectCase, type Severity } from "@/lib/playbook";
import {
  CASE_DURATION_MS,
  DEFAULT_DEMO_NOW,
  DEMO_SCENARIOS,
  demoCaseSteps,
  demoSeedSettings,
  planDemoCases,
  seedDemoCases,
  STEP_GAP_MS,
} from "@/prisma/seed/demo-cases";
import { DEFAULT_AUTHORITY, DEMO_USERS } from "@/prisma/seed/reference-data";
import { DEFAULT_ROOT_CAUSES } from "@/prisma/seed/root-causes";
import { createTestDb } from "../setup/test-db";

/** The demo venues keep London time: the projection needs the venue's clock for the case's day. */
const LONDON_VENUE = { timeZone: "Europe/London" };

const COUNT = 40;
const NOW = DEFAULT_DEMO_NOW;
const DAY = 24 * 60 * 60 * 1000;

const a = await createTestDb();
const b = await createTestDb();

beforeAll(async () => {
  await seedDemoCases(a.db, { count: COUNT, now: NOW });
  await seedDemoCases(b.db, { count: COUNT, now: NOW });
}, 120_000);

async function rowCounts(db: Db) {
  const [cases, events, actions, rootCauses, compensation] = await Promise.all([
    db.case.count(),
    db.caseEvent.count(),
    db.agreedAction.count(),
    db.caseRootCause.count(),
    db.compensation.count(),
  ]);
  return { cases, events, actions, rootCauses, compensation };
}

/** Everything stored, minus what openCase makes random (case ids and references). */
async function content(db: Db) {
  const events = await db.caseEvent.findMany({ orderBy: { clientEventId: "asc" } });
  const openingIdOf = new Map(events.filter((e) => e.type === "case_opened").map((e) => [e.caseId, e.clientEventId]));
  const cases = await db.case.findMany();
  return {
    events: events.map((e) => {
      const payload = JSON.parse(e.payload) as Record<string, unknown>;
      if (e.type === "case_opened") delete payload.reference;
      return {
        clientEventId: e.clientEventId,
        sequence: e.sequence,
        type: e.type,
        payload,
        at: e.at.toISOString(),
        actorId: e.actorId,
        actorRole: e.actorRole,
      };
    }),
    cases: cases
      .map(({ id, reference: _reference, stateSnapshot, ...row }) => ({
        opening: openingIdOf.get(id),
        ...row,
        // The stored state (docs/decisions/0023) names the reference too.
        stateSnapshot: stateSnapshot === null ? null : { ...decodeState(stateSnapshot), reference: undefined },
      }))
      .sort((x, y) => String(x.opening).localeCompare(String(y.opening))),
  };
}

/** What is stored for a case, in the shape `projectCase` produces. */
async function storedProjection(db: Db, caseId: string) {
  const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  const actions = await db.agreedAction.findMany({ where: { caseId }, orderBy: { id: "asc" } });
  const tags = await db.caseRootCause.findMany({ where: { caseId }, include: { tag: true } });
  const compensation = await db.compensation.findMany({ where: { caseId }, orderBy: { id: "asc" } });
  return {
    row,
    actions: actions.map(({ caseId: _c, ...action }) => action),
    rootCauseSlugs: tags.map((t) => t.tag.slug).sort(),
    compensation: compensation.map(({ caseId: _c, ...c }) => c),
  };
}

describe("the demo seed", () => {
  it("writes the asked number of cases through the use-cases", async () => {
    const counts = await rowCounts(a.db);
    expect(counts.cases).toBe(COUNT);
    expect(counts.events).toBeGreaterThan(COUNT * 5);
    expect(await a.db.caseEvent.count({ where: { type: "case_opened" } })).toBe(COUNT);
  });

  it("is deterministic: two fresh databases hold the same cases and events", async () => {
    const [left, right] = await Promise.all([content(a.db), content(b.db)]);
    expect(left.events.length).toBeGreaterThan(0);
    expect(right).toEqual(left);
  });

  it("is idempotent: seeding again, even on a later day, adds no rows", async () => {
    const before = await rowCounts(a.db);
    const again = await seedDemoCases(a.db, { count: COUNT, now: NOW });
    expect(again).toMatchObject({ casesCreated: 0, eventsWritten: 0, casesSkipped: COUNT });
    const nextWeek = await seedDemoCases(a.db, { count: COUNT, now: new Date(NOW.getTime() + 7 * DAY) });
    expect(nextWeek).toMatchObject({ casesCreated: 0, eventsWritten: 0 });
    expect(await rowCounts(a.db)).toEqual(before);
  });

  it("finishes a case cut short on its own clock, without conflicts", async () => {
    const opening = await b.db.caseEvent.findUniqueOrThrow({ where: { clientEventId: "seed-3-0" } });
    const removed = await b.db.caseEvent.deleteMany({ where: { caseId: opening.caseId, sequence: { gt: 4 } } });
    expect(removed.count).toBeGreaterThan(0);
    // A seed stopped half way leaves the row's stored state at its last event; deleting events
    // behind it does not, so drop it as such a seed would have none beyond event 4 (the next
    // append folds the log, docs/decisions/0023).
    await b.db.case.update({ where: { id: opening.caseId }, data: { stateSnapshot: null, stateSequence: null } });
    const resumed = await seedDemoCases(b.db, { count: COUNT, now: new Date(NOW.getTime() + 3 * DAY) });
    expect(resumed).toMatchObject({ casesCreated: 0, eventsWritten: removed.count, casesSkipped: COUNT - 1 });
    expect(await content(b.db)).toEqual(await content(a.db));
  });

  it("stores, for every case, exactly the projection of its folded log", async () => {
    const cases = await a.db.case.findMany({ select: { id: true } });
    for (const { id } of cases) {
      const { log, state } = await loadCaseState(a.db, id);
      const expected = projectCase(fold(log), LONDON_VENUE);
      expect(projectCase(state, LONDON_VENUE)).toEqual(expected);
      const stored = await storedProjection(a.db, id);
      expect(stored.row).toMatchObject(expected.row);
      expect(stored.actions).toEqual([...expected.actions].sort((x, y) => x.id.localeCompare(y.id)));
      expect(stored.rootCauseSlugs).toEqual([...expected.rootCauseSlugs].sort());
      expect(stored.compensation).toEqual([...expected.compensation].sort((x, y) => x.id.localeCompare(y.id)));
      expect(log.length).toBe(stored.row.eventCount);
    }
  });

  it("has plausible outcomes: mostly closed, some abandoned, some still open, one awaiting a manager", async () => {
    const byStatus = Object.fromEntries(
      (await a.db.case.groupBy({ by: ["status"], _count: { _all: true } })).map((g) => [g.status, g._count._all]),
    );
    expect(byStatus.closed).toBeGreaterThan(COUNT / 2);
    expect(byStatus.abandoned).toBeGreaterThanOrEqual(1);
    expect(byStatus.open).toBeGreaterThanOrEqual(1);
    expect(byStatus.awaiting_manager).toBeGreaterThanOrEqual(1);
    const locations = await a.db.case.groupBy({ by: ["locationId"], _count: { _all: true } });
    expect(locations.map((l) => l.locationId).sort()).toEqual(["loc-grand", "loc-harbour"]);
  });

  it("has realistic people and times", async () => {
    const cases = await a.db.case.findMany({ include: { events: { orderBy: { sequence: "asc" } } } });
    for (const c of cases) {
      const opener = DEMO_USERS.find((u) => u.id === c.openedById);
      expect(opener?.role).toBe("staff");
      expect(opener?.locations).toContain(c.locationId);
      for (const e of c.events) {
        const actor = DEMO_USERS.find((u) => u.id === e.actorId);
        expect(actor?.locations).toContain(c.locationId);
        if (e.type === "manager_decided" || e.type === "action_updated" || e.type === "manager_note_added")
          expect(actor?.role).toBe("manager");
        expect(e.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(e.at.getTime()).toBeGreaterThan(NOW.getTime() - 91 * DAY);
      }
      // The conversation: steps 10 s – 3 min apart; a finished one lasts 2–25 minutes.
      const end = c.closedAt ?? c.lastEventAt;
      const talk = c.events.filter((e) => e.at <= end);
      for (let i = 1; i < talk.length; i++) {
        const gap = talk[i].at.getTime() - talk[i - 1].at.getTime();
        expect(gap).toBeGreaterThanOrEqual(STEP_GAP_MS.min);
        expect(gap).toBeLessThanOrEqual(STEP_GAP_MS.max);
      }
      if (c.status === "closed") {
        const minutes = end.getTime() - c.openedAt.getTime();
        expect(minutes).toBeGreaterThanOrEqual(CASE_DURATION_MS.min);
        expect(minutes).toBeLessThanOrEqual(CASE_DURATION_MS.max);
      }
      if (c.status === "open" || c.status === "awaiting_manager") {
        expect(NOW.getTime() - c.openedAt.getTime()).toBeLessThan(DAY);
      }
    }
  });
});

describe("the demo plan at full size (no database)", () => {
  const settings = demoSeedSettings({}, DEFAULT_AUTHORITY.staff);
  const plans = planDemoCases(320, settings);
  const logs = plans.map((plan) => demoCaseSteps(plan));
  const events = logs.flat().map((s) => s.event);
  const share = (n: number) => n / plans.length;

  it("is valid: every step parses and every log folds through the playbook", () => {
    for (const log of logs) {
      for (const step of log) playbookEventSchema.parse(step.event);
      fold(
        log.map((s) => ({ ...s.event, at: s.at, actor: { id: s.actorId, role: s.byManager ? ("manager" as const) : ("staff" as const) } })),
      );
    }
  });

  it("is the same plan every time", () => {
    const again = planDemoCases(320, settings).map((plan) => demoCaseSteps(plan));
    expect(again).toEqual(logs);
  });

  it("has about 5% abandoned and about 3% still open, the rest closed", () => {
    const outcomes = plans.map((p) => p.outcome);
    expect(share(outcomes.filter((o) => o === "abandoned").length)).toBeCloseTo(0.05, 1);
    expect(share(outcomes.filter((o) => o === "open").length)).toBeCloseTo(0.03, 1);
    expect(plans.some((p) => p.liveTarget === "awaiting_authority")).toBe(true);
    expect(plans.some((p) => p.liveTarget === "awaiting_remedy")).toBe(true);
  });

  it("covers every detour of the playbook", () => {
    const count = (type: string) => events.filter((e) => e.type === type).length;
    for (const type of [
      "request_declined",
      "escalation_requested",
      "manager_decided",
      "compensation_skipped",
      "customer_vented",
      "note_added",
      "action_updated",
    ]) {
      expect(count(type), type).toBeGreaterThan(0);
    }
    const readbacks = events.flatMap((e) => (e.type === "readback_answered" ? [e.data.accepted] : []));
    expect(readbacks.filter(Boolean).length / readbacks.length).toBeGreaterThan(0.85);
    expect(readbacks.filter((x) => !x).length).toBeGreaterThan(0);
    const offers = events.flatMap((e) => (e.type === "compensation_offered" ? [e.data.valueCents] : []));
    expect(offers.filter((v) => v > DEFAULT_AUTHORITY.staff).length).toBeGreaterThan(0);
  });

  it("tags every root cause of the default taxonomy at least once", () => {
    const used = new Set(events.flatMap((e) => (e.type === "root_causes_tagged" ? e.data.tags : [])));
    expect([...used].sort()).toEqual(DEFAULT_ROOT_CAUSES.map((t) => t.slug).sort());
  });

  it("gives compensation proportionate to severity", () => {
    let checked = 0;
    for (const [i, log] of logs.entries()) {
      // A still-open case waiting for approval was given an over-limit offer on purpose.
      if (plans[i].outcome === "open") continue;
      const heard = log.find((s) => s.event.type === "complaint_heard")?.event;
      if (heard?.type !== "complaint_heard") continue;
      const severity = heard.data.severity as Severity;
      // The last offer is the one that stands (an earlier one is a manager-declined big ask).
      const final = log.flatMap((s) => (s.event.type === "compensation_offered" ? [s.event.data.valueCents] : [])).pop();
      if (final === undefined) continue;
      expect(isProportionate(severity, final), `${final} at severity ${severity}`).toBe("fair");
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it("has distinct option labels in every scenario, so two options are always two", () => {
    for (const scenario of DEMO_SCENARIOS) {
      const labels = [...scenario.options, scenario.managerOption, ...(scenario.decline ? [scenario.decline.alternative] : [])].map(
        (o) => o.label,
      );
      expect(new Set(labels).size, scenario.key).toBe(labels.length);
      expect(scenario.options.length, scenario.key).toBeGreaterThanOrEqual(3);
    }
  });
});
