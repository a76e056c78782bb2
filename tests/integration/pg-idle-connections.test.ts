// The server's PostgreSQL connections outlast a lull (docs/decisions/0040). node-postgres closes a
// connection idle for 10 s by default; the chain bench's p95 at 50 tablets broke its target in the
// rounds that followed a lull longer than that, while new backends started and prepared the hot
// statements again. The server's client (getDb) asks for a long idle timeout, and both of its
// pools, Prisma's and the append hot path's, must honour it. Shown here with short timeouts: a
// client told 100 ms lets its connections go; one told a minute keeps them.
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, getDb, SERVER_PG_IDLE_TIMEOUT_MS, type Db } from "@/lib/db/client";
import { idleTimeoutOf } from "@/lib/db/engine";
import { hotAppender } from "@/lib/db/hot-append";
import { createTestDb, onPostgres } from "../setup/test-db";

const globalForDb = globalThis as unknown as { coachDb?: Promise<Db> };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!onPostgres)("PostgreSQL connections of the server's client", () => {
  let url = "";
  let database = "";
  let watcher: Client;
  beforeAll(async () => {
    ({ url } = await createTestDb());
    database = new URL(url).pathname.slice(1);
    watcher = new Client({ connectionString: url });
    await watcher.connect();
  });
  afterAll(() => watcher.end());

  /** Connections to this test's database besides the watcher's own. */
  async function connections(): Promise<number> {
    const { rows } = await watcher.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [database],
    );
    return rows[0].n;
  }

  /** Opens a connection in each of the client's pools: one Prisma query, one hot-path read. */
  async function useBothPools(idleTimeoutMs: number) {
    const db = createDb(url, { idleTimeoutMs });
    await db.location.count();
    const hot = hotAppender(db);
    expect(hot).not.toBeNull();
    await hot!.readCase("no-such-case");
    return db;
  }

  it("the server asks for minutes, not node-postgres's 10 s", async () => {
    expect(SERVER_PG_IDLE_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000);
    // The server's one client, as a route gets it (getDb reads DATABASE_URL and keeps the client on globalThis).
    const held = globalForDb.coachDb;
    const heldUrl = process.env.DATABASE_URL;
    globalForDb.coachDb = undefined;
    process.env.DATABASE_URL = url;
    try {
      const server = await getDb();
      // Scripts' and tests' clients keep node-postgres's default.
      const script = createDb(url);
      expect(idleTimeoutOf(server)).toBe(SERVER_PG_IDLE_TIMEOUT_MS);
      expect(idleTimeoutOf(script)).toBeUndefined();
      await Promise.all([server.$disconnect(), script.$disconnect()]);
    } finally {
      globalForDb.coachDb = held;
      if (heldUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = heldUrl;
    }
  });

  it("a client told 100 ms closes both pools' idle connections", async () => {
    const before = await connections();
    const db = await useBothPools(100);
    expect(await connections()).toBe(before + 2);
    await sleep(800);
    expect(await connections()).toBe(before);
    await db.$disconnect();
  });

  it("a client told a minute keeps both pools' connections through a lull", async () => {
    const before = await connections();
    const db = await useBothPools(60_000);
    expect(await connections()).toBe(before + 2);
    await sleep(800);
    expect(await connections()).toBe(before + 2);
    await db.$disconnect();
    await sleep(200);
    expect(await connections()).toBe(before);
  });
});
