import { beforeAll, describe, expect, it } from "vitest";
import { getInsights, insightsRange } from "@/lib/manager/insights";
import { driveCase } from "@/tests/support/drive-case";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const ben = actorFor("usr-ben");
const chloe = actorFor("usr-chloe");
const maria = actorFor("usr-maria");
const james = actorFor("usr-james");
const alex = actorFor("usr-alex");
const NOW = new Date("2026-03-16T12:00:00Z");
const RANGE = { from: "2026-03-01", to: "2026-03-15" };

// Steps after opening: heard 1, validated 2, apology 3, options 4, solution 5, compensation 6,
// (a manager's approval above £15: 7), actions, read-back. So with a step of s seconds the
// first apology comes at 3s and the read-back at 8s (9s when a manager approved).
beforeAll(async () => {
  const at = (iso: string) => new Date(iso);
  // I1: apology 180 s, resolved 480 s, £5.
  await driveCase(db, { staff: amira, at: at("2026-03-02T10:00:00Z"), stepMs: 60_000, tags: ["product_quality"], compensationCents: 500 });
  // I2: apology 360 s, resolved 960 s, £5.
  await driveCase(db, { staff: ben, at: at("2026-03-03T10:00:00Z"), stepMs: 120_000, tags: ["product_quality"], compensationCents: 500 });
  // I3: waiting, apology 90 s, resolved 240 s, no compensation.
  await driveCase(db, {
    staff: amira,
    at: at("2026-03-04T10:00:00Z"),
    stepMs: 30_000,
    category: "wait_time",
    tags: ["wait_time"],
    compensationCents: "skip",
  });
  // I4: apology 180 s, read-back refused: its £20 (approved by the manager) retired with the round.
  await driveCase(db, {
    staff: amira,
    manager: maria,
    at: at("2026-03-10T10:00:00Z"),
    stepMs: 60_000,
    compensationCents: 2000,
    readbackAccepted: false,
    stopAt: "prevent",
  });
  // I6: apology 180 s, resolved 480 s, £10.
  await driveCase(db, { staff: ben, at: at("2026-03-05T10:00:00Z"), stepMs: 60_000, tags: ["product_quality"], compensationCents: 1000 });
  // Not counted for Maria: another location, a practice case, a case before the range.
  await driveCase(db, { staff: chloe, at: at("2026-03-11T10:00:00Z"), tags: ["product_quality"], compensationCents: 700 });
  await driveCase(db, { staff: amira, at: at("2026-03-06T10:00:00Z"), tags: ["product_quality"], practice: true });
  await driveCase(db, { staff: amira, at: at("2026-01-05T10:00:00Z"), tags: ["product_quality"] });
}, 60_000);

describe("insights", () => {
  it("counts the range's cases and builds the root-cause Pareto", async () => {
    const insights = await getInsights(db, maria, RANGE, NOW);
    expect(insights.cases).toBe(5);
    expect(insights.range).toEqual({ from: "2026-03-01", to: "2026-03-15", days: 15, today: "2026-03-16" });
    expect(insights.venues).toEqual([{ id: "loc-harbour", name: "The Harbour Kitchen", timeZone: "Europe/London" }]);
    expect(insights.tags).toBe(4);
    expect(insights.pareto).toEqual([
      { slug: "product_quality", label: "Product quality", count: 3, cumulativeShare: 0.75 },
      { slug: "wait_time", label: "Wait time", count: 1, cumulativeShare: 1 },
    ]);
  });

  it("computes medians to first apology and to resolution in SQL", async () => {
    const insights = await getInsights(db, maria, RANGE, NOW);
    // Apology: 90, 180, 180, 180, 360 → 180. Resolution: 240, 480, 480, 960 → 480.
    expect(insights.firstApology).toEqual({ medianSeconds: 180, cases: 5 });
    expect(insights.resolution).toEqual({ medianSeconds: 480, cases: 4 });
  });

  it("averages the two middle values for an even count", async () => {
    const insights = await getInsights(db, maria, { from: "2026-03-02", to: "2026-03-03" }, NOW);
    expect(insights.firstApology).toEqual({ medianSeconds: 270, cases: 2 });
    expect(insights.resolution).toEqual({ medianSeconds: 720, cases: 2 });
  });

  it("gives the read-back outcomes and the remedy cost", async () => {
    const insights = await getInsights(db, maria, RANGE, NOW);
    // I4's customer said "not quite" and has not accepted yet: still counted, as not accepted.
    expect(insights.readback).toEqual({
      asked: 5,
      acceptedFirstTime: 4,
      acceptedAfterChanges: 0,
      notAccepted: 1,
      withRefusal: 1,
      firstTimeShare: 0.8,
      acceptedShare: 0.8,
    });
    // I4's remedy is not counted: the customer said "not quite", so nothing is given yet.
    expect(insights.remedy).toEqual({ totalCents: 2000, compensatedCases: 3, perCaseCents: 400, perCompensatedCaseCents: 667 });
  });

  it("counts cases per week by category and by location, with empty weeks as zero", async () => {
    const insights = await getInsights(db, maria, RANGE, NOW);
    expect(insights.weeklyByCategory.weeks).toEqual(["2026-02-23", "2026-03-02", "2026-03-09"]);
    expect(insights.weeklyByCategory.series).toEqual([
      { key: "food_quality", label: "Food quality", values: [0, 3, 1], total: 4 },
      { key: "wait_time", label: "Waiting", values: [0, 1, 0], total: 1 },
    ]);
    expect(insights.weeklyByLocation.series).toEqual([{ key: "loc-harbour", label: "The Harbour Kitchen", values: [0, 4, 1], total: 5 }]);
  });

  it("finds root causes that come back at the same location within N days", async () => {
    const week = await getInsights(db, maria, { ...RANGE, within: "7" }, NOW);
    expect(week.repeats).toEqual({
      rows: [
        expect.objectContaining({
          locationId: "loc-harbour",
          timeZone: "Europe/London",
          slug: "product_quality",
          label: "Product quality",
          cases: 3,
          repeats: 2,
          improvement: null,
        }),
      ],
      total: 1,
      showingAll: true,
    });
    expect(week.repeats.rows[0].lastAt).toBe("2026-03-05T10:00:00.000Z");
    const day = await getInsights(db, maria, { ...RANGE, within: "1" }, NOW);
    expect(day.repeats.rows[0]).toMatchObject({ cases: 3, repeats: 1 });
  });

  it("covers every location an admin works at, or the one asked for", async () => {
    expect((await getInsights(db, alex, RANGE, NOW)).cases).toBe(6);
    expect((await getInsights(db, alex, { ...RANGE, location: "loc-grand" }, NOW)).cases).toBe(1);
    const both = await getInsights(db, alex, RANGE, NOW);
    expect(both.weeklyByLocation.series.map((s) => s.label)).toEqual(["The Harbour Kitchen", "Grand Station Hotel"]);
  });

  it("is empty, not broken, for a range with no cases", async () => {
    const insights = await getInsights(db, maria, { from: "2025-01-01", to: "2025-01-07" }, NOW);
    expect(insights).toMatchObject({
      cases: 0,
      pareto: [],
      firstApology: { medianSeconds: null, cases: 0 },
      readback: { asked: 0, firstTimeShare: null },
      remedy: { totalCents: 0, perCaseCents: null },
      repeats: { rows: [], total: 0, showingAll: true },
    });
  });

  it("defaults to the last 90 local days", () => {
    expect(insightsRange({}, NOW, ["Europe/London"])).toEqual({ from: "2025-12-17", to: "2026-03-16", today: "2026-03-16" });
    // Over venues on several clocks, up to the latest venue's today (Auckland is a day ahead late in the evening).
    expect(insightsRange({}, new Date("2026-03-16T20:00:00Z"), ["Europe/London", "Pacific/Auckland"])).toMatchObject({
      to: "2026-03-17",
      today: "2026-03-17",
    });
  });

  it("refuses another location (403), staff (403) and a backwards range (400)", async () => {
    expect((await errorOf(getInsights(db, james, { location: "loc-harbour" }, NOW))).status).toBe(403);
    expect((await errorOf(getInsights(db, amira, RANGE, NOW))).status).toBe(403);
    expect((await errorOf(getInsights(db, maria, { from: "2026-03-10", to: "2026-03-01" }, NOW))).status).toBe(400);
    // A start after today with no end: the period would run backwards.
    expect((await errorOf(getInsights(db, maria, { from: "2026-04-01" }, NOW))).status).toBe(400);
  });
});
