/**
 * Heads-ups captured without Wi-Fi (docs/decisions/0034-heads-ups-offline.md). A heads-up raised,
 * or a table ticked off, goes into the same outbox as a complaint's steps: sealed for the server
 * with the capturing session's key, sent when the connection returns, once, as its author's.
 *
 * Who must not see or do what, tested here with the real store (IndexedDB through fake-indexeddb,
 * WebCrypto from Node), the real sync and the real use-cases:
 *  - the next person on the tablet reads nothing of it (what, why, the table), and cannot send it
 *    as theirs; it still reaches the server as its author's;
 *  - nobody can make a heads-up in someone else's name, or replay one into a second;
 *  - the server's rules hold as for the online routes: another venue, a role without the right;
 *  - a tick-off the heads-up no longer takes (ended meanwhile) is shown to its author while their
 *    session lasts, and kept for the venue's managers (HeldStep) after it ended.
 * Ending a heads-up goes the same way (docs/decisions/0036-heads-up-pages-and-ending-offline.md):
 * a forged or replayed seal ends nothing, and the sealed route lets nobody end a heads-up they
 * could not end online.
 */
import "fake-indexeddb/auto";
import { deleteDB } from "idb";
import { beforeEach, describe, expect, it } from "vitest";
import { revokeSession } from "@/lib/auth/sessions";
import { endHeadsUp } from "@/lib/heads-ups/end-heads-up";
import { raiseHeadsUp } from "@/lib/heads-ups/raise-heads-up";
import { listHeldSteps } from "@/lib/manager/list-held-steps";
import { flushSteps } from "@/lib/tablet/field-sync";
import { checkEnd, checkRaise, endStep, queuedHeadsUps, raiseStep, tellStep } from "@/lib/tablet/heads-up-steps";
import { endLocalSession } from "@/lib/tablet/local-session";
import { sealPayload } from "@/lib/tablet/seal";
import { DB_NAME, IdbTabletStore, sealedRequest } from "@/lib/tablet/tablet-store";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";
import { pairedTablet } from "../setup/tablets";
import { everythingStored, sealedStepNetwork, tabletSignIn } from "../support/sealed-tablet";

const { db } = await createTestDb();
const { device, token: deviceToken } = await pairedTablet(db, "loc-harbour", "Bar tablet");

const WHAT = "Crab bisque sold out";
const WHY = "A supplier delivery of crab did not come";
const SPOT = "Table 31";

const signInOnTablet = tabletSignIn(db, { deviceId: device.id, deviceToken });

/** The network between tablet and server; `down` cuts it. */
let down = false;
const post = sealedStepNetwork(db, () => down);
const noView = async () => null;

let n = 0;
const cid = () => `hu-off-${Date.now()}-${n++}`;

function raiseOf(what = WHAT, locationId?: string) {
  const checked = checkRaise({
    kind: "sold_out",
    what,
    reason: WHY,
    options: [
      { choice: "change", text: "The lobster bisque instead" },
      { choice: "cancel", text: "Cancel the starter" },
    ],
    locationId,
  });
  if (!checked.ok) throw new Error("invalid");
  return checked.raise;
}

async function liveAlert(what: string) {
  return raiseHeadsUp(db, actorFor("usr-maria", "loc-harbour"), {
    clientEventId: cid(),
    kind: "running_late",
    what,
    reason: "A large party arrived at once",
    options: [
      { choice: "wait", text: "Wait 20 minutes" },
      { choice: "cancel", text: "Cancel" },
    ],
  });
}

let store: IdbTabletStore;
beforeEach(async () => {
  down = false;
  await deleteDB(DB_NAME);
  store = await IdbTabletStore.open();
});

describe("a heads-up captured without Wi-Fi", () => {
  it("is sent when the connection returns, exactly once, under the session that captured it", async () => {
    const amira = await signInOnTablet(store, "usr-amira");
    const alert = await liveAlert("Kitchen 20 minutes behind");
    down = true;
    const by = { id: "usr-amira", role: "staff" as const };
    const raised = raiseStep(by, raiseOf(), cid());
    const told = tellStep(by, alert.id, { spot: SPOT, choice: "wait", option: "Wait 20 minutes", customerAskedFirst: false }, cid());
    await store.addStep(raised);
    await store.addStep(told);
    expect(await flushSteps(store, post, noView)).toMatchObject({ sent: 0, stopped: "offline" });
    expect(await db.headsUpAlert.count({ where: { what: WHAT } })).toBe(0);

    down = false;
    expect(await flushSteps(store, post, noView)).toEqual({ sent: 2, refused: 0, stopped: null });
    const alertRow = await db.headsUpAlert.findFirstOrThrow({ where: { what: WHAT } });
    expect(alertRow).toMatchObject({ raisedById: "usr-amira", locationId: "loc-harbour", clientEventId: raised.clientEventId });
    const table = await db.headsUpCase.findFirstOrThrow({ where: { alertId: alert.id, spot: SPOT } });
    expect(table).toMatchObject({ openedById: "usr-amira", choice: "wait" });

    // Each seal sent again (an answer lost on the way; or someone replaying it): answered as before, stored once.
    const sealed = (await store.endedSteps()).length + (await store.steps()).length;
    expect(sealed).toBe(0);
    for (const step of [raised, told]) {
      const seal = await sealPayload(amira.local.seal!, sealedRequest(step));
      const again = await post("/api/steps/sealed", seal);
      expect(again.ok && "duplicate" in again.data && again.data.duplicate).toBe(true);
    }
    expect(await db.headsUpAlert.count({ where: { what: WHAT } })).toBe(1);
    expect(await db.headsUpCase.count({ where: { alertId: alert.id, spot: SPOT } })).toBe(1);
    await endHeadsUp(db, actorFor("usr-maria", "loc-harbour"), alertRow.id, {});
    await endHeadsUp(db, actorFor("usr-maria", "loc-harbour"), alert.id, {});
  });

  it("leaves the next person on the tablet nothing to read, and still reaches the server as its author's", async () => {
    const amira = await signInOnTablet(store, "usr-amira");
    const alert = await liveAlert("Lift out of order");
    down = true;
    const by = { id: "usr-amira", role: "staff" as const };
    await store.addStep(raiseStep(by, raiseOf(), cid()));
    await store.addStep(tellStep(by, alert.id, { spot: SPOT, choice: "cancel", option: "Cancel", customerAskedFirst: true }, cid()));
    expect(await everythingStored()).toContain(WHAT);

    // Switch user without Wi-Fi; the server ends her session too.
    await endLocalSession(store);
    await revokeSession(db, amira.token);
    const stored = await everythingStored();
    for (const secret of [WHAT, WHY, SPOT, "usr-amira", "sold_out", alert.id])
      expect(stored, `"${secret}" left on the tablet`).not.toContain(secret);

    // Ben signs in: her heads-ups are not his to see, and his page lists none.
    await signInOnTablet(store, "usr-ben");
    expect(queuedHeadsUps(await store.steps(), "usr-ben")).toEqual([]);
    expect(queuedHeadsUps(await store.steps(), "usr-amira")).toEqual([]);
    expect(await store.endedSteps()).toHaveLength(2);

    // The Wi-Fi returns: Ben's tablet sends them sealed; they are recorded as Amira's, once.
    down = false;
    expect(await flushSteps(store, post, noView)).toEqual({ sent: 2, refused: 0, stopped: null });
    expect(await db.headsUpAlert.findFirstOrThrow({ where: { what: WHAT } })).toMatchObject({ raisedById: "usr-amira" });
    expect(await db.headsUpCase.findFirstOrThrow({ where: { alertId: alert.id, spot: SPOT } })).toMatchObject({ openedById: "usr-amira" });
    expect(await db.headsUpAlert.count({ where: { what: WHAT, raisedById: "usr-ben" } })).toBe(0);
    for (const row of await db.headsUpAlert.findMany({ where: { endedAt: null, locationId: "loc-harbour" } }))
      await endHeadsUp(db, actorFor("usr-maria", "loc-harbour"), row.id, {});
  });

  it("cannot be forged in someone else's name, nor sent past the server's rules", async () => {
    await signInOnTablet(store, "usr-amira");
    const by = { id: "usr-amira", role: "staff" as const };
    await store.addStep(raiseStep(by, raiseOf("Amira's real heads-up"), cid()));
    await endLocalSession(store);
    const [amirasSeal] = await store.endedSteps();
    const keyId = amirasSeal.seal!.keyId;
    const before = { alerts: await db.headsUpAlert.count(), cases: await db.headsUpCase.count(), held: await db.heldStep.count() };

    // Ben, next on the tablet, seals a heads-up with his own key under Amira's key id.
    const ben = await signInOnTablet(store, "usr-ben");
    const forged = await sealPayload({ ...ben.local.seal!, keyId }, sealedRequest(raiseStep(by, raiseOf("Forged heads-up"), cid())));
    for (const attempt of [forged, { ...amirasSeal.seal!, data: `${amirasSeal.seal!.data.slice(0, -4)}AAAA` }]) {
      const result = await post("/api/steps/sealed", attempt);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.status).toBe(403);
    }

    // With his own live session: a heads-up at a venue he does not work at, or on another venue's heads-up.
    const grand = await raiseHeadsUp(db, actorFor("usr-chloe", "loc-grand"), {
      clientEventId: cid(),
      kind: "other",
      what: "Grand's pool closed",
      reason: "Cleaning",
      options: [
        { choice: "wait", text: "Wait an hour" },
        { choice: "cancel", text: "Spa instead" },
      ],
    });
    const bens = { id: "usr-ben", role: "staff" as const };
    const elsewhere = await sealPayload(ben.local.seal!, sealedRequest(raiseStep(bens, raiseOf("Not his venue", "loc-grand"), cid())));
    const otherVenue = await sealPayload(
      ben.local.seal!,
      sealedRequest(tellStep(bens, grand.id, { spot: "Room 9", choice: "wait", option: "Wait", customerAskedFirst: false }, cid())),
    );
    for (const attempt of [elsewhere, otherVenue]) {
      const result = await post("/api/steps/sealed", attempt);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.status).toBe(403);
    }
    // A trainer may not raise heads-ups at all, sealed or not.
    const tara = await signInOnTablet(store, "usr-tara");
    if (tara.local.seal) {
      const trainer = await sealPayload(
        tara.local.seal,
        sealedRequest(raiseStep({ id: "usr-tara", role: "trainer" }, raiseOf("Trainer's"), cid())),
      );
      const result = await post("/api/steps/sealed", trainer);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.status).toBe(403);
    }
    expect({ alerts: await db.headsUpAlert.count(), cases: await db.headsUpCase.count(), held: await db.heldStep.count() }).toEqual({
      ...before,
      alerts: before.alerts + 1, // the Grand's own, raised online
    });
    await endHeadsUp(db, actorFor("usr-chloe", "loc-grand"), grand.id, {});
    // Amira's real one still goes, as hers.
    expect(await flushSteps(store, post, noView)).toMatchObject({ sent: 1, stopped: null });
    const real = await db.headsUpAlert.findFirstOrThrow({ where: { what: "Amira's real heads-up" } });
    expect(real.raisedById).toBe("usr-amira");
    await endHeadsUp(db, actorFor("usr-maria", "loc-harbour"), real.id, {});
  });

  it("a tick-off the heads-up no longer takes is shown to its author, or kept for the managers once their session ended", async () => {
    await signInOnTablet(store, "usr-amira");
    const by = { id: "usr-amira", role: "staff" as const };
    const first = await liveAlert("Terrace closed for rain");
    const second = await liveAlert("Dessert oven broken");
    down = true;
    await store.addStep(
      tellStep(by, first.id, { spot: "Table 2", choice: "wait", option: "Wait 20 minutes", customerAskedFirst: false }, cid()),
    );
    // Meanwhile a manager ends the first heads-up.
    await endHeadsUp(db, actorFor("usr-maria", "loc-harbour"), first.id, { note: "Rain stopped" });
    down = false;
    expect(await flushSteps(store, post, noView)).toEqual({ sent: 0, refused: 1, stopped: null });
    const [shown] = queuedHeadsUps(await store.steps(), "usr-amira");
    expect(shown).toMatchObject({ label: "Table 2 · chose Wait 20 minutes", refusal: { status: 409, code: "conflict" } });
    expect(shown.refusal?.message).toMatch(/has ended/);
    await store.discardRefused(shown.caseId);

    // The same after her session ended: nobody is there to read it, so a manager sees it instead.
    down = true;
    const late = tellStep(by, second.id, { spot: "Table 5", choice: "cancel", option: "Cancel", customerAskedFirst: false }, cid());
    await store.addStep(late);
    await endHeadsUp(db, actorFor("usr-maria", "loc-harbour"), second.id, {});
    await endLocalSession(store);
    await signInOnTablet(store, "usr-ben");
    down = false;
    expect(await flushSteps(store, post, noView)).toEqual({ sent: 1, refused: 0, stopped: null });
    expect(await store.endedSteps()).toEqual([]);
    const held = await db.heldStep.findUniqueOrThrow({ where: { clientEventId: late.clientEventId } });
    expect(held).toMatchObject({
      kind: "heads_up_tell",
      caseId: second.id,
      userId: "usr-amira",
      locationId: "loc-harbour",
      code: "conflict",
    });
    const desk = await listHeldSteps(db, actorFor("usr-maria", "loc-harbour"), { status: "open" });
    const line = desk.steps.find((s) => s.id === held.id);
    expect(line?.what).toBe("Told Table 5 about a heads-up: chose Cancel");
    // Another venue's manager does not see it.
    const elsewhere = await listHeldSteps(db, actorFor("usr-james", "loc-grand"), { status: "open" });
    expect(elsewhere.steps.some((s) => s.id === held.id)).toBe(false);
  });
});

describe("ending a heads-up without Wi-Fi (docs/decisions/0036)", () => {
  const ending = (note = "") => {
    const checked = checkEnd(note);
    if (!checked.ok) throw new Error("invalid");
    return checked.end;
  };
  const live = async (id: string) => (await db.headsUpAlert.findUniqueOrThrow({ where: { id } })).endedAt === null;

  it("is sent when the connection returns, once, as its author's; a replayed seal ends nothing again", async () => {
    const amira = await signInOnTablet(store, "usr-amira");
    const by = { id: "usr-amira", role: "staff" as const };
    const mine = await raiseHeadsUp(db, actorFor("usr-amira", "loc-harbour"), { clientEventId: cid(), ...raiseOf("Oysters sold out") });
    down = true;
    const ended = endStep(by, mine.id, "Oysters sold out", ending(" The boat came in "), cid());
    await store.addStep(ended);
    expect(await flushSteps(store, post, noView)).toMatchObject({ sent: 0, stopped: "offline" });
    expect(await live(mine.id)).toBe(true);
    expect(queuedHeadsUps(await store.steps(), "usr-amira", mine.id, "end").map((q) => q.label)).toEqual(["Ending: Oysters sold out"]);

    down = false;
    expect(await flushSteps(store, post, noView)).toEqual({ sent: 1, refused: 0, stopped: null });
    const row = await db.headsUpAlert.findUniqueOrThrow({ where: { id: mine.id } });
    expect(row).toMatchObject({ endedById: "usr-amira", endNote: "The boat came in" });
    expect(row.endedAt).not.toBeNull();
    expect(await store.pendingSteps()).toEqual([]);

    // The same seal again (a lost answer, or someone who copied it): answered as a duplicate, nothing moves.
    const seal = await sealPayload(amira.local.seal!, sealedRequest(ended));
    const again = await post("/api/steps/sealed", seal);
    expect(again.ok && "duplicate" in again.data && again.data.duplicate).toBe(true);
    expect(await db.headsUpAlert.findUniqueOrThrow({ where: { id: mine.id } })).toEqual(row);
  });

  it("leaves the next person nothing to read, and still ends it as its author's", async () => {
    const amira = await signInOnTablet(store, "usr-amira");
    const by = { id: "usr-amira", role: "staff" as const };
    const mine = await raiseHeadsUp(db, actorFor("usr-amira", "loc-harbour"), { clientEventId: cid(), ...raiseOf("Terrace heaters off") });
    down = true;
    await store.addStep(endStep(by, mine.id, "Terrace heaters off", ending("Gas bottle replaced"), cid()));
    await endLocalSession(store);
    await revokeSession(db, amira.token);
    const stored = await everythingStored();
    for (const secret of ["Terrace heaters off", "Gas bottle replaced", mine.id, "usr-amira", "heads_up_end"])
      expect(stored, `"${secret}" left on the tablet`).not.toContain(secret);

    await signInOnTablet(store, "usr-ben");
    expect(queuedHeadsUps(await store.steps(), "usr-ben")).toEqual([]);
    down = false;
    expect(await flushSteps(store, post, noView)).toEqual({ sent: 1, refused: 0, stopped: null });
    expect(await db.headsUpAlert.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({
      endedById: "usr-amira",
      endNote: "Gas bottle replaced",
    });
  });

  it("a forged or altered seal ends nothing", async () => {
    await signInOnTablet(store, "usr-amira");
    const by = { id: "usr-amira", role: "staff" as const };
    const mine = await raiseHeadsUp(db, actorFor("usr-amira", "loc-harbour"), { clientEventId: cid(), ...raiseOf("Bread oven cold") });
    const other = await liveAlert("Music too loud in the bar");
    await store.addStep(endStep(by, mine.id, "Bread oven cold", ending(), cid()));
    await endLocalSession(store);
    const [amirasSeal] = await store.endedSteps();
    const keyId = amirasSeal.seal!.keyId;

    // Ben, next on the tablet, seals an end with his own key under Amira's key id (she may end hers).
    const ben = await signInOnTablet(store, "usr-ben");
    const forged = await sealPayload({ ...ben.local.seal!, keyId }, sealedRequest(endStep(by, mine.id, "x", ending(), cid())));
    const forgedOther = await sealPayload({ ...ben.local.seal!, keyId }, sealedRequest(endStep(by, other.id, "x", ending(), cid())));
    const altered = { ...amirasSeal.seal!, data: `${amirasSeal.seal!.data.slice(0, -4)}AAAA` };
    for (const attempt of [forged, forgedOther, altered]) {
      const result = await post("/api/steps/sealed", attempt);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.status).toBe(403);
    }
    expect(await live(mine.id)).toBe(true);
    expect(await live(other.id)).toBe(true);
    // Amira's real one still goes.
    expect(await flushSteps(store, post, noView)).toMatchObject({ sent: 1, stopped: null });
    expect(await db.headsUpAlert.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ endedById: "usr-amira" });
    await endHeadsUp(db, actorFor("usr-maria", "loc-harbour"), other.id, {});
  });

  it("lets nobody end through the seal what they could not end online: the same use-case, the same refusal", async () => {
    const marias = await liveAlert("Car park barrier stuck");
    const grand = await raiseHeadsUp(db, actorFor("usr-chloe", "loc-grand"), {
      clientEventId: cid(),
      ...raiseOf("Grand's spa closed", "loc-grand"),
    });
    const before = await db.heldStep.count();
    const attempts: [string, string, { id: string; role: "staff" | "manager" | "trainer" }, string][] = [
      // A member of staff, on a heads-up someone else raised.
      ["usr-ben", "loc-harbour", { id: "usr-ben", role: "staff" }, marias.id],
      // A manager, on another venue's heads-up.
      ["usr-maria", "loc-harbour", { id: "usr-maria", role: "manager" }, grand.id],
      // A trainer, on any.
      ["usr-tara", "loc-harbour", { id: "usr-tara", role: "trainer" }, marias.id],
    ];
    for (const [userId, locationId, by, alertId] of attempts) {
      // Online, the route's use-case refuses it...
      await expect(endHeadsUp(db, actorFor(userId, locationId), alertId, {})).rejects.toMatchObject({ status: 403 });
      // ...and sealed, with the person's own live session, so does the sealed route.
      const session = await signInOnTablet(store, userId, locationId);
      if (!session.local.seal) throw new Error("no seal key");
      const sealed = await sealPayload(session.local.seal, sealedRequest(endStep(by, alertId, "x", ending("Not mine to end"), cid())));
      const result = await post("/api/steps/sealed", sealed);
      expect(result.ok, `${userId} ended ${alertId}`).toBe(false);
      if (!result.ok) expect(result.error.status).toBe(403);
    }
    expect(await live(marias.id)).toBe(true);
    expect(await live(grand.id)).toBe(true);
    expect(await db.heldStep.count()).toBe(before);

    // Once Ben's session has ended nobody is there to read the refusal: it is kept for his venue's managers, and it still ends nothing.
    const ben = await signInOnTablet(store, "usr-ben");
    down = true;
    const late = endStep({ id: "usr-ben", role: "staff" }, marias.id, "Car park barrier stuck", ending("Fixed"), cid());
    await store.addStep(late);
    await endLocalSession(store);
    await revokeSession(db, ben.token);
    down = false;
    expect(await flushSteps(store, post, noView)).toEqual({ sent: 1, refused: 0, stopped: null });
    expect(await live(marias.id)).toBe(true);
    const held = await db.heldStep.findUniqueOrThrow({ where: { clientEventId: late.clientEventId } });
    expect(held).toMatchObject({
      kind: "heads_up_end",
      caseId: marias.id,
      userId: "usr-ben",
      locationId: "loc-harbour",
      code: "forbidden",
    });
    const desk = await listHeldSteps(db, actorFor("usr-maria", "loc-harbour"), { status: "open" });
    expect(desk.steps.find((s) => s.id === held.id)?.what).toBe("Ended a heads-up: “Fixed”");
    const elsewhere = await listHeldSteps(db, actorFor("usr-james", "loc-grand"), { status: "open" });
    expect(elsewhere.steps.some((s) => s.id === held.id)).toBe(false);

    await endHeadsUp(db, actorFor("usr-maria", "loc-harbour"), marias.id, {});
    await endHeadsUp(db, actorFor("usr-chloe", "loc-grand"), grand.id, {});
  });
});
