import { describe, expect, it, vi } from "vitest";
import { createTestDb } from "../setup/test-db";

// Finding (issue 12): 31 route handlers checked the origin themselves although `handle()` already
// does for every mutating request. The per-route calls are gone; this proves the one check covers
// every route there is — a forged cross-site request, from a signed-in person's browser with a
// well-formed body, is refused before anything runs, and nothing in the database changes.

vi.mock("next/headers", async () => (await import("../integration/hostile/harness")).nextHeadersMock);

const { endpoints, loadHandler, call, setUp } = await import("../integration/hostile/harness");
const context = await setUp(createTestDb);
const mutating = endpoints().filter((e) => !["GET", "HEAD", "OPTIONS"].includes(e.method));

describe("a cross-site request to any mutating route", () => {
  it("finds the routes (so the test below cannot pass by finding none)", () => {
    expect(mutating.length).toBeGreaterThan(30);
  });

  for (const endpoint of mutating) {
    for (const [how, json] of [
      ["an empty body", {}],
      [
        "a body shaped like a real one",
        { clientEventId: "forged-0001", name: "Forged", text: "Forged", decision: "approved", status: "done", caseId: "x" },
      ],
    ] as const) {
      it(`${endpoint.key} (as ${endpoint.visitor}, ${how}): 403, nothing changed`, async () => {
        const handler = await loadHandler(endpoint);
        const params = Object.fromEntries(endpoint.params.map((p) => [p, context.fixtures.ids[0]]));
        await context.fingerprint.changed();
        const outcome = await call(handler, endpoint, context.fixtures, { params, query: "", body: { json }, crossSite: true });
        expect(outcome.status, outcome.text).toBe(403);
        expect(JSON.parse(outcome.text)).toMatchObject({ error: { code: "forbidden", message: "Cross-site requests are not allowed." } });
        expect(await context.fingerprint.changed()).toBe(false);
      });
    }
  }
});
