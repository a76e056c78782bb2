// Issue 17, finding 3: repeat complaints were capped at 12 rows without saying so, and the rows
// tied at the cut came in no stated order. Now the list says how many there are, pages ("show
// all"), and breaks ties by a stated rule: most repeats, most cases, latest case, then location
// and root cause A–Z.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getInsights, REPEAT_ORDER, REPEATS_SHOWN } from "@/lib/manager/insights";
import { AWKWARD_PEOPLE, addAwkwardVenues, ordinary, play } from "../oracle/awkward-cases";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();
const { amira, chloe, kiri, nora, area } = AWKWARD_PEOPLE;
const NOW = new Date("2026-11-20T21:30:00.000Z");
const HOUR = 3_600_000;
const names: Record<string, string> = {
  "loc-harbour": "The Harbour Kitchen",
  "loc-grand": "Grand Station Hotel",
  "loc-kiwi": "Kiwi Kitchen",
  "loc-hudson": "Hudson Diner",
};
const labels: Record<string, string> = {
  product_quality: "Product quality",
  wait_time: "Wait time",
  staff_manner: "Staff manner",
  billing: "Billing",
  cleanliness: "Cleanliness",
  availability: "Availability",
};
const pairs: { staff: Actor; tag: string; lastAt: string }[] = [];

beforeAll(async () => {
  await addAwkwardVenues(db);
  // 21 (venue, root cause) pairs, each two cases an hour apart: every row has 1 repeat in 2
  // cases. Three pairs share each last instant, at different venues: only names break the tie.
  const all: { staff: Actor; tag: string }[] = [];
  for (const staff of [amira, chloe, kiri, nora]) for (const tag of Object.keys(labels)) all.push({ staff, tag });
  for (const [i, { staff, tag }] of all.slice(0, 21).entries()) {
    const first = new Date(Date.parse("2026-07-13T10:00:00.000Z") + (i % 7) * 86_400_000);
    await play(db, staff, first, ordinary([tag]));
    await play(db, staff, new Date(first.getTime() + HOUR), ordinary([tag]));
    pairs.push({ staff, tag, lastAt: new Date(first.getTime() + HOUR).toISOString() });
  }
}, 180_000);

/** The stated rule, written out here: all rows tie on repeats and cases. */
const expectedOrder = () =>
  [...pairs]
    .sort(
      (a, b) =>
        b.lastAt.localeCompare(a.lastAt) ||
        names[a.staff.locationIds[0]].localeCompare(names[b.staff.locationIds[0]]) ||
        labels[a.tag].localeCompare(labels[b.tag]),
    )
    .map((p) => `${p.staff.locationIds[0]}/${p.tag}`);

describe("repeat complaints", () => {
  it("say how many there are when the list is cut, in the stated order", async () => {
    const insights = await getInsights(db, area, { from: "2026-07-01", to: "2026-07-31" }, NOW);
    expect(insights.repeats.total).toBe(21);
    expect(insights.repeats.showingAll).toBe(false);
    expect(insights.repeats.rows).toHaveLength(REPEATS_SHOWN);
    expect(insights.repeats.rows.map((r) => `${r.locationId}/${r.slug}`)).toEqual(expectedOrder().slice(0, REPEATS_SHOWN));
    expect(REPEAT_ORDER).toBe("most repeats first, then most cases, then the most recent case, then location and root cause A–Z");
  });

  it("list every row when asked to show all", async () => {
    const insights = await getInsights(db, area, { from: "2026-07-01", to: "2026-07-31", repeats: "all" }, NOW);
    expect(insights.repeats.showingAll).toBe(true);
    expect(insights.repeats.rows.map((r) => `${r.locationId}/${r.slug}`)).toEqual(expectedOrder());
    expect(insights.repeats.rows.every((r) => r.repeats === 1 && r.cases === 2)).toBe(true);
  });

  it("refuse a page size it does not know, with a message", async () => {
    await expect(getInsights(db, area, { repeats: "lots" }, NOW)).rejects.toMatchObject({ code: "invalid_input" });
  });
});
