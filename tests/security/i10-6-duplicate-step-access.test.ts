// Issue 10, item 6: "The duplicate-step lookup runs before the access check". Re-sending a known
// step id to a case of another venue answered 200 with that case's reference, sequence and
// phase (lib/cases/append-event.ts). Access is now checked first; the same holds for a repeated
// case opening (lib/cases/open-case.ts), whose first answer names the case too.
import { describe, expect, it, vi } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { openCase } from "@/lib/cases/open-case";
import { actorFor } from "@/tests/support/actors";
import { errorOf } from "../setup/app-error";
import { createTestDb } from "../setup/test-db";
import { jsonRequest, params, session } from "./route-harness";

vi.mock("@/lib/db/client", async (importOriginal) => (await import("./route-harness")).dbClientMock(await importOriginal()));
vi.mock("@/lib/auth/current", async () => (await import("./route-harness")).currentActorMock());

const { POST: appendRoute } = await import("@/app/api/cases/[id]/events/route");
const { POST: openRoute } = await import("@/app/api/cases/route");

const { db } = await createTestDb();
session.db = db;
const amira = actorFor("usr-amira"); // The Harbour Kitchen
const chloe = actorFor("usr-chloe"); // The Grand, another venue
const openId = `i10-6-open-${Date.now()}`;
const stepId = `i10-6-step-${Date.now()}`;
const step = { type: "note_added", data: { text: "Regular guest, allergic to nuts." } } as const;

const opened = await openCase(db, amira, { clientEventId: openId });
const first = await appendEvent(db, amira, opened.caseId, { clientEventId: stepId, event: step });

describe("a repeated step id gets its first answer only from someone who may see the case", () => {
  it("staff at another venue re-sending a known step to the case get 403, not the case's reference", async () => {
    session.actor = chloe;
    const response = await appendRoute(
      jsonRequest(`/api/cases/${opened.caseId}/events`, { clientEventId: stepId, event: step }),
      params({ id: opened.caseId }),
    );
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).not.toContain(opened.reference);
    expect(text).not.toMatch(/"sequence"|"phase"/);
    expect((await errorOf(appendEvent(db, chloe, opened.caseId, { clientEventId: stepId, event: step }))).status).toBe(403);
  });

  it("a repeated opening id with the case's id gets 403 at another venue", async () => {
    session.actor = chloe;
    const response = await openRoute(jsonRequest("/api/cases", { clientEventId: openId, caseId: opened.caseId, locationId: "loc-grand" }));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(opened.reference);
  });

  it("the tablet that sent the step still gets the same answer again, marked as a duplicate", async () => {
    session.actor = amira;
    const response = await appendRoute(
      jsonRequest(`/api/cases/${opened.caseId}/events`, { clientEventId: stepId, event: step }),
      params({ id: opened.caseId }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...first, duplicate: true });
    const reopened = await openRoute(jsonRequest("/api/cases", { clientEventId: openId, caseId: opened.caseId }));
    expect(reopened.status).toBe(200);
    expect(((await reopened.json()) as { reference: string }).reference).toBe(opened.reference);
    expect(await db.caseEvent.count({ where: { caseId: opened.caseId } })).toBe(2);
  });
});
