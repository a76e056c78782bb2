// Trainer and staff pages show a case's times on its venue's clock (its location's time zone),
// not London's: the lists they read carry the zone with every case (formatted by lib/display/format.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { getCase } from "@/lib/cases/get-case";
import { listDevices } from "@/lib/devices/list-devices";
import { getLiveBoard } from "@/lib/manager/live-board";
import { assignDrill } from "@/lib/training/assign-drill";
import { getPractice } from "@/lib/training/get-practice";
import { getPracticeDesk } from "@/lib/training/get-practice-desk";
import { listMyDrills } from "@/lib/training/list-my-drills";
import { listPracticeCases } from "@/lib/training/list-practice-cases";
import { startPractice } from "@/lib/training/start-practice";
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
let practiceCaseId: string;

beforeAll(async () => {
  await db.location.update({ where: { id: "loc-harbour" }, data: { timezone: "Asia/Tokyo" } });
  caseId = (await recordCase(db, { staff: amira, manager: maria, at: new Date("2026-03-02T19:00:00Z") })).caseId;
  await pinComment(db, tara, caseId, { eventSequence: 2, text: "Good listening." });
  await assignDrill(db, tara, { sourceCaseId: caseId, team: true, dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString() });
  practiceCaseId = (await startPractice(db, amira, caseId, { clientEventId: "tz-practice-run-1" })).practiceCaseId;
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

  it("the staff member's drills and practice runs", async () => {
    expect((await listMyDrills(db, amira)).find((d) => d.sourceCaseId === caseId)?.timeZone).toBe("Asia/Tokyo");
    expect((await listPracticeCases(db, amira)).runs.find((r) => r.practiceCaseId === practiceCaseId)?.timeZone).toBe("Asia/Tokyo");
    expect((await getPractice(db, amira, caseId)).runs.find((r) => r.practiceCaseId === practiceCaseId)?.timeZone).toBe("Asia/Tokyo");
  });

  it("the trainer's practice desk", async () => {
    const desk = await getPracticeDesk(db, tara, {});
    expect(desk.drills.find((d) => d.sourceCaseId === caseId)?.timeZone).toBe("Asia/Tokyo");
    expect(desk.runs.find((r) => r.practiceCaseId === practiceCaseId)?.timeZone).toBe("Asia/Tokyo");
  });

  it("the manager's live board (its 'updated' time)", async () => {
    expect((await getLiveBoard(db, maria)).timeZone).toBe("Asia/Tokyo");
  });

  it("the venue's paired tablets", async () => {
    await db.device.create({
      data: { name: "Bar tablet", locationId: "loc-harbour", tokenHash: "tz-test-token-hash", pairedById: "usr-maria" },
    });
    const harbour = (await listDevices(db, maria)).filter((d) => d.locationName === "The Harbour Kitchen");
    expect(harbour.length).toBeGreaterThan(0);
    expect(harbour.map((d) => d.timeZone)).toEqual(harbour.map(() => "Asia/Tokyo"));
  });
});
