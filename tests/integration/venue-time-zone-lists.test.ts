// Trainer and staff pages show a case's times on its venue's clock (its location's time zone),
// not London's: the lists they read carry the zone with every case (formatted by lib/display/format.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { getCase } from "@/lib/cases/get-case";
import { listMyFeedback } from "@/lib/training/list-my-feedback";
import { listReplayCases } from "@/lib/training/list-replay-cases";
import { pinComment } from "@/lib/training/pin-comment";
import { actorFor } from "@/tests/support/actors";
import { recordCase } from "@/tests/support/record-case";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const maria = actorFor("usr-maria");
const tara = actorFor("usr-tara");

let caseId: string;

beforeAll(async () => {
  await db.location.update({ where: { id: "loc-harbour" }, data: { timezone: "Asia/Tokyo" } });
  caseId = (await recordCase(db, { staff: amira, manager: maria, at: new Date("2026-03-02T19:00:00Z") })).caseId;
  await pinComment(db, tara, caseId, { eventSequence: 2, text: "Good listening." });
});

describe("a case's lists carry its venue's time zone", () => {
  it("the trainer's case list", async () => {
    const row = (await listReplayCases(db, tara, {})).rows.find((r) => r.id === caseId);
    expect(row?.timeZone).toBe("Asia/Tokyo");
  });

  it("the staff member's feedback", async () => {
    const mine = (await listMyFeedback(db, amira)).cases.find((c) => c.id === caseId);
    expect(mine?.timeZone).toBe("Asia/Tokyo");
  });

  it("the read-only case a trainer opens", async () => {
    expect((await getCase(db, tara, caseId)).timeZone).toBe("Asia/Tokyo");
  });
});
