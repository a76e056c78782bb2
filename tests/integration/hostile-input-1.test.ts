import { vi } from "vitest";
import { createTestDb } from "../setup/test-db";

// Mocks are hoisted per test file, so each shard declares them itself.
vi.mock("next/headers", async () => (await import("./hostile/harness")).nextHeadersMock);

const { describeHostileShard, setUp } = await import("./hostile/harness");

/** Shard 1 of 2 of tests/integration/hostile/harness.ts: bad input against every route handler. */
describeHostileShard(await setUp(createTestDb), 0, 2);
