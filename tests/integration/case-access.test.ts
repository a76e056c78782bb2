import { describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { decideOnTablet } from "@/lib/cases/decide-on-tablet";
import { getCase } from "@/lib/cases/get-case";
import { openCase } from "@/lib/cases/open-case";
import { EMAIL_MASK, PHONE_MASK } from "@/lib/cases/redact";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
let n = 0;
const cid = () => `acc-${Date.now()}-${n++}`;
const amira = actorFor("usr-amira");

const { caseId } = await openCase(db, amira, { clientEventId: cid() });
await appendEvent(db, amira, caseId, {
  clientEventId: cid(),
  event: {
    type: "complaint_heard",
    data: {
      customerWords: "Cold soup. Email me: guest@example.com or 07700 900123",
      category: "food_quality",
      severity: 2,
      spot: "Table 4",
      mood: "upset",
    },
  },
});

describe("who may see and act on a case", () => {
  it("shows staff and managers at the location everything", async () => {
    for (const who of ["usr-amira", "usr-maria", "usr-alex"]) {
      const view = await getCase(db, actorFor(who), caseId);
      expect(view.log[1].data).toMatchObject({ customerWords: expect.stringContaining("guest@example.com") });
    }
  });

  it("shows a trainer the case once it has ended (never live), with contact details masked", async () => {
    expect((await errorOf(getCase(db, actorFor("usr-tara"), caseId))).status).toBe(403);
    // Only the status matters here; tests/security/i10-7-trainer-live-cases.test.ts walks a real case to its end.
    await db.case.update({ where: { id: caseId }, data: { status: "abandoned" } });
    const view = await getCase(db, actorFor("usr-tara"), caseId);
    await db.case.update({ where: { id: caseId }, data: { status: "open" } });
    expect(view.reference).toMatch(/^C-/);
    expect(view.log[1].data).toMatchObject({ customerWords: `Cold soup. Email me: ${EMAIL_MASK} or ${PHONE_MASK}`, spot: "Table 4" });
    expect(JSON.stringify(view)).not.toContain("guest@example.com");
  });

  it("keeps everyone to their own locations", async () => {
    for (const who of ["usr-chloe", "usr-james"]) expect((await errorOf(getCase(db, actorFor(who), caseId))).status).toBe(403);
    expect(
      (
        await errorOf(
          appendEvent(db, actorFor("usr-james"), caseId, { clientEventId: cid(), event: { type: "note_added", data: { text: "x" } } }),
        )
      ).status,
    ).toBe(403);
  });

  it("never lets a trainer open a case or record a step", async () => {
    const tara = actorFor("usr-tara");
    expect((await errorOf(openCase(db, tara, { clientEventId: cid() }))).status).toBe(403);
    expect(
      (await errorOf(appendEvent(db, tara, caseId, { clientEventId: cid(), event: { type: "note_added", data: { text: "x" } } }))).status,
    ).toBe(403);
  });

  it("lets only a manager's PIN approve on the tablet", async () => {
    const asStaff = await errorOf(
      decideOnTablet(
        db,
        amira,
        caseId,
        { clientEventId: cid(), managerId: "usr-ben", pin: "5163", decision: { decision: "approved" } },
        { address: "case-access" },
      ),
    );
    expect(asStaff.status).toBe(403);
    const asTrainer = await errorOf(
      decideOnTablet(
        db,
        amira,
        caseId,
        { clientEventId: cid(), managerId: "usr-tara", pin: "7260", decision: { decision: "approved" } },
        { address: "case-access" },
      ),
    );
    expect(asTrainer.status).toBe(403);
  });
});
