// Issue 10, item 2: "The client chooses whether a case is practice". POST /api/cases with
// {"practice": true} opened a real complaint as a practice case, hiding it from the queue, board,
// CSV, insights and scores. Only the practice feature's own server path may open one.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { openCase } from "@/lib/cases/open-case";
import { listCaseQueue } from "@/lib/manager/list-queue";
import { actorFor } from "@/tests/support/actors";
import { startPractice } from "@/lib/training/start-practice";
import { recordCase } from "@/tests/support/record-case";
import { errorOf } from "../setup/app-error";
import { createTestDb } from "../setup/test-db";
import { jsonRequest, params, session } from "./route-harness";

vi.mock("@/lib/db/client", async (importOriginal) => (await import("./route-harness")).dbClientMock(await importOriginal()));
vi.mock("@/lib/auth/current", async () => (await import("./route-harness")).currentActorMock());

const { POST: openCaseRoute } = await import("@/app/api/cases/route");
const { POST: startPracticeRoute } = await import("@/app/api/practice/[caseId]/route");

const { db } = await createTestDb();
session.db = db;
const amira = actorFor("usr-amira");
const maria = actorFor("usr-maria");
let n = 0;
const cid = () => `i10-2-${Date.now()}-${n++}`;

describe("a complaint opened through POST /api/cases is never a practice case", () => {
  it("refuses practice: true with 400 and a clear message, and opens nothing", async () => {
    session.actor = amira;
    const before = await db.case.count();
    const response = await openCaseRoute(jsonRequest("/api/cases", { clientEventId: cid(), practice: true }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/Practice page/);
    expect(await db.case.count()).toBe(before);
    expect(await db.case.count({ where: { isPractice: true } })).toBe(0);
  });

  it("refuses it in the use-case too, whoever calls it", async () => {
    const error = await errorOf(openCase(db, maria, { clientEventId: cid(), practice: true }));
    expect(error.status).toBe(400);
    expect(await db.case.count({ where: { isPractice: true } })).toBe(0);
  });

  it("still opens a real complaint (practice: false, as tablets send it) that the manager's queue shows", async () => {
    session.actor = amira;
    const response = await openCaseRoute(jsonRequest("/api/cases", { clientEventId: cid(), practice: false }));
    expect(response.status).toBe(201);
    const { caseId } = (await response.json()) as { caseId: string };
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.isPractice).toBe(false);
    const queue = await listCaseQueue(db, maria, {});
    expect(queue.rows.map((r) => r.id)).toContain(caseId);
  });

  it("the practice feature's own route still opens a practice case on an ended case", async () => {
    const source = await recordCase(db, { staff: amira, manager: maria, at: new Date(Date.now() - 60 * 60_000) });
    session.actor = amira;
    const response = await startPracticeRoute(
      jsonRequest(`/api/practice/${source.caseId}`, { clientEventId: cid() }),
      params({ caseId: source.caseId }),
    );
    expect(response.status).toBe(201);
    const { practiceCaseId } = (await response.json()) as { practiceCaseId: string };
    expect((await db.case.findUniqueOrThrow({ where: { id: practiceCaseId } })).isPractice).toBe(true);
    // …and only there: startPractice refuses a live case, so a real complaint cannot be hidden that way either.
    const live = await openCase(db, amira, { clientEventId: cid() });
    expect((await errorOf(startPractice(db, amira, live.caseId, { clientEventId: cid() }))).status).toBe(409);
  });

  it("only the practice feature (and test factories) import openPracticeCase", () => {
    const root = path.resolve(__dirname, "..", "..");
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) {
          if (name !== "generated") walk(file);
        } else if (/\.(ts|tsx)$/.test(name) && readFileSync(file, "utf8").includes("openPracticeCase")) {
          importers.push(path.relative(root, file));
        }
      }
    };
    for (const dir of ["app", "components", "lib"]) walk(path.join(root, dir));
    const allowed = (file: string) =>
      file === "lib/cases/open-case.ts" || file === "lib/training/start-practice.ts" || /\/testing\//.test(file);
    expect(importers.filter((f) => !allowed(f))).toEqual([]);
    expect(importers).toContain("lib/training/start-practice.ts");
  });
});
