import Database from "better-sqlite3";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { guardTransactions } from "@/lib/db/guarded-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * prisma/prisma#29933: with the better-sqlite3 adapter a COMMIT that fails with SQLITE_BUSY
 * leaves the connection inside the failed transaction, and later writes are acknowledged but
 * never committed. A COMMIT can only be refused like that in rollback-journal mode (a reader
 * holds the file), so this test switches a copy of the database to DELETE mode to force it;
 * the app itself runs in WAL (configureSqlite refuses anything else), where it cannot happen,
 * and lib/db/guarded-adapter.ts closes the hole should it happen anyway.
 */
const TMP = path.resolve(__dirname, "..", ".tmp");
const files: string[] = [];

function scratchDatabase(name: string): string {
  const file = path.join(TMP, `w${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-busy-${name}.db`);
  files.push(file);
  copyFileSync(path.join(TMP, "template.db"), file);
  const setup = new Database(file);
  setup.pragma("journal_mode = DELETE");
  setup.close();
  return file;
}

afterAll(() => {
  for (const file of files) for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});

const location = (id: string) => ({ id, name: id, kind: "restaurant" });

/** A COMMIT refused once, then an ordinary write: is that write really stored? */
async function commitRefusedThenWrite(guarded: boolean) {
  const file = scratchDatabase(guarded ? "guarded" : "bare");
  const bare = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 100 });
  const db = new PrismaClient({ adapter: guarded ? guardTransactions(bare) : bare });
  const reader = new Database(file);
  const outside = () => new Database(file, { readonly: true, timeout: 100 });
  const read = (sql: string): string[] | "locked" => {
    const connection = outside();
    try {
      return connection.prepare(sql).pluck().all() as string[];
    } catch (error) {
      if (String(error).includes("locked")) return "locked";
      throw error;
    } finally {
      connection.close();
    }
  };

  // A reader holds the file, so the writer's COMMIT cannot get its exclusive lock.
  reader.exec("BEGIN");
  reader.prepare("SELECT count(*) FROM Location").get();
  const refused = await db
    .$transaction((tx) => tx.location.create({ data: location("loc-refused") }))
    .then(
      () => "committed",
      (error: unknown) => String(error),
    );
  reader.exec("COMMIT");

  // The lock is free again. This write is acknowledged...
  await db.location.create({ data: location("loc-after") });
  // ...and is it visible to anyone else?
  const stored = read("SELECT id FROM Location WHERE id IN ('loc-refused', 'loc-after') ORDER BY id");
  const nextTransaction = await db
    .$transaction((tx) => tx.location.create({ data: location("loc-next") }))
    .then(
      () => "ok",
      (error: unknown) => String(error),
    );
  await db.$disconnect();
  reader.close();
  const afterExit = read("SELECT id FROM Location WHERE id LIKE 'loc-%' ORDER BY id");
  return { refused, stored, nextTransaction, afterExit };
}

// SQLite's own hazard: the PostgreSQL half of the matrix has nothing to run here.
describe.skipIf(process.env.TEST_ENGINE === "postgresql")("a COMMIT refused with SQLITE_BUSY (prisma/prisma#29933)", () => {
  it("with the bare adapter, loses a write that was reported as done", async () => {
    const result = await commitRefusedThenWrite(false);
    expect(result.refused).not.toBe("committed");
    // The hazard: the acknowledged write is not in the database (other connections cannot even
    // read while the abandoned transaction holds its lock), and it is gone once the process ends.
    expect(result.stored === "locked" || !result.stored.includes("loc-after")).toBe(true);
    expect(result.nextTransaction).not.toBe("ok");
    expect(result.afterExit).not.toContain("loc-after");
  });

  it("with the guarded adapter, fails only the refused transaction; later writes are stored", async () => {
    const result = await commitRefusedThenWrite(true);
    expect(result.refused).toMatch(/SocketTimeout|timed out|busy|locked/i);
    expect(result.stored).toEqual(["loc-after"]);
    expect(result.nextTransaction).toBe("ok");
    expect(result.afterExit).toEqual(["loc-after", "loc-next"]);
  });
});
