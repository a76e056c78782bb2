import { beforeAll, describe, expect, it } from "vitest";
import { driveCase } from "@/tests/support/drive-case";
import type { PlaybookEvent } from "@/lib/playbook";
import { actorFor } from "@/tests/support/actors";
import { getProgress } from "@/lib/training/get-progress";
import { recordCase } from "@/tests/support/record-case";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const ben = actorFor("usr-ben");
const maria = actorFor("usr-maria");
const chloe = actorFor("usr-chloe");
const james = actorFor("usr-james");
const tara = actorFor("usr-tara");
// A Tuesday evening; weeks start on Monday 9 March.
const NOW = new Date("2026-03-10T21:00:00Z");

const excuse = {
  edit: (e: PlaybookEvent): PlaybookEvent =>
    e.type === "apology_given" ? { ...e, data: { ...e.data, words: "Sorry, we're short staffed tonight." } } : e,
};

beforeAll(async () => {
  // Amira: 75 two weeks ago (an excuse, and an apology 3 min 20 s after hearing them out), then 100 last week and this week.
  await recordCase(db, { staff: amira, manager: maria, at: new Date("2026-02-24T19:00:00Z"), stepMs: 100_000, ...excuse });
  await recordCase(db, { staff: amira, manager: maria, at: new Date("2026-03-03T19:00:00Z") });
  await recordCase(db, { staff: amira, manager: maria, at: new Date("2026-03-09T19:00:00Z") });
  // Ben, this week: a token remedy for a serious failure (88), and a textbook case (100).
  await recordCase(db, {
    staff: ben,
    manager: maria,
    at: new Date("2026-03-09T20:00:00Z"),
    options: { severity: 4, compensationCents: 500 },
  });
  await recordCase(db, { staff: ben, manager: maria, at: new Date("2026-03-10T13:00:00Z") });
  // Chloé at the hotel: an excuse (88).
  await recordCase(db, { staff: chloe, manager: james, at: new Date("2026-03-09T19:00:00Z"), ...excuse });
  // Never counted: a practice run, a case still open, a case long before the range.
  await recordCase(db, { staff: ben, manager: maria, at: new Date("2026-03-10T12:00:00Z"), options: { practice: true }, ...excuse });
  await driveCase(db, { staff: ben, at: new Date("2026-03-10T14:00:00Z"), stopAt: "solve" });
  await recordCase(db, { staff: amira, manager: maria, at: new Date("2024-06-01T19:00:00Z"), ...excuse });
});

describe("per-person progress", () => {
  it("averages each person's scores per week, oldest week first", async () => {
    const progress = await getProgress(db, maria, { weeks: 4 }, NOW);
    expect(progress.weeks).toEqual(["2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09"]);
    const [a, b] = progress.people;
    expect(a).toMatchObject({ name: "Amira Shah", cases: 3, weekly: [null, 75, 100, 100], counts: [0, 1, 1, 1], average: 92, trend: 25 });
    expect(a.items.apology_no_excuses).toEqual({ met: 2, missed: 1 });
    expect(a.focus).toBe("apology_no_excuses");
    expect(b).toMatchObject({
      name: "Ben Okafor",
      cases: 2,
      weekly: [null, null, null, 94],
      counts: [0, 0, 0, 2],
      average: 94,
      focus: "remedy_proportionate",
    });
  });

  it("keeps practice runs out and covers only the viewer's locations", async () => {
    const forMaria = await getProgress(db, maria, { weeks: 4 }, NOW);
    expect(forMaria.people.map((p) => p.name)).toEqual(["Amira Shah", "Ben Okafor"]);
    const forTara = await getProgress(db, tara, { weeks: 4 }, NOW);
    expect(forTara.people.map((p) => p.name)).toEqual(["Amira Shah", "Ben Okafor", "Chloé Martin"]);
    const grandOnly = await getProgress(db, tara, { weeks: 4, location: "loc-grand" }, NOW);
    expect(grandOnly.people.map((p) => p.name)).toEqual(["Chloé Martin"]);
    expect((await errorOf(getProgress(db, maria, { location: "loc-grand" }, NOW))).status).toBe(403);
  });

  it("reaches back as many weeks as asked", async () => {
    const year = await getProgress(db, tara, { weeks: 52 }, NOW);
    expect(year.weeks).toHaveLength(52);
    expect(year.people.find((p) => p.name === "Amira Shah")?.cases).toBe(3);
    expect((await errorOf(getProgress(db, tara, { weeks: 99 }, NOW))).code).toBe("invalid_input");
  });

  it("is for trainers and managers, not staff", async () => {
    expect((await errorOf(getProgress(db, amira, {}, NOW))).status).toBe(403);
    expect((await getProgress(db, actorFor("usr-alex"), {}, NOW)).people.length).toBe(3);
  });
});
