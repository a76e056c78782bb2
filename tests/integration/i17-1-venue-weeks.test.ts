// Issue 17, finding 1: the weekly charts counted UTC weeks, not the venue's own (Monday to
// Sunday on its clock), and a case whose UTC week had no column was silently left out, so a
// week's total and its charts disagreed; a manager over venues in several time zones had every
// venue's days taken on London's clock.
import { beforeAll, describe, expect, it } from "vitest";
import { getInsights } from "@/lib/manager/insights";
import { fold, projectCase, type RecordedEvent } from "@/lib/playbook";
import { loadCaseLog } from "@/lib/cases/case-log";
import { AWKWARD_PEOPLE, addAwkwardVenues, ordinary, play } from "../oracle/awkward-cases";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();
const { amira, maria, kiri, aroha, nora, area } = AWKWARD_PEOPLE;
const NOW = new Date("2026-11-20T21:30:00.000Z");
let mondayCase = "";

beforeAll(async () => {
  await addAwkwardVenues(db);
  // London: Monday 7 September 2026 at 00:17 BST is still Sunday 23:17 in UTC.
  mondayCase = await play(db, amira, new Date("2026-09-06T23:17:00.000Z"), ordinary(["wait_time"]));
  // Auckland (UTC+13): Sunday 8 Nov 10:00 and 20:00, Monday 9 Nov 09:00 and 12:00, Tuesday 10 Nov 15:00.
  for (const at of [
    "2026-11-07T21:00:00.000Z",
    "2026-11-08T07:00:00.000Z",
    "2026-11-08T20:00:00.000Z",
    "2026-11-08T23:00:00.000Z",
    "2026-11-10T02:00:00.000Z",
  ]) {
    await play(db, kiri, new Date(at), ordinary(["booking"], { category: "booking" }));
  }
  // New York: Sunday 15 November 22:00 EST is Monday 03:00 in UTC.
  await play(db, nora, new Date("2026-11-16T03:00:00.000Z"), ordinary(["wait_time"]));
}, 120_000);

describe("weeks are the venue's own weeks, and every case counted is in a chart", () => {
  it("counts a case opened at 00:17 on a Monday in London in that Monday's week, and the charts add up to the total", async () => {
    const week = await getInsights(db, maria, { from: "2026-09-07", to: "2026-09-13" }, NOW);
    expect(week.cases).toBe(1);
    expect(week.weeklyByCategory.weeks).toEqual(["2026-09-07"]);
    expect(week.weeklyByCategory.series.map((s) => s.values)).toEqual([[1]]);
    expect(week.weeklyByLocation.series.map((s) => s.values)).toEqual([[1]]);
  });

  it("counts Auckland's cases in Auckland's weeks: [2, 3], not the UTC weeks' [4, 1]", async () => {
    const fortnight = await getInsights(db, aroha, { from: "2026-11-02", to: "2026-11-15" }, NOW);
    expect(fortnight.weeklyByLocation.weeks).toEqual(["2026-11-02", "2026-11-09"]);
    expect(fortnight.weeklyByLocation.series).toEqual([{ key: "loc-kiwi", label: "Kiwi Kitchen", values: [2, 3], total: 5 }]);
    expect(fortnight.cases).toBe(5);
  });

  it("takes each venue's days on its own clock for a manager over several time zones, and says which", async () => {
    // Monday 9 November: two cases in Auckland (Sunday evening in UTC), none elsewhere.
    const monday = await getInsights(db, area, { from: "2026-11-09", to: "2026-11-09" }, NOW);
    expect(monday.cases).toBe(2);
    expect(monday.weeklyByLocation.series).toEqual([{ key: "loc-kiwi", label: "Kiwi Kitchen", values: [2], total: 2 }]);
    // Sunday 15 November: the New York case (Monday in UTC and in London).
    const sunday = await getInsights(db, area, { from: "2026-11-15", to: "2026-11-15" }, NOW);
    expect(sunday.cases).toBe(1);
    expect(sunday.weeklyByLocation.series.map((s) => s.key)).toEqual(["loc-hudson"]);
    expect(sunday.weeklyByLocation.weeks).toEqual(["2026-11-09"]);
    expect(monday.venues).toEqual([
      { id: "loc-grand", name: "Grand Station Hotel", timeZone: "Europe/London" },
      { id: "loc-hudson", name: "Hudson Diner", timeZone: "America/New_York" },
      { id: "loc-kiwi", name: "Kiwi Kitchen", timeZone: "Pacific/Auckland" },
      { id: "loc-harbour", name: "The Harbour Kitchen", timeZone: "Europe/London" },
    ]);
  });

  it("stores each case's day on its venue's clock in the projection", async () => {
    const log: RecordedEvent[] = await loadCaseLog(db, mondayCase);
    expect(projectCase(fold(log), { timeZone: "Europe/London" }).row).toMatchObject({ openedLocalDay: "2026-09-07" });
    expect(await db.case.findUniqueOrThrow({ where: { id: mondayCase } })).toMatchObject({ openedLocalDay: "2026-09-07" });
  });
});
