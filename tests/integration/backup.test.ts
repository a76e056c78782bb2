import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { openCase } from "@/lib/cases/open-case";
import { configureSqlite, createDb } from "@/lib/db/client";
import { checkCaseLogs } from "@/lib/cases/check-case-logs";
import { actorFor } from "@/tests/support/actors";
import { createTestDb, onPostgres } from "../setup/test-db";

/**
 * `npm run backup` while the app writes: the copy opens, passes SQLite's integrity check, and is
 * a consistent instant of the log — every case in it has whole appends only (its projection
 * equals the fold of its events).
 */
const run = promisify(execFile);
const { db, file } = await createTestDb();
const amira = actorFor("usr-amira");
const outDir = mkdtempSync(path.join(os.tmpdir(), "coach-backup-test-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe.skipIf(onPostgres)("npm run backup", () => {
  it("copies the live database consistently while appends keep coming", async () => {
    // Some history first, so the copy takes a moment.
    for (let c = 0; c < 40; c++) {
      const { caseId } = await openCase(db, amira, { clientEventId: `backup-seed-${c}` });
      for (let n = 0; n < 10; n++)
        await appendEvent(db, amira, caseId, {
          clientEventId: `backup-seed-${c}-${n}`,
          event: { type: "note_added", data: { text: `Note ${n}` } },
        });
    }

    let writing = true;
    let acknowledgedDuringBackup = 0;
    let backingUp = false;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const { caseId } = await openCase(db, amira, { clientEventId: `backup-live-${i}` });
        await appendEvent(db, amira, caseId, {
          clientEventId: `backup-live-${i}-a`,
          event: { type: "note_added", data: { text: "During the backup" } },
        });
        if (backingUp) acknowledgedDuringBackup++;
        // better-sqlite3 answers synchronously: let the backup's child process be heard.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    backingUp = true;
    const outputs: string[] = [];
    for (let b = 0; b < 2; b++) {
      const { stdout } = await run(process.execPath, ["scripts/backup.mjs", "--out", outDir], {
        env: { ...process.env, DATABASE_URL: `file:${file}` },
      });
      outputs.push(stdout);
      await new Promise((resolve) => setTimeout(resolve, 1100)); // distinct timestamps in the names
    }
    backingUp = false;
    writing = false;
    await writer;

    expect(acknowledgedDuringBackup).toBeGreaterThan(0);
    expect(outputs.every((o) => o.includes("integrity ok"))).toBe(true);
    const copies = readdirSync(outDir).filter((f) => /^coach-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/.test(f));
    expect(copies).toHaveLength(2);

    for (const copy of copies) {
      const sqlite = new Database(path.join(outDir, copy), { readonly: true });
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      sqlite.close();
      const restored = createDb(`file:${path.join(outDir, copy)}`);
      await configureSqlite(restored);
      const check = await checkCaseLogs(restored);
      await restored.$disconnect();
      expect(check.problems).toEqual([]);
      expect(check.cases).toBeGreaterThanOrEqual(40);
    }
  });
});
