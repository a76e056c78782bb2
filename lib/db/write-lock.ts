import "server-only";
/**
 * Every write in this process goes through one queue. SQLite allows one writer at a time;
 * queueing here (instead of letting transactions collide on SQLITE_BUSY at COMMIT, which can
 * break the better-sqlite3 adapter, prisma/prisma#29933) keeps acknowledged writes safe.
 */
let tail: Promise<unknown> = Promise.resolve();

export function serialiseWrite<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}
