import "server-only";
/**
 * Every write in this process goes through one queue. SQLite allows one writer at a time;
 * queueing here (instead of letting transactions collide on SQLITE_BUSY at COMMIT, which can
 * break the better-sqlite3 adapter, prisma/prisma#29933) keeps acknowledged writes safe.
 */
type Queues = { tail: Promise<unknown>; perKey: Map<string, Promise<unknown>> };
// On globalThis, like the database client: Next compiles this module into more than one chunk, and
// the append fast path (docs/decisions/0039) runs yet another copy. One process, one queue.
const queues = ((globalThis as { coachWriteQueues?: Queues }).coachWriteQueues ??= { tail: Promise.resolve(), perKey: new Map() });

export function serialiseWrite<T>(work: () => Promise<T>): Promise<T> {
  const run = queues.tail.then(work, work);
  queues.tail = run.catch(() => undefined);
  return run;
}

/**
 * A write that only conflicts with writes to the same key (a case's appends). SQLite has one
 * writer per file: the one queue above. PostgreSQL takes many writers: only writes to the same
 * key wait for each other in this process (sparing the database retries that would order them
 * anyway — the unique sequence per case does that across instances, docs/decisions/0003 and
 * 0023), and appends to different cases run side by side.
 */
export function serialiseWriteFor<T>(engine: "sqlite" | "postgresql", key: string, work: () => Promise<T>): Promise<T> {
  if (engine === "sqlite") return serialiseWrite(work);
  const { perKey } = queues;
  const before = perKey.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.catch(() => undefined);
  perKey.set(key, settled);
  void settled.then(() => {
    if (perKey.get(key) === settled) perKey.delete(key);
  });
  return run;
}
