// Issue 11 item 4: a manager approves another amount (up to their own limit) or another remedy,
// with a note, from the desk and on the tablet. The decision event carries the approved remedy,
// and everything downstream reads it: the staff tablet's state and read-back, the stored
// compensation row and the insights' remedy cost, the CSV, the replay and the rubric.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { loadCaseLog, loadCaseState } from "@/lib/cases/case-log";
import { decideOnTablet } from "@/lib/cases/decide-on-tablet";
import { decideRequest } from "@/lib/manager/decide-request";
import { prepareQueueCsv } from "@/lib/manager/export-queue-csv";
import { getCaseDetail } from "@/lib/manager/get-case-detail";
import { getInsights } from "@/lib/manager/insights";
import { driveCase } from "@/tests/support/drive-case";
import { buildReadback, settledCompensation } from "@/lib/playbook";
import { scoreCase } from "@/lib/playbook/rubric";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira", "loc-harbour");
const maria = actorFor("usr-maria", "loc-harbour");
const AT = new Date("2026-03-10T18:00:00Z");

/** A case waiting for a manager: Amira (limit £15) asked for a £180 refund. */
async function waitingForRemedy(at = AT) {
  const driven = await driveCase(db, { staff: amira, at, stopAt: "compensate", severity: 3 });
  await appendEvent(
    db,
    amira,
    driven.caseId,
    {
      clientEventId: randomUUID(),
      event: {
        type: "compensation_offered",
        data: { id: `comp-${randomUUID()}`, kind: "refund", description: "Refund the whole bill", valueCents: 18000 },
      },
    },
    () => new Date(at.getTime() + 10 * 60_000),
  );
  return driven;
}

const counter = { kind: "discount" as const, description: "£60 off the table's bill", valueCents: 6000 };

async function finish(caseId: string, at: Date) {
  let t = at.getTime();
  const add = (event: Record<string, unknown>) =>
    appendEvent(db, amira, caseId, { clientEventId: randomUUID(), event }, () => new Date((t += 60_000)));
  await add({
    type: "actions_agreed",
    data: {
      actions: [
        {
          id: `act-${randomUUID()}`,
          description: "Take £60 off at the till",
          owner: "Amira",
          dueAt: new Date(t + 3_600_000).toISOString(),
        },
      ],
    },
  });
  await add({ type: "readback_answered", data: { accepted: true } });
  await add({ type: "root_causes_tagged", data: { tags: ["wait_time"] } });
  await add({ type: "case_closed", data: {} });
}

describe("a manager's counter-offer", () => {
  it("from the desk: needs a note, is held to the manager's own limit, and is recorded with the approved remedy", async () => {
    const { caseId } = await waitingForRemedy();
    const noNote = await errorOf(decideRequest(db, maria, caseId, { clientEventId: randomUUID(), decision: "approved", remedy: counter }));
    expect(noNote.message).toMatch(/note/i);
    const tooMuch = await errorOf(
      decideRequest(db, maria, caseId, {
        clientEventId: randomUUID(),
        decision: "approved",
        note: "Half.",
        remedy: { ...counter, valueCents: 25000 },
      }),
    );
    expect(tooMuch.message).toMatch(/£200\.00/);
    const clientEventId = randomUUID();
    const input = { clientEventId, decision: "approved", note: "£60 covers the two mains.", remedy: counter };
    const decided = await decideRequest(db, maria, caseId, input, () => new Date(AT.getTime() + 11 * 60_000));
    expect(decided.phase).toBe("confirm");
    // A double tap records it once.
    expect((await decideRequest(db, maria, caseId, input)).duplicate).toBe(true);

    const log = await loadCaseLog(db, caseId);
    expect(log.at(-1)).toMatchObject({ type: "manager_decided", data: { remedy: counter, authorityLimitCents: 20000 } });
    const { state } = await loadCaseState(db, caseId);
    expect(settledCompensation(state)).toMatchObject({ ...counter, status: "approved", requested: { valueCents: 18000, kind: "refund" } });
    const readback = buildReadback(state).lines.join("\n");
    expect(readback).toContain("£60.00 off your bill");
    expect(readback).not.toContain("£180");

    const row = await db.compensation.findFirstOrThrow({ where: { caseId } });
    expect(row).toMatchObject({ valueCents: 6000, kind: "discount", status: "approved" });
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).remedyCents).toBe(BigInt(6000));

    const detail = await getCaseDetail(db, maria, caseId);
    expect(detail.compensation[0]).toMatchObject({ valueCents: 6000, requestedCents: 18000 });
    expect(detail.history.at(-1)?.what).toMatch(/Approved £60\.00 .* instead of .*£180\.00/);

    await finish(caseId, new Date(AT.getTime() + 12 * 60_000));
    const rubric = scoreCase(await loadCaseLog(db, caseId)).items.find((i) => i.id === "remedy_proportionate");
    expect(rubric?.reason).toMatch(/£60\.00/);
    expect(rubric?.reason).toMatch(/instead of £180\.00/);
  });

  it("on the tablet, with the manager's PIN", async () => {
    const { caseId } = await waitingForRemedy(new Date("2026-03-11T18:00:00Z"));
    const decided = await decideOnTablet(
      db,
      amira,
      caseId,
      {
        clientEventId: randomUUID(),
        managerId: "usr-maria",
        pin: "9406",
        decision: {
          decision: "approved",
          note: "A voucher instead.",
          remedy: { kind: "voucher", description: "A voucher for dinner for two", valueCents: 8000 },
        },
      },
      { address: "counter-offer" },
    );
    expect(decided.phase).toBe("confirm");
    const { state } = await loadCaseState(db, caseId);
    expect(settledCompensation(state)).toMatchObject({ kind: "voucher", valueCents: 8000, decidedById: "usr-maria" });
  });

  it("approving as asked still records the approved remedy in the event", async () => {
    const { caseId } = await waitingForRemedy(new Date("2026-03-12T18:00:00Z"));
    await decideRequest(db, maria, caseId, { clientEventId: randomUUID(), decision: "approved" });
    expect((await loadCaseLog(db, caseId)).at(-1)).toMatchObject({
      data: { remedy: { kind: "refund", valueCents: 18000, description: "Refund the whole bill" } },
    });
  });

  it("counts the approved value in the insights and the CSV, not what was asked", async () => {
    const range = { from: "2026-03-10", to: "2026-03-10" };
    const insights = await getInsights(db, maria, range, new Date("2026-03-20T12:00:00Z"));
    expect(insights.remedy.totalCents).toBe(6000);
    const { chunks } = await prepareQueueCsv(db, maria, range, new Date("2026-03-20T12:00:00Z"));
    let text = "";
    for await (const chunk of chunks) text += chunk;
    expect(text).toContain(",60.00,");
    expect(text).not.toContain("180.00");
  });
});
