import "fake-indexeddb/auto";
import { deleteDB } from "idb";
import { beforeEach, describe, expect, it } from "vitest";
import { mergeLog } from "./case-fold";
import { flushSteps, requestFor, sentHeadsUp, type Post } from "./field-sync";
import { checkEnd, checkRaise, checkTell, endStep, queuedHeadsUps, raiseStep, tellStep } from "./heads-up-steps";
import { DB_NAME, IdbTabletStore, MemoryTabletStore, sealedRequest, type TabletStore } from "./tablet-store";

const amira = { id: "usr-amira", role: "staff" as const };
const ben = { id: "usr-ben", role: "staff" as const };
let n = 0;
const cid = () => `hu-unit-${n++}-abcdef`;

const SALMON = {
  kind: "sold_out" as const,
  what: " Salmon sold out ",
  reason: "It has been more popular than ever tonight",
  options: [
    { choice: "wait" as const, text: "Wait 20 minutes" },
    { choice: "change" as const, text: "The sea bass" },
    { choice: "cancel" as const, text: "" },
  ],
};

function raise(what = "Salmon sold out") {
  const checked = checkRaise({ ...SALMON, what });
  if (!checked.ok) throw new Error("invalid");
  return checked.raise;
}

describe("checking a heads-up before it is kept", () => {
  it("trims, drops blank options, and says what is missing in the server's words", () => {
    expect(checkRaise(SALMON)).toEqual({
      ok: true,
      raise: { kind: "sold_out", what: "Salmon sold out", reason: SALMON.reason, options: SALMON.options.slice(0, 2) },
    });
    const blank = checkRaise({ kind: "other", what: " ", reason: "", options: [{ choice: "wait", text: "Wait" }] });
    expect(blank).toEqual({
      ok: false,
      fields: {
        what: "Say what is happening, in a few words",
        reason: "Give the plain, true reason",
        options: "Give at least two options, such as waiting, changing or cancelling",
      },
    });
    const same = checkRaise({ ...SALMON, options: [SALMON.options[0], { choice: "change", text: " wait  20 minutes" }] });
    expect(same).toEqual({ ok: false, fields: { options: "Two different options" } });
  });

  it("needs a table, and what they chose", () => {
    expect(checkTell({ spot: "", choice: null, option: "", customerAskedFirst: false })).toEqual({
      ok: false,
      fields: { spot: "Say which table or room", choice: "Pick what they chose" },
    });
    expect(checkTell({ spot: " Table 4 ", choice: "change", option: "The sea bass", customerAskedFirst: true, note: " " })).toEqual({
      ok: true,
      tell: { spot: "Table 4", choice: "change", option: "The sea bass", customerAskedFirst: true },
    });
  });
});

describe("ending a heads-up on the tablet (docs/decisions/0036)", () => {
  it("takes an optional note of at most 500 characters, trimmed, as the server does", () => {
    expect(checkEnd("  ")).toEqual({ ok: true, end: {} });
    expect(checkEnd(" Fresh delivery arrived ")).toEqual({ ok: true, end: { note: "Fresh delivery arrived" } });
    expect(checkEnd("x".repeat(501))).toEqual({ ok: false, fields: { note: "At most 500 characters" } });
  });

  it("waits in the outbox under its own key, listed as its author's end of that heads-up only", async () => {
    const store = new MemoryTabletStore();
    const told = await store.addStep(
      tellStep(amira, "alert-1", { spot: "Table 4", choice: "wait", option: "Wait", customerAskedFirst: false }, cid()),
    );
    const ended = await store.addStep(endStep(amira, "alert-1", "Salmon sold out", { note: "Delivery came" }, cid()));
    await store.addStep(endStep(ben, "alert-1", "Salmon sold out", {}, cid()));
    await store.addStep(endStep(amira, "alert-other", "Lift out of order", {}, cid()));
    expect(ended.caseId).toBe(`heads-up:${ended.clientEventId}`);
    const steps = await store.steps();
    // "Ending" while it waits beside "Saved on this tablet"; "Ended" once sent.
    expect(queuedHeadsUps(steps, amira.id, "alert-1", "end").map((q) => [q.seq, q.kind, q.label, q.sentLabel, q.alertId])).toEqual([
      [ended.seq, "end", "Ending: Salmon sold out", "Ended: Salmon sold out", "alert-1"],
    ]);
    // A table ticked off reads the same waiting and sent.
    expect(queuedHeadsUps(steps, amira.id, "alert-1", "tell").map((q) => [q.label, q.sentLabel])).toEqual([
      ["Table 4 · chose Wait", "Table 4 · chose Wait"],
    ]);
    // The tick-off form's list is the tables only; the heads-up's own list has both.
    expect(queuedHeadsUps(steps, amira.id, "alert-1", "tell").map((q) => q.seq)).toEqual([told.seq]);
    expect(queuedHeadsUps(steps, amira.id, "alert-1").map((q) => q.seq)).toEqual([told.seq, ended.seq]);
    expect(mergeLog([], steps, "C-1")).toEqual({ log: [], waiting: 0, refused: null });
  });

  it("goes sealed, or (only where the browser cannot seal) with the cookie to the online route, note alone", () => {
    const step = { ...endStep(amira, "alert-1", "Salmon sold out", { note: "Over" }, cid()), seq: 1, sessionId: "s1", seal: null };
    expect(requestFor({ ...step, state: "waiting" })).toEqual({
      url: "/api/heads-ups/alert-1/end",
      body: { clientEventId: step.clientEventId, note: "Over" },
    });
    expect(requestFor({ ...step, state: "waiting", seal: { keyId: "k", iv: "i", data: "d" } })).toEqual({
      url: "/api/steps/sealed",
      body: { keyId: "k", iv: "i", data: "d" },
    });
    expect(sealedRequest(step)).toEqual({
      v: 1,
      kind: "heads_up_end",
      alertId: "alert-1",
      body: { clientEventId: step.clientEventId, note: "Over", capturedAt: step.capturedAt },
    });
  });
});

describe("a heads-up in the tablet's outbox", () => {
  beforeEach(async () => {
    await deleteDB(DB_NAME);
  });

  for (const [name, open] of [
    ["IndexedDB", () => IdbTabletStore.open()],
    ["memory", async () => new MemoryTabletStore()],
  ] as const) {
    it(`(${name}) waits while the network is down, then is sent once, and the page hears what became of it`, async () => {
      const store: TabletStore = await open();
      const raised = raiseStep(amira, raise(), cid());
      const told = tellStep(
        amira,
        "alert-1",
        { spot: "Table 4", choice: "wait", option: "Wait 20 minutes", customerAskedFirst: false },
        cid(),
      );
      await store.addStep(raised);
      await store.addStep(told);
      const calls: string[] = [];
      let online = false;
      const post: Post = async (url) => {
        calls.push(url);
        if (!online) return { ok: false, error: { status: 0, code: "offline", message: "No connection." } };
        return url === "/api/heads-ups"
          ? { ok: true, data: { id: "alert-2", duplicate: false } }
          : { ok: true, data: { caseId: "hucase", reference: "H-ABC123", duplicate: false } };
      };
      const views: string[] = [];
      const fetchView = async (id: string) => {
        views.push(id);
        return null;
      };
      expect(await flushSteps(store, post, fetchView)).toEqual({ sent: 0, refused: 0, stopped: "offline" });
      expect(queuedHeadsUps(await store.steps(), amira.id).map((q) => [q.kind, q.label, q.refusal])).toEqual([
        ["raise", "Salmon sold out", null],
        ["tell", "Table 4 · chose Wait 20 minutes", null],
      ]);
      online = true;
      expect(await flushSteps(store, post, fetchView)).toEqual({ sent: 2, refused: 0, stopped: null });
      expect(await store.pendingSteps()).toEqual([]);
      expect(await flushSteps(store, post, fetchView)).toEqual({ sent: 0, refused: 0, stopped: null });
      // Offline once, online once, nothing after: each went once.
      expect(calls).toEqual(["/api/heads-ups", "/api/heads-ups", "/api/heads-ups/alert-1/tables"]);
      expect(sentHeadsUp(raised.clientEventId)).toEqual({ id: "alert-2", duplicate: false });
      expect(sentHeadsUp(told.clientEventId)).toMatchObject({ caseId: "hucase" });
      // Not a complaint case: no case view fetched, nothing folded into a coach.
      expect(views).toEqual([]);
    });
  }

  it("goes unsealed to the heads-up routes only where the browser cannot seal, and sealed otherwise", () => {
    const step = { ...raiseStep(amira, raise(), cid()), seq: 1, sessionId: "s1", seal: null, state: "waiting" as const };
    expect(requestFor(step)).toEqual({ url: "/api/heads-ups", body: { clientEventId: step.clientEventId, ...raise() } });
    const sealed = { ...step, seal: { keyId: "k", iv: "i", data: "d" } };
    expect(requestFor(sealed)).toEqual({ url: "/api/steps/sealed", body: { keyId: "k", iv: "i", data: "d" } });
    const ended = {
      seq: 1,
      caseId: step.caseId,
      clientEventId: step.clientEventId,
      sessionId: "s1",
      seal: null,
      state: "waiting" as const,
    };
    expect(requestFor(ended)).toBeNull();
  });

  it("a refused heads-up is kept with the server's reason and holds back nothing else", async () => {
    const store = new MemoryTabletStore();
    const first = tellStep(amira, "ended-alert", { spot: "Table 9", choice: "wait", option: "Wait", customerAskedFirst: false }, cid());
    await store.addStep(first);
    await store.addStep(raiseStep(amira, raise("Lift out of order"), cid()));
    const post: Post = async (url) =>
      url.includes("ended-alert")
        ? {
            ok: false,
            error: { status: 409, code: "conflict", message: "This heads-up has ended; tables are no longer being told about it." },
          }
        : { ok: true, data: { id: "alert-3", duplicate: false } };
    expect(await flushSteps(store, post, async () => null)).toEqual({ sent: 1, refused: 1, stopped: null });
    const [queued] = queuedHeadsUps(await store.steps(), amira.id);
    expect(queued).toMatchObject({ label: "Table 9 · chose Wait", refusal: { status: 409, code: "conflict" } });
    expect(await store.discardRefused(queued.caseId)).toBe(1);
    expect(await store.steps()).toEqual([]);
  });

  it("lists only the signed-in person's heads-ups, and never folds one into a complaint case's log", async () => {
    const store = new MemoryTabletStore();
    await store.addStep(raiseStep(ben, raise("Ben's heads-up"), cid()));
    const mine = await store.addStep(
      tellStep(amira, "alert-1", { spot: "Room 2", choice: "cancel", option: "Cancel", customerAskedFirst: true }, cid()),
    );
    await store.addStep(
      tellStep(amira, "alert-other", { spot: "Room 3", choice: "cancel", option: "Cancel", customerAskedFirst: true }, cid()),
    );
    const steps = await store.steps();
    expect(queuedHeadsUps(steps, amira.id).map((q) => q.label)).toEqual(["Room 2 · chose Cancel", "Room 3 · chose Cancel"]);
    expect(queuedHeadsUps(steps, amira.id, "alert-1").map((q) => q.seq)).toEqual([mine.seq]);
    expect(queuedHeadsUps(steps, "usr-chloe")).toEqual([]);
    expect(mergeLog([], steps, "C-1")).toEqual({ log: [], waiting: 0, refused: null });
  });
});
