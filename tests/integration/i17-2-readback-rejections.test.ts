// Issue 17, finding 2: read-back acceptance hid rejections. Only the last answer was kept,
// agreeing actions again wiped it, and the share counted non-null answers only: a case whose
// customer said "not quite" and that was then abandoned vanished from the denominator, and one
// accepted after a "not quite" counted as accepted like any other.
import { beforeAll, describe, expect, it } from "vitest";
import { getInsights } from "@/lib/manager/insights";
import { AWKWARD_PEOPLE, ordinary, play, steps } from "../oracle/awkward-cases";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();
const { amira, maria } = AWKWARD_PEOPLE;
const NOW = new Date("2026-11-20T21:30:00.000Z");
const RANGE = { from: "2026-10-01", to: "2026-10-31" };
let abandoned = "";

beforeAll(async () => {
  for (const day of ["01", "02", "03"]) await play(db, amira, new Date(`2026-10-${day}T12:00:00.000Z`), ordinary(["wait_time"]));
  // "Not quite", then a new agreement, then yes.
  await play(db, amira, new Date("2026-10-05T12:00:00.000Z"), [
    steps.heard(),
    steps.validated,
    steps.apology,
    steps.options,
    steps.agreed(),
    steps.skip,
    steps.actions("a1", new Date("2026-10-05T14:00:00Z")),
    steps.refuse,
    steps.agreed("Take the dish off the bill"),
    steps.skip,
    steps.actions("a2", new Date("2026-10-05T14:00:00Z")),
    steps.accept,
    steps.tag("wait_time"),
    steps.closed,
  ]);
  // "Not quite", a new agreement and its actions agreed (which wiped the answer), then abandoned.
  abandoned = await play(db, amira, new Date("2026-10-06T12:00:00.000Z"), [
    steps.heard(),
    steps.validated,
    steps.apology,
    steps.options,
    steps.agreed(),
    steps.skip,
    steps.actions("b1", new Date("2026-10-06T14:00:00Z")),
    steps.refuse,
    steps.agreed("Take the dish off the bill"),
    steps.skip,
    steps.actions("b2", new Date("2026-10-06T14:00:00Z")),
    steps.abandoned,
  ]);
}, 120_000);

describe("the read-back over every round", () => {
  it("shows accepted first time, accepted after changes and never accepted, counting every case read back", async () => {
    const insights = await getInsights(db, maria, RANGE, NOW);
    expect(insights.cases).toBe(5);
    expect(insights.readback).toEqual({
      asked: 5,
      acceptedFirstTime: 3,
      acceptedAfterChanges: 1,
      notAccepted: 1,
      withRefusal: 2,
      firstTimeShare: 0.6,
      acceptedShare: 0.8,
    });
  });

  it("keeps the outcome and the refusals on the case, whatever came after", async () => {
    expect(await db.case.findUniqueOrThrow({ where: { id: abandoned } })).toMatchObject({
      status: "abandoned",
      readbackOutcome: "not_accepted",
      readbackRefusals: 1,
    });
  });
});
