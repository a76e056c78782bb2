import type { Db } from "./client";
import { engineOf } from "./engine";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs `work` while no other process is inside it for any of `keys` — the app's check-then-write
 * sections (sign-in throttle: count the failures, then record one) across every app instance.
 *
 * PostgreSQL: one transaction holding a transaction-scoped advisory lock per key (taken in sorted
 * order, so two callers cannot deadlock), released at COMMIT or ROLLBACK, even if the instance
 * dies. SQLite: one writer per file already, and this process's writes are queued
 * (lib/db/write-lock.ts); `work` runs on the client as it is.
 */
export async function withKeyLocks<T>(
  db: Db,
  keys: readonly string[],
  work: (tx: Prisma.TransactionClient | Db) => Promise<T>,
): Promise<T> {
  if (engineOf(db) !== "postgresql") return work(db);
  const sorted = [...new Set(keys)].sort();
  return db.$transaction(
    async (tx) => {
      for (const key of sorted) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
      return work(tx);
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}
