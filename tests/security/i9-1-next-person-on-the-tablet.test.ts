/**
 * Issue 9, finding 1: "The next person can read and write the previous person's cases offline."
 * After "Switch user" the tablet's IndexedDB held every visited case's log, the last user's name
 * and venue; anyone could record steps under that name, sent later by someone else's session.
 *
 * Now (docs/decisions/0013-sealed-steps.md): a session's steps are sealed as they are captured
 * with a key only that session's tablet held (non-extractable) and only the server can open; at
 * session end the tablet keeps nothing readable — only the seals — and the seals still reach the
 * server, as their author's, whoever is signed in next. A made-up or altered seal is refused and
 * changes nothing.
 *
 * The tablet here is the real store (IndexedDB through fake-indexeddb, WebCrypto from Node) and the
 * real sync; the server is the real use-cases on a real SQLite file.
 */
import "fake-indexeddb/auto";
import { deleteDB } from "idb";
import { beforeEach, describe, expect, it } from "vitest";
import { revokeSession } from "@/lib/auth/sessions";
import { getCase } from "@/lib/cases/get-case";
import { flushSteps, toLocalCase } from "@/lib/tablet/field-sync";
import { endLocalSession } from "@/lib/tablet/local-session";
import { sealPayload } from "@/lib/tablet/seal";
import { DB_NAME, IdbTabletStore, type TabletStore } from "@/lib/tablet/tablet-store";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { pairedTablet } from "../setup/tablets";
import { everythingStored, sealedStepNetwork, tabletSignIn } from "../support/sealed-tablet";

const { db } = await createTestDb();
const { device, token: deviceToken } = await pairedTablet(db, "loc-harbour", "Front desk");

const SECRET_WORDS = "My name is Jane Doe, call me on 07700 900123, jane.doe@example.com";

const signInOnTablet = tabletSignIn(db, { deviceId: device.id, deviceToken });

const post = sealedStepNetwork(db);
const noView = async () => null;

let caseNo = 0;
async function captureComplaint(store: TabletStore, userId: string) {
  const caseId = `cnextperson${String(++caseNo).padStart(14, "0")}`;
  const by = { id: userId, role: "staff" as const };
  await store.addStep(
    {
      caseId,
      clientEventId: `np-open-${caseNo}`,
      actor: by,
      capturedAt: new Date().toISOString(),
      body: { kind: "open", locationId: "loc-harbour", practice: false, authorityLimitCents: 1500 },
    },
    {
      id: caseId,
      reference: null,
      locationId: "loc-harbour",
      locationName: "The Harbour Kitchen",
      openedByName: "Amira Shah",
      log: [],
      updatedAt: new Date().toISOString(),
    },
  );
  await store.addStep({
    caseId,
    clientEventId: `np-heard-${caseNo}`,
    actor: by,
    capturedAt: new Date().toISOString(),
    body: {
      kind: "event",
      event: {
        type: "complaint_heard",
        data: { customerWords: SECRET_WORDS, category: "food_quality", severity: 2, spot: "Table 4", mood: "upset" },
      },
    },
  });
  await store.putContext({
    actor: { id: userId, name: "Amira Shah", role: "staff" },
    locationId: "loc-harbour",
    locationName: "The Harbour Kitchen",
    authorityLimitCents: 1500,
    rootCauses: [],
    deciders: [{ id: "usr-maria", name: "Maria Costa" }],
    savedAt: new Date().toISOString(),
  });
  return caseId;
}

let store: IdbTabletStore;
beforeEach(async () => {
  await deleteDB(DB_NAME);
  store = await IdbTabletStore.open();
});

describe("issue 9 finding 1: the next person on the tablet", () => {
  it("finds nothing readable of the last session, while its steps still reach the server as its author's", async () => {
    const amira = await signInOnTablet(store, "usr-amira");
    const caseId = await captureComplaint(store, "usr-amira");
    // The Wi-Fi is down: nothing was sent. While her session lasts, the coach can read her steps.
    expect((await store.steps()).map((s) => s.clientEventId)).toEqual([`np-open-${caseNo}`, `np-heard-${caseNo}`]);
    expect(await everythingStored()).toContain("Jane Doe");

    // Switch user (and the server ends her session too).
    await endLocalSession(store);
    await revokeSession(db, amira.token);

    const stored = await everythingStored();
    for (const secret of ["Jane Doe", "07700", "jane.doe@example.com", "Amira", "usr-amira", "Maria Costa", "Table 4", "food_quality"]) {
      expect(stored, `"${secret}" left on the tablet`).not.toContain(secret);
    }
    expect(await store.steps()).toEqual([]);
    expect(await store.getCase(caseId)).toBeUndefined();
    expect(await store.getContext()).toBeUndefined();
    expect(await store.getSession()).toBeUndefined();
    expect((await store.endedSteps()).map((s) => [s.clientEventId, s.seal !== null])).toEqual([
      [`np-open-${caseNo}`, true],
      [`np-heard-${caseNo}`, true],
    ]);

    // Ben signs in on the same tablet: he cannot read them, and they are not his to add to.
    await signInOnTablet(store, "usr-ben");
    expect(await store.steps()).toEqual([]);
    expect(await store.getCase(caseId)).toBeUndefined();

    // The Wi-Fi is back: Ben's tablet sends Amira's sealed steps; the server records them as hers, once.
    const seals = (await store.endedSteps()).map((s) => s.seal);
    const outcome = await flushSteps(store, post, noView);
    expect(outcome).toEqual({ sent: 2, refused: 0, stopped: null });
    expect(await store.endedSteps()).toEqual([]);
    const view = await getCase(db, actorFor("usr-maria", "loc-harbour"), caseId);
    expect(view.log.map((e) => [e.type, e.actor.id])).toEqual([
      ["case_opened", "usr-amira"],
      ["complaint_heard", "usr-amira"],
    ]);
    expect(view.openedByName).toBe("Amira Shah");
    // Sent again (an answer lost on the way): answered the same, recorded once.
    const again = await post("/api/steps/sealed", { ...seals[1], ended: true });
    expect(again.ok && "duplicate" in again.data && again.data.duplicate).toBe(true);
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(2);
  });

  it("refuses a step forged in someone else's name, and stores nothing", async () => {
    await signInOnTablet(store, "usr-amira");
    const caseId = await captureComplaint(store, "usr-amira");
    await endLocalSession(store);
    const [, heard] = await store.endedSteps();
    const keyId = heard.seal?.keyId ?? "";
    const before = { events: await db.caseEvent.count(), cases: await db.case.count(), held: await db.heldStep.count() };

    // Ben, next on the tablet, makes a step for Amira's case with his own key but Amira's key id.
    const ben = await signInOnTablet(store, "usr-ben");
    if (!ben.local.seal) throw new Error("no seal");
    const forged = await sealPayload(
      { ...ben.local.seal, keyId },
      { v: 1, kind: "open", caseId: "cforgedforgedforged0000001", body: { clientEventId: "forged-open-1" } },
    );
    const attempts = [
      forged,
      { keyId, iv: heard.seal?.iv ?? "", data: `${heard.seal?.data.slice(0, -4)}AAAA` }, // Amira's own seal, altered
      { keyId, iv: "AAAAAAAAAAAAAAAA", data: Buffer.from(JSON.stringify({ v: 1, kind: "event", caseId, body: {} })).toString("base64url") }, // no seal at all
      { keyId: "no-such-key", iv: heard.seal?.iv ?? "", data: heard.seal?.data ?? "" },
    ];
    for (const attempt of attempts) {
      const result = await post("/api/steps/sealed", attempt);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.status).toBe(403);
        expect(result.error.message).toMatch(/seal does not match/);
      }
    }
    expect({ events: await db.caseEvent.count(), cases: await db.case.count(), held: await db.heldStep.count() }).toEqual(before);
  });

  it("keeps a sealed step the case no longer takes (closed meanwhile) with its reason, rather than losing it", async () => {
    const amira = await signInOnTablet(store, "usr-amira");
    const caseId = await captureComplaint(store, "usr-amira");
    // The case's opening reaches the server while she is still signed in; then the Wi-Fi drops.
    await flushSteps(store, post, noView);
    const local = await store.getCase(caseId);
    const serverView = toLocalCase(await getCase(db, actorFor("usr-amira", "loc-harbour"), caseId));
    expect(local?.reference ?? serverView.reference).toBeTruthy();
    await store.addStep({
      caseId,
      clientEventId: `np-note-${caseNo}`,
      actor: { id: "usr-amira", role: "staff" },
      capturedAt: new Date().toISOString(),
      body: { kind: "event", event: { type: "note_added", data: { text: "Guest asked for the manager" } } },
    });
    await endLocalSession(store);
    await revokeSession(db, amira.token);
    // Meanwhile a manager abandons the case on another tablet.
    const { appendEvent } = await import("@/lib/cases/append-event");
    await appendEvent(db, actorFor("usr-maria", "loc-harbour"), caseId, {
      clientEventId: `np-abandon-${caseNo}`,
      event: { type: "case_abandoned", data: { reason: "Guest left" } },
    });

    await signInOnTablet(store, "usr-ben");
    expect(await flushSteps(store, post, noView)).toMatchObject({ refused: 0, stopped: null });
    expect(await store.endedSteps()).toEqual([]);
    const held = await db.heldStep.findUniqueOrThrow({ where: { clientEventId: `np-note-${caseNo}` } });
    expect(held).toMatchObject({ caseId, userId: "usr-amira", code: "playbook_refused" });
    expect(JSON.parse(held.payload)).toMatchObject({ event: { type: "note_added", data: { text: "Guest asked for the manager" } } });
  });
});
