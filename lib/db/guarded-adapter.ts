import "server-only";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

const ROLLBACK = { sql: "ROLLBACK", args: [], argTypes: [] };

/**
 * Closes prisma/prisma#29933 for this app. With @prisma/adapter-better-sqlite3 7.x, when COMMIT
 * fails (SQLITE_BUSY) Prisma calls the transaction's `rollback()`, which only releases the
 * adapter's mutex: the SQLite connection stays inside the failed transaction, so every later
 * write on it "succeeds" into a transaction that is never committed and is lost at exit.
 *
 * Here every transaction's `rollback()` first sends a real ROLLBACK. On the ordinary path Prisma
 * has already sent one and ours fails harmlessly ("no transaction is active"); after a failed
 * COMMIT ours ends the transaction, the caller gets an error (nothing was acknowledged), and the
 * connection is clean for the next write. tests/integration/sqlite-busy.test.ts shows the
 * hazard with the bare adapter and its absence with this one.
 */
export function guardTransactions<F extends SqlMigrationAwareDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === "connect" || property === "connectToShadowDb") {
        const connect = Reflect.get(target, property, receiver) as () => Promise<SqlDriverAdapter>;
        return async () => guardAdapter(await connect.call(target));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function guardAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => guardTransaction(await start(...args));
  return adapter;
}

function guardTransaction(tx: Transaction): Transaction {
  const release = tx.rollback.bind(tx);
  tx.rollback = async () => {
    try {
      await tx.executeRaw(ROLLBACK);
    } catch {
      // Already rolled back by Prisma: nothing was open.
    } finally {
      await release();
    }
  };
  return tx;
}
