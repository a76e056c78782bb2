// Issue 10, item 1: managers' own authority limit was never applied. A manager (limit £200)
// offered valueCents 10,000,000 on her own case and it went straight to Confirm
// (lib/playbook/machine.ts, compensation_offered). Every role's limit must hold: the server writes
// the acting person's own limit into the offer and the decision, and the playbook decides from it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { loadCaseLog, loadCaseState } from "@/lib/cases/case-log";
import { decideOnTablet } from "@/lib/cases/decide-on-tablet";
import { setAuthorityLimit } from "@/lib/admin/set-authority-limit";
import { decideRequest } from "@/lib/manager/decide-request";
import { driveCase } from "@/tests/support/drive-case";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const maria = actorFor("usr-maria", "loc-harbour");
const alex = actorFor("usr-alex", "loc-harbour");
const amira = actorFor("usr-amira", "loc-harbour");

/** A case opened by the manager herself, at Compensate. */
async function managersOwnCase() {
  return driveCase(db, { staff: maria, at: new Date(), stopAt: "compensate", severity: 4 });
}

const offer = (valueCents: number) => ({
  clientEventId: randomUUID(),
  event: { type: "compensation_offered", data: { id: `comp-${randomUUID()}`, kind: "refund", description: "The whole bill", valueCents } },
});

describe("issue 10.1: every role's authority limit holds", () => {
  it("a manager's offer above her own £200 limit waits for approval instead of reaching Confirm", async () => {
    const { caseId } = await managersOwnCase();
    const result = await appendEvent(db, maria, caseId, offer(10_000_000));
    expect(result.phase).toBe("compensate");
    expect(result.status).toBe("awaiting_manager");
    const { state } = await loadCaseState(db, caseId);
    expect(state.pendingManager).toMatchObject({ kind: "remedy", limitCents: 20000 });
  });

  it("the limit comes from the server, whatever the client puts in the event", async () => {
    const { caseId } = await managersOwnCase();
    const forged = offer(50_000);
    (forged.event.data as Record<string, unknown>).authorityLimitCents = 100_000_000;
    const result = await appendEvent(db, maria, caseId, forged);
    expect(result.status).toBe("awaiting_manager");
    const log = await loadCaseLog(db, caseId);
    expect(log.at(-1)).toMatchObject({ type: "compensation_offered", data: { authorityLimitCents: 20000 } });
  });

  it("another manager cannot approve above her own limit, from the desk or the tablet; an admin whose limit covers it can", async () => {
    const { caseId } = await managersOwnCase();
    await appendEvent(db, maria, caseId, offer(50_000));
    const desk = await errorOf(decideRequest(db, maria, caseId, { clientEventId: randomUUID(), decision: "approved" }));
    expect(desk.code).toBe("playbook_refused");
    expect(desk.message).toMatch(/£200\.00/);
    const tablet = await errorOf(
      decideOnTablet(
        db,
        amira,
        caseId,
        { clientEventId: randomUUID(), managerId: "usr-maria", pin: "9406", decision: { decision: "approved" } },
        { address: "i10-1" },
      ),
    );
    expect(tablet.code).toBe("playbook_refused");
    // Admins' limit is set in the admin area (£1,000 by default): it covers £500.
    const approved = await decideRequest(db, alex, caseId, { clientEventId: randomUUID(), decision: "approved", note: "Covered." });
    expect(approved.phase).toBe("confirm");
  });

  it("a role's limit set in the admin area is the one applied", async () => {
    await setAuthorityLimit(db, alex, { role: "manager", pounds: "600" });
    try {
      const { caseId } = await managersOwnCase();
      const result = await appendEvent(db, maria, caseId, offer(50_000));
      expect(result.phase).toBe("confirm");
    } finally {
      await setAuthorityLimit(db, alex, { role: "manager", pounds: "200" });
    }
  });
});
