import { describe, expect, it, vi } from "vitest";
import { createTestDb } from "../setup/test-db";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./hostile/harness")).nextHeadersMock);

const { checkEndpoint, endpoints, RUNS, SCHEMAS, setUp } = await import("./hostile/harness");

/** Shard 1 of 2 of tests/integration/hostile/harness.ts: bad input against every route handler. */
const SHARD = 0;
const context = await setUp(createTestDb);

describe(`hostile input, ${RUNS} runs per endpoint (shard ${SHARD + 1} of 2)`, () => {
  for (const endpoint of endpoints().filter((_, index) => index % 2 === SHARD)) {
    it(`${endpoint.key} (as ${endpoint.visitor}): never 5xx; a 4xx explains itself and changes nothing`, async () => {
      const { status } = await checkEndpoint(context, endpoint);
      if (process.env.HOSTILE_VERBOSE) console.log(endpoint.key, JSON.stringify(status));
      const refused = Object.entries(status).filter(([code]) => Number(code) >= 400).reduce((n, [, count]) => n + count, 0);
      // Where a schema shapes the input, the breaking must show: most calls refused (a few
      // generated from the schema may be valid, and are then simply carried out).
      if (SCHEMAS[endpoint.key] && endpoint.method !== "GET") expect(refused / RUNS).toBeGreaterThan(0.5);
    }, 600_000);
  }
});
