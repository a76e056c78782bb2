import "server-only";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { guardTransactions } from "./guarded-adapter";

export type Db = PrismaClient;

export function defaultDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.join(process.cwd(), "data", "coach.db")}`;
}

/**
 * WAL lets readers carry on while one writer commits; the busy timeout makes a second
 * writer wait instead of failing with SQLITE_BUSY; the guard makes a failed COMMIT roll back
 * for real (prisma/prisma#29933; see docs/decisions/0003-sqlite-writes.md).
 */
export function createDb(url = defaultDatabaseUrl()): Db {
  const adapter = guardTransactions(new PrismaBetterSqlite3({ url, timeout: 10_000 }));
  return new PrismaClient({ adapter });
}

export async function configureSqlite(db: Db): Promise<void> {
  const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode = WAL");
  // In WAL a COMMIT never waits for readers; refuse to run on a file that cannot be put in WAL.
  if (mode?.journal_mode !== "wal") throw new Error(`SQLite refused WAL mode (journal_mode is ${mode?.journal_mode ?? "unknown"})`);
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}

const globalForDb = globalThis as unknown as { coachDb?: Promise<Db> };

/** One client (and so one writer path) per server process. */
export function getDb(): Promise<Db> {
  globalForDb.coachDb ??= (async () => {
    const db = createDb();
    await configureSqlite(db);
    return db;
  })();
  return globalForDb.coachDb;
}
