// Issue 10, item 7: "Trainers can read open (live) cases through the raw case API". A trainer
// sees a case once it has ended (closed or abandoned), redacted; never while it is live.
import { describe, expect, it, vi } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { getCase } from "@/lib/cases/get-case";
import { openCase } from "@/lib/cases/open-case";
import { actorFor } from "@/tests/support/actors";
import { recordCase } from "@/tests/support/record-case";
import { errorOf } from "../setup/app-error";
import { createTestDb } from "../setup/test-db";
import { params, session } from "./route-harness";

vi.mock("@/lib/db/client", async (importOriginal) => (await import("./route-harness")).dbClientMock(await importOriginal()));
vi.mock("@/lib/auth/current", async () => (await import("./route-harness")).currentActorMock());

const { GET: getCaseRoute } = await import("@/app/api/cases/[id]/route");

const { db } = await createTestDb();
session.db = db;
const amira = actorFor("usr-amira");
const maria = actorFor("usr-maria");
const tara = actorFor("usr-tara");
let n = 0;
const cid = () => `i10-7-${Date.now()}-${n++}`;
const read = (caseId: string) => getCaseRoute(new Request(`http://coach.test/api/cases/${caseId}`), params({ id: caseId }));

const live = await openCase(db, amira, { clientEventId: cid() });
await appendEvent(db, amira, live.caseId, {
  clientEventId: cid(),
  event: {
    type: "complaint_heard",
    data: {
      customerWords: "The soup was cold and nobody came back.",
      category: "food_quality",
      severity: 2,
      spot: "Table 7",
      mood: "upset",
    },
  },
});
const ended = await recordCase(db, { staff: amira, manager: maria, at: new Date(Date.now() - 2 * 60 * 60_000) });

describe("trainers read ended cases only", () => {
  it("refuses a trainer a live case through GET /api/cases/:id, saying nothing of it", async () => {
    session.actor = tara;
    const response = await read(live.caseId);
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).not.toContain("soup");
    expect(text).not.toContain(live.reference);
    expect((await errorOf(getCase(db, tara, live.caseId))).status).toBe(403);
  });

  it("refuses a case that is waiting for a manager, and one reopened after it ended", async () => {
    await db.case.update({ where: { id: live.caseId }, data: { status: "awaiting_manager" } });
    expect((await errorOf(getCase(db, tara, live.caseId))).status).toBe(403);
    await db.case.update({ where: { id: live.caseId }, data: { status: "open" } });
  });

  it("shows a trainer an ended case, redacted", async () => {
    session.actor = tara;
    const response = await read(ended.caseId);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { reference: string }).reference).toBe(ended.reference);
  });

  it("staff and managers at the venue still read the live case", async () => {
    for (const who of [amira, maria]) {
      session.actor = who;
      expect((await read(live.caseId)).status).toBe(200);
    }
  });
});
