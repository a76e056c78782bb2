import { describe, expect, it, vi } from "vitest";
import { createSession } from "@/lib/auth/sessions";
import { createTestDb } from "../setup/test-db";

// The held-step routes (docs/decisions/0019-held-steps.md), called as the browser would: a real
// held step at The Harbour Kitchen, a well-formed review, and every visitor who must not review it.
// Each is refused, and nothing in the database changes; the venue's own manager then can.

vi.mock("next/headers", async () => (await import("../integration/hostile/harness")).nextHeadersMock);

const { endpoints, loadHandler, call, setUp } = await import("../integration/hostile/harness");
const context = await setUp(createTestDb);
// The held step tests/integration/hostile/harness.ts prepares at The Harbour Kitchen.
const heldStepId = (await context.db.heldStep.findUniqueOrThrow({ where: { clientEventId: "hostile-held-0001" } })).id;
const review = endpoints().find((e) => e.key === "POST /api/manager/held-steps/[id]/review");
const list = endpoints().find((e) => e.key === "GET /api/manager/held-steps");
if (!review || !list) throw new Error("the held-step routes are missing");
// James manages the Grand Station Hotel only.
const james = `coach_session=${(await createSession(context.db, "usr-james", "loc-grand")).token}`;
const body = { json: { outcome: "recorded_by_hand", note: "Added it to the case by hand" } };

async function reviewAs(cookie: string | null, crossSite = false) {
  const handler = await loadHandler(review!);
  const fixtures = { ...context.fixtures, cookies: { ...context.fixtures.cookies, manager: cookie } };
  await context.fingerprint.changed();
  const outcome = await call(handler, { ...review!, visitor: "manager" }, fixtures, {
    params: { id: heldStepId },
    query: "",
    body,
    crossSite,
  });
  return { ...outcome, changed: await context.fingerprint.changed() };
}

describe("POST /api/manager/held-steps/[id]/review", () => {
  it("is the held step the fixtures made", async () => {
    expect((await context.db.heldStep.findUniqueOrThrow({ where: { id: heldStepId } })).locationId).toBe("loc-harbour");
  });

  const refusals: [string, () => string | null, boolean, number][] = [
    ["signed out", () => null, false, 401],
    ["staff", () => context.fixtures.cookies.staff, false, 403],
    ["a trainer", () => context.fixtures.cookies.trainer, false, 403],
    ["a manager of another venue", () => james, false, 403],
    ["the venue's own manager, forged from another site", () => context.fixtures.cookies.manager, true, 403],
  ];
  for (const [who, cookie, crossSite, status] of refusals) {
    it(`refuses ${who} (${status}) and changes nothing`, async () => {
      const outcome = await reviewAs(cookie(), crossSite);
      expect(outcome.status, outcome.text).toBe(status);
      expect((JSON.parse(outcome.text) as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
      expect(outcome.changed).toBe(false);
    });
  }

  it("lets the venue's manager review it once; the same review again is answered the same; another is refused", async () => {
    const first = await reviewAs(context.fixtures.cookies.manager);
    expect(first.status, first.text).toBe(200);
    expect(first.changed).toBe(true);
    expect(JSON.parse(first.text)).toMatchObject({ outcome: "recorded_by_hand", duplicate: false });
    const again = await reviewAs(context.fixtures.cookies.manager);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.text)).toMatchObject({ duplicate: true });
    expect(again.changed).toBe(false);
    const other = await reviewAs(`coach_session=${(await createSession(context.db, "usr-alex", "loc-harbour")).token}`);
    expect(other.status).toBe(409);
    expect(JSON.parse(other.text)).toMatchObject({ error: { code: "conflict" } });
    expect(other.changed).toBe(false);
  });
});

describe("GET /api/manager/held-steps", () => {
  it("lists the venue's held steps for its manager, and none of them for another venue's", async () => {
    const handler = await loadHandler(list);
    const as = async (cookie: string | null) =>
      call(
        handler,
        list,
        { ...context.fixtures, cookies: { ...context.fixtures.cookies, manager: cookie } },
        {
          params: {},
          query: "",
          body: null,
          crossSite: false,
        },
      );
    const maria = JSON.parse((await as(context.fixtures.cookies.manager)).text) as { steps: { id: string }[] };
    expect(maria.steps.map((s) => s.id)).toEqual([heldStepId]);
    const grand = JSON.parse((await as(james)).text) as { steps: unknown[]; unreviewed: number };
    expect(grand).toEqual({ steps: [], unreviewed: 0 });
    expect((await as(null)).status).toBe(401);
  });
});
