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

const perKey = new Map<string, Promise<unknown>>();

/**
 * A write that only conflicts with writes to the same key (a case's appends). SQLite has one
 * writer per file: the one queue above. PostgreSQL takes many writers: only writes to the same
 * key wait for each other in this process (sparing the database retries that would order them
 * anyway — the unique sequence per case does that across instances, docs/decisions/0003 and
 * 0023), and appends to different cases run side by side.
 */
export function serialiseWriteFor<T>(engine: "sqlite" | "postgresql", key: string, work: () => Promise<T>): Promise<T> {
  if (engine === "sqlite") return serialiseWrite(work);
  const before = perKey.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.catch(() => undefined);
  perKey.set(key, settled);
  void settled.then(() => {
    if (perKey.get(key) === settled) perKey.delete(key);
  });
  return run;
}
