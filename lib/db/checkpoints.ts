import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Db } from "./client";
import { engineOf, urlOf } from "./engine";

/**
 * SQLite's WAL checkpoints, on a thread of their own (docs/decisions/0033).
 *
 * By default the connection whose COMMIT takes the write-ahead log past 1,000 pages copies the log
 * into the database file then and there, fsync included — on better-sqlite3, which is
 * synchronous, that is the server's only thread: one append in a few hundred blocked every request
 * for 20–400 ms (the mean write cost three to eight times its median). Here a worker thread with its
 * own connection runs a PASSIVE checkpoint (it never waits for, nor blocks, a reader or a writer)
 * every `everyMs`, and the app's connections only checkpoint themselves past
 * FOREGROUND_AUTOCHECKPOINT_PAGES — a safety net should the worker stop.
 */
export const FOREGROUND_AUTOCHECKPOINT_PAGES = 10_000;

export type CheckpointResult = { busy: number; log: number; checkpointed: number };

export type BackgroundCheckpoints = {
  /** Runs a PASSIVE checkpoint now, on the worker, and answers with SQLite's result. */
  checkpointNow(): Promise<CheckpointResult>;
  stop(): Promise<void>;
};

// The worker's code, evaluated as CommonJS: a file of its own would have to survive the bundler.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 0");
const checkpoint = () => db.pragma("wal_checkpoint(PASSIVE)")[0];
const timer = setInterval(() => {
  try { checkpoint(); } catch (error) { parentPort.postMessage({ error: String(error) }); }
}, workerData.everyMs);
parentPort.on("message", (message) => {
  if (message.stop) { clearInterval(timer); db.close(); parentPort.close(); return; }
  try { parentPort.postMessage({ id: message.id, result: checkpoint() }); }
  catch (error) { parentPort.postMessage({ id: message.id, error: String(error) }); }
});
`;

const registry = globalThis as unknown as { coachCheckpoints?: WeakMap<object, BackgroundCheckpoints> };
const running = (registry.coachCheckpoints ??= new WeakMap<object, BackgroundCheckpoints>());

/** The worker's handle for this client, if it runs one (lib/db/hot-append.ts asks, to leave its own connection's checkpoints to it). */
export function backgroundCheckpointsOf(db: object): BackgroundCheckpoints | undefined {
  return running.get(db);
}

/**
 * Starts the worker for a SQLite client (a no-op for PostgreSQL, which checkpoints in its own
 * server process) and raises the client's own threshold. Once per client; the server's client
 * (getDb) does it. The worker does not keep the process alive.
 */
export async function startBackgroundCheckpoints(db: Db, { everyMs = 500 } = {}): Promise<BackgroundCheckpoints | undefined> {
  if (engineOf(db) !== "sqlite") return undefined;
  const existing = running.get(db);
  if (existing) return existing;
  const url = urlOf(db);
  if (!url) return undefined;
  await db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${FOREGROUND_AUTOCHECKPOINT_PAGES}`);

  // Resolved from the app's root: inside a production build this module has no node_modules of its own.
  const driver = createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file: url.replace(/^file:/, ""), everyMs } });
  worker.unref();
  let next = 0;
  const waiting = new Map<number, { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }>();
  let warned = false;
  worker.on("message", (message: { id?: number; result?: CheckpointResult; error?: string }) => {
    const waiter = message.id === undefined ? undefined : waiting.get(message.id);
    if (waiter && message.id !== undefined) {
      waiting.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error));
      else if (message.result) waiter.resolve(message.result);
    } else if (message.error && !warned) {
      // The connections' own threshold still bounds the log; say so once, not every half second.
      console.warn("sqlite: a background checkpoint failed; the connections will checkpoint themselves", message.error);
      warned = true;
    }
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  worker.on("error", (error) => console.warn("sqlite: the checkpoint worker stopped", error));
  const handle: BackgroundCheckpoints = {
    checkpointNow: () =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id });
      }),
    stop: async () => {
      running.delete(db);
      // Held until it has gone: waiting on an unref'd worker, a process with nothing else to do exits mid-await.
      worker.ref();
      worker.postMessage({ stop: true });
      await exited;
    },
  };
  running.set(db, handle);
  return handle;
}
