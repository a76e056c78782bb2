import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareSeeded } from "@/scripts/compare-seeded.mjs";
import { onPostgres } from "../setup/test-db";

const compare = (a: string, b: string): string[] => compareSeeded(a, b);
const dir = mkdtempSync(path.join(os.tmpdir(), "compare-seeded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Shape = { caseIds: [string, string]; refs: [string, string]; payload?: string; at?: string; secondEventCase?: 0 | 1 };
let files = 0;

/** A tiny database shaped like a seeded one: two cases with their opening steps, random ids and references. */
function seeded({ caseIds, refs, payload = '{"text":"Cold soup"}', at = "2026-11-20T20:00:00.000+00:00", secondEventCase = 1 }: Shape) {
  const file = path.join(dir, `db-${++files}.db`);
  const db = new Database(file);
  db.exec(`CREATE TABLE _prisma_migrations (id TEXT PRIMARY KEY, migration_name TEXT, started_at TEXT);
    CREATE TABLE "Case" (id TEXT PRIMARY KEY, reference TEXT, openedAt TEXT);
    CREATE TABLE CaseEvent (id TEXT PRIMARY KEY, caseId TEXT, sequence INTEGER, type TEXT, payload TEXT, at TEXT, clientEventId TEXT, result TEXT);
    CREATE TABLE "User" (id TEXT PRIMARY KEY, pinHash TEXT, createdAt TEXT);`);
  db.prepare("INSERT INTO _prisma_migrations VALUES (?, 'init', ?)").run(crypto.randomUUID(), new Date().toISOString());
  db.prepare(`INSERT INTO "User" VALUES ('usr-amira', ?, ?)`).run(`$argon2id$${Math.random()}`, new Date(Date.now() + 5).toISOString());
  const event = db.prepare("INSERT INTO CaseEvent VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const k of [0, 1]) {
    db.prepare(`INSERT INTO "Case" VALUES (?, ?, '2026-11-20T19:00:00.000+00:00')`).run(caseIds[k], refs[k]);
    const opening = JSON.stringify({ reference: refs[k] });
    event.run(crypto.randomUUID(), caseIds[k], 1, "case_opened", opening, at, `seed-${k}-0`, JSON.stringify({ caseId: caseIds[k] }));
  }
  event.run(crypto.randomUUID(), caseIds[secondEventCase], 2, "note_added", payload, at, "seed-1-1", "{}");
  db.close();
  return file;
}

const cuid = () => `c${Array.from({ length: 24 }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(Math.random() * 36)]).join("")}`;
const shape = (): Shape => ({ caseIds: [cuid(), cuid()], refs: ["C-AAAAA1", "C-BBBBB2"] });

describe.skipIf(onPostgres)("scripts/compare-seeded.mjs", () => {
  it("finds two seeds the same when only ids, references, secrets and wall-clock times differ", () => {
    const left = seeded(shape());
    const right = seeded({ caseIds: [cuid(), cuid()], refs: ["C-ZZZZZ9", "C-YYYYY8"] });
    expect(compare(left, right)).toEqual([]);
  });

  it("names a changed payload, a changed time and a step on another case", () => {
    const left = seeded(shape());
    expect(compare(left, seeded({ ...shape(), payload: '{"text":"Cold soup!"}' })).join("\n")).toMatch(/CaseEvent only in B: .*Cold soup!/);
    expect(compare(left, seeded({ ...shape(), at: "2026-11-20T20:00:00.001+00:00" })).join("\n")).toMatch(/CaseEvent only in A/);
    expect(compare(left, seeded({ ...shape(), secondEventCase: 0 })).join("\n")).toMatch(/CaseEvent only in B: .*case<seed-0-0>.*seed-1-1/);
  });
});
