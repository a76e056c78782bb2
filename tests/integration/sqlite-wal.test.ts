// What an append costs SQLite's write-ahead log (docs/decisions/0033). Its checkpoints run on a
// worker thread (lib/db/checkpoints.ts): with the worker running, neither of the server's
// connections (Prisma's, and the append hot path's) checkpoints on its own below the safety net,
// so no COMMIT on the server's thread copies the log into the file; the worker's checkpoint does,
// and every step is still there afterwards. And a note writes few pages: the hot path's UPDATE
// names only the columns that changed, so the Case row's indexes on the others are left alone.
import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { openCase } from "@/lib/cases/open-case";
import { backgroundCheckpointsOf, FOREGROUND_AUTOCHECKPOINT_PAGES, startBackgroundCheckpoints } from "@/lib/db/checkpoints";
import type { Db } from "@/lib/db/client";
import { actorFor } from "@/tests/support/actors";
import { createTestDb, onPostgres } from "../setup/test-db";

const run = promisify(execFile);
const amira = actorFor("usr-amira");
const heard = {
  type: "complaint_heard",
  data: { customerWords: "My steak is cold", category: "food_quality", severity: 2, spot: "Table 12", mood: "upset" },
};
let n = 0;
const id = () => `ckpt-${process.pid}-${n++}`;

/** Opens a case and appends `notes` notes to it through the use-cases (so through the hot path). */
async function writeSteps(db: Db, notes: number): Promise<string> {
  const { caseId } = await openCase(db, amira, { clientEventId: id() });
  await appendEvent(db, amira, caseId, { clientEventId: id(), event: heard });
  for (let i = 0; i < notes; i++)
    await appendEvent(db, amira, caseId, { clientEventId: id(), event: { type: "note_added", data: { text: `Note ${i}` } } });
  return caseId;
}

/** How many frames the WAL holds that are not yet in the database file, from a bystander connection. */
function framesInLog(file: string): number {
  const probe = new Database(file);
  try {
    // A checkpoint that may not wait for anyone: it reports the log's length (and copies what it can).
    const [{ log }] = probe.pragma("wal_checkpoint(PASSIVE)") as { log: number }[];
    return log;
  } finally {
    probe.close();
  }
}

describe.skipIf(onPostgres)("SQLite checkpoints on a worker thread", () => {
  it("without the worker, a connection checkpoints itself once the log passes 1,000 pages", async () => {
    const { db, file } = await createTestDb();
    await writeSteps(db, 250);
    expect(framesInLog(file)).toBeLessThan(1_500);
    await db.$disconnect();
  });

  it("with it, no connection of the server checkpoints on its own; the worker does, and every step is kept", async () => {
    const { db } = await createTestDb();
    // Its timer far away: this test asks for the checkpoint itself.
    const checkpoints = await startBackgroundCheckpoints(db, { everyMs: 3_600_000 });
    if (!checkpoints) throw new Error("no worker");
    const [{ wal_autocheckpoint }] = await db.$queryRawUnsafe<{ wal_autocheckpoint: bigint | number }[]>("PRAGMA wal_autocheckpoint");
    expect(Number(wal_autocheckpoint)).toBe(FOREGROUND_AUTOCHECKPOINT_PAGES);
    const caseId = await writeSteps(db, 250);
    // Hundreds of commits through both connections, and the log was never copied into the file.
    const result = await checkpoints.checkpointNow();
    expect(result.log).toBeGreaterThan(1_500);
    expect(result).toEqual({ busy: 0, log: result.log, checkpointed: result.log });
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(252);
    // After a complete checkpoint the next writer starts the log from its beginning.
    await appendEvent(db, amira, caseId, { clientEventId: id(), event: { type: "note_added", data: { text: "after" } } });
    expect((await checkpoints.checkpointNow()).log).toBeLessThan(50);
    await db.$disconnect();
    // $disconnect stopped the worker.
    expect(backgroundCheckpointsOf(db)).toBeUndefined();
  });

  it("lets a script that disconnects carry on afterwards (the worker is waited for, not abandoned)", async () => {
    const { file } = await createTestDb();
    // A process whose only pending work is the worker's exit: before the fix it ended mid-await, silently, exit code 0.
    const script = path.join(path.dirname(file), `disconnect-${process.pid}.mts`);
    writeFileSync(
      script,
      [
        `import { createDb, configureSqlite } from "${path.resolve("lib/db/client.ts")}";`,
        `import { startBackgroundCheckpoints } from "${path.resolve("lib/db/checkpoints.ts")}";`,
        `const db = createDb(${JSON.stringify(`file:${file}`)});`,
        `await configureSqlite(db);`,
        `await startBackgroundCheckpoints(db);`,
        `await db.$disconnect();`,
        `console.log("carried on");`,
      ].join("\n"),
    );
    try {
      const { stdout } = await run(process.execPath, ["--import", "tsx", "--conditions=react-server", script]);
      expect(stdout).toContain("carried on");
    } finally {
      rmSync(script, { force: true });
    }
  });

  it("runs on its own timer", async () => {
    const { db, file } = await createTestDb();
    await startBackgroundCheckpoints(db, { everyMs: 50 });
    const caseId = await writeSteps(db, 250);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Checkpointed by the timer: the next writer starts the log from its beginning.
    await appendEvent(db, amira, caseId, { clientEventId: id(), event: { type: "note_added", data: { text: "after" } } });
    expect(framesInLog(file)).toBeLessThan(50);
    await db.$disconnect();
  });
});

describe.skipIf(onPostgres)("An append's pages in the log", () => {
  it("a note rewrites the Case row and the indexes on what it changed, not all sixteen", async () => {
    const { db, file } = await createTestDb();
    await startBackgroundCheckpoints(db, { everyMs: 3_600_000 });
    const caseId = await writeSteps(db, 5);
    await backgroundCheckpointsOf(db)?.checkpointNow();
    await appendEvent(db, amira, caseId, { clientEventId: id(), event: { type: "note_added", data: { text: "first" } } });
    const before = framesInLog(file);
    const notes = 40;
    for (let i = 0; i < notes; i++)
      await appendEvent(db, amira, caseId, { clientEventId: id(), event: { type: "note_added", data: { text: `Note ${i}` } } });
    // The event's table and its four indexes, the Case row, and its two indexes on lastEventAt; 21 when every column was written.
    expect((framesInLog(file) - before) / notes).toBeLessThanOrEqual(11);
    await db.$disconnect();
  });
});

describe.skipIf(!onPostgres)("PostgreSQL", () => {
  it("checkpoints in its own server: no worker", async () => {
    const { db } = await createTestDb();
    expect(await startBackgroundCheckpoints(db)).toBeUndefined();
    await db.$disconnect();
  });
});
