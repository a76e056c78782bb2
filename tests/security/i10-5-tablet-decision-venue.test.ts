// Issue 10, item 5: a tablet decision did not check the deciding manager's venue. Staff at one
// venue recorded a decision on another venue's case with that venue's manager PIN
// (lib/cases/decide-on-tablet.ts). The case must be one the tablet's user works on, and the
// manager must work at the case's venue; both are checked before the PIN.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadCaseLog } from "@/lib/cases/case-log";
import { decideOnTablet } from "@/lib/cases/decide-on-tablet";
import { driveCase } from "@/tests/support/drive-case";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira", "loc-harbour"); // works at The Harbour Kitchen only
const chloe = actorFor("usr-chloe", "loc-grand"); // works at Grand Station Hotel only

const decide =
  (staff = amira, managerId = "usr-james", pin = "8352") =>
  (caseId: string) =>
    decideOnTablet(
      db,
      staff,
      caseId,
      { clientEventId: randomUUID(), managerId, pin, decision: { decision: "approved", note: "Go ahead." } },
      { address: `i10-5-${randomUUID()}` },
    );

describe("issue 10.5: a tablet decision stays inside the case's venue", () => {
  it("staff at one venue cannot record a decision on another venue's case with that venue's manager PIN", async () => {
    // A Grand Station Hotel case waiting for a manager; James manages the Grand.
    const { caseId } = await driveCase(db, { staff: chloe, at: new Date(), stopAt: "escalated" });
    const before = (await loadCaseLog(db, caseId)).length;
    const error = await errorOf(decide(amira, "usr-james", "8352")(caseId));
    expect(error.code).toBe("forbidden");
    expect(await loadCaseLog(db, caseId)).toHaveLength(before);
  });

  it("a manager from another venue cannot decide on this venue's case, even with the right PIN", async () => {
    const { caseId } = await driveCase(db, { staff: chloe, at: new Date(), stopAt: "escalated" });
    const error = await errorOf(decide(chloe, "usr-maria", "9406")(caseId));
    expect(error.code).toBe("forbidden");
    expect(error.message).toMatch(/location/);
  });

  it("the venue's own manager still decides on the venue's tablet", async () => {
    const { caseId } = await driveCase(db, { staff: chloe, at: new Date(), stopAt: "escalated" });
    const result = await decide(chloe, "usr-james", "8352")(caseId);
    expect(result.status).toBe("open");
    expect((await loadCaseLog(db, caseId)).at(-1)).toMatchObject({ type: "manager_decided", actor: { id: "usr-james" } });
  });
});
