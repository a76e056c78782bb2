import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { AppendResult } from "@/lib/cases/client-event";
import type { ApiResult } from "@/lib/client/api";
import { flushSteps, requestFor, type FetchView, type Post } from "./field-sync";
import { deleteDB } from "idb";
import { DB_NAME, IdbTabletStore, MemoryTabletStore, type NewStep, type TabletStore } from "./tablet-store";
import { mergeLog } from "@/lib/tablet/case-fold";

const amira = { id: "usr-amira", role: "staff" as const };
let n = 0;

function openStep(caseId: string, actor = amira): NewStep {
  return {
    caseId,
    clientEventId: `open-${n++}-abcdef`,
    actor,
    capturedAt: new Date(Date.UTC(2026, 10, 23, 12, 0, n)).toISOString(),
    body: { kind: "open", locationId: "loc-harbour", practice: false, authorityLimitCents: 1500 },
  };
}
function noteStep(caseId: string, text: string, actor = amira): NewStep {
  return {
    caseId,
    clientEventId: `note-${n++}-abcdef`,
    actor,
    capturedAt: new Date(Date.UTC(2026, 10, 23, 12, 0, n)).toISOString(),
    body: { kind: "event", event: { type: "note_added", data: { text } } },
  };
}
const localCase = (id: string) => ({
  id,
  reference: null,
  locationId: "loc-harbour",
  locationName: "Harbour",
  openedByName: "Amira",
  log: [],
  updatedAt: "2026-11-23T12:00:00.000Z",
});

/** A pretend server: records each request and answers from a script (default: accepted). */
function fakeServer(answer: (url: string, body: Record<string, unknown>, call: number) => ApiResult<AppendResult> | null = () => null) {
  const calls: { url: string; body: Record<string, unknown> }[] = [];
  const sequences = new Map<string, number>();
  const post: Post = async (url, raw) => {
    const body = raw as Record<string, unknown>;
    calls.push({ url, body });
    const scripted = answer(url, body, calls.length);
    if (scripted) return scripted;
    const caseId = typeof body.caseId === "string" ? body.caseId : url.split("/")[3];
    const sequence = (sequences.get(caseId) ?? 0) + 1;
    sequences.set(caseId, sequence);
    return {
      ok: true,
      data: { caseId, reference: "C-ABC123", sequence, at: "2026-11-23T12:30:00.000Z", phase: "listen", status: "open", duplicate: false },
    };
  };
  const noView: FetchView = async () => null;
  return { calls, post, noView };
}
const offline: ApiResult<AppendResult> = { ok: false, error: { status: 0, code: "offline", message: "No connection." } };

describe.each([
  [
    "IndexedDB",
    async () => {
      await deleteDB(DB_NAME);
      return IdbTabletStore.open();
    },
  ],
  ["memory", async () => new MemoryTabletStore()],
] as const)("the tablet's step queue (%s)", (_name, makeStore) => {
  const fresh = (): Promise<TabletStore> => makeStore();

  it("sends steps in the order they were captured, each with its own client id, then forgets them", async () => {
    const store = await fresh();
    await store.addStep(openStep("c-one"), localCase("c-one"));
    await store.addStep(noteStep("c-one", "first"));
    await store.addStep(noteStep("c-one", "second"));
    const server = fakeServer();
    const outcome = await flushSteps(store, server.post, server.noView);
    expect(outcome).toEqual({ sent: 3, refused: 0, stopped: null });
    expect(server.calls.map((c) => c.url)).toEqual(["/api/cases", "/api/cases/c-one/events", "/api/cases/c-one/events"]);
    expect(server.calls.map((c) => c.body.clientEventId).every((id) => typeof id === "string")).toBe(true);
    expect(await store.steps()).toEqual([]);
    const local = await store.getCase("c-one");
    expect(local?.reference).toBe("C-ABC123");
    expect(local?.log.map((e) => e.type)).toEqual(["case_opened", "note_added", "note_added"]);
  });

  it("keeps everything when the network is gone, and sends the same ids again later", async () => {
    const store = await fresh();
    await store.addStep(openStep("c-two"), localCase("c-two"));
    await store.addStep(noteStep("c-two", "offline note"));
    const down = fakeServer(() => offline);
    expect(await flushSteps(store, down.post, down.noView)).toEqual({ sent: 0, refused: 0, stopped: "offline" });
    expect(down.calls).toHaveLength(1); // stops at the first failure, in order
    expect((await store.steps()).map((s) => s.state)).toEqual(["waiting", "waiting"]);

    const up = fakeServer();
    await flushSteps(store, up.post, up.noView);
    expect(up.calls[0].body.clientEventId).toBe(down.calls[0].body.clientEventId);
    expect(await store.steps()).toEqual([]);
  });

  it("marks a refused step, holds back the later steps of that case only, and can discard them", async () => {
    const store = await fresh();
    await store.addStep(openStep("c-three"), localCase("c-three"));
    await store.addStep(noteStep("c-three", "refused one"));
    await store.addStep(noteStep("c-three", "held back"));
    await store.addStep(openStep("c-four"), localCase("c-four"));
    const server = fakeServer((url, body) =>
      body.event && (body.event as { data: { text: string } }).data.text === "refused one"
        ? { ok: false, error: { status: 409, code: "playbook_refused", message: "Not in this phase." } }
        : null,
    );
    const outcome = await flushSteps(store, server.post, server.noView);
    expect(outcome).toEqual({ sent: 2, refused: 1, stopped: null });
    const left = await store.steps();
    expect(left.map((s) => [s.caseId, s.state])).toEqual([
      ["c-three", "refused"],
      ["c-three", "waiting"],
    ]);
    expect(left[0].refusal).toEqual({ status: 409, code: "playbook_refused", message: "Not in this phase." });

    // The refused step stays refused: it is not sent again.
    const again = fakeServer();
    await flushSteps(store, again.post, again.noView);
    expect(again.calls).toEqual([]);
    expect(await store.discardRefused("c-three")).toBe(2);
    expect(await store.steps()).toEqual([]);
  });

  it("stops (and keeps the steps) when signed out or the server fails", async () => {
    for (const status of [401, 500, 503, 429]) {
      const store = await fresh();
      await store.addStep(openStep(`c-s${status}`), localCase(`c-s${status}`));
      const server = fakeServer(() => ({ ok: false, error: { status, code: "x", message: "x" } }));
      const outcome = await flushSteps(store, server.post, server.noView);
      expect(outcome.stopped).not.toBeNull();
      expect((await store.steps()).map((s) => s.state)).toEqual(["waiting"]);
      await store.acknowledge((await store.steps())[0], { type: "note_added", data: { text: "x" }, at: "", actor: amira }, 9, "x");
    }
  });

  it("drops waiting steps the server turns out to have already (an answer that never arrived)", async () => {
    const store = await fresh();
    await store.addStep(openStep("c-seven"), localCase("c-seven"));
    const note = await store.addStep(noteStep("c-seven", "answered but lost"));
    await store.saveServerView({
      ...localCase("c-seven"),
      reference: "C-XYZ789",
      log: [
        {
          type: "case_opened",
          data: { reference: "C-XYZ789", locationId: "loc-harbour", authorityLimitCents: 1500, practice: false },
          at: "2026-11-23T12:00:00.000Z",
          actor: amira,
          clientEventId: (await store.steps())[0].clientEventId,
        },
        {
          type: "note_added",
          data: { text: "answered but lost" },
          at: "2026-11-23T12:00:01.000Z",
          actor: amira,
          clientEventId: note.clientEventId,
        },
      ],
    });
    expect(await store.steps()).toEqual([]);
    expect((await store.getCase("c-seven"))?.log).toHaveLength(2);
  });
});

describe("steps survive a closed tab", () => {
  it("are still in IndexedDB when the store is opened again", async () => {
    const first = await IdbTabletStore.open();
    const step = await first.addStep(openStep("c-durable"), localCase("c-durable"));
    const second = await IdbTabletStore.open();
    expect((await second.steps()).find((s) => s.seq === step.seq)?.clientEventId).toBe(step.clientEventId);
    expect(await second.getCase("c-durable")).toMatchObject({ id: "c-durable", reference: null });
  });
});

describe("the local fold's view of a case", () => {
  it("applies waiting steps after the server's log, stops at a refused one, and never counts a step twice", () => {
    const confirmed = [
      {
        type: "case_opened" as const,
        data: { reference: "C-1", locationId: "loc-harbour", authorityLimitCents: 0, practice: false },
        at: "2026-11-23T12:00:00.000Z",
        actor: amira,
        clientEventId: "open-id-0001",
      },
      {
        type: "note_added" as const,
        data: { text: "on the server" },
        at: "2026-11-23T12:00:01.000Z",
        actor: amira,
        clientEventId: "dup-id-0001",
      },
    ];
    const step = (seq: number, id: string, state: "waiting" | "refused") => ({
      ...noteStep("c", id),
      seq,
      clientEventId: id,
      sessionId: null,
      seal: null,
      state,
      refusal: state === "refused" ? { status: 409, code: "playbook_refused", message: "no" } : undefined,
    });
    const merged = mergeLog(
      confirmed,
      [
        step(1, "dup-id-0001", "waiting"),
        step(2, "new-id-0001", "waiting"),
        step(3, "bad-id-0001", "refused"),
        step(4, "late-id-0001", "waiting"),
      ],
      "C-1",
    );
    expect(merged.log.map((e) => (e.type === "note_added" ? e.data.text : e.type))).toEqual([
      "case_opened",
      "on the server",
      "new-id-0001",
    ]);
    expect(merged.waiting).toBe(2);
    expect(merged.refused?.held).toBe(1);
  });

  it("builds the request the server expects", () => {
    const open = { ...openStep("c-req"), seq: 1, sessionId: null, seal: null, state: "waiting" as const };
    expect(requestFor(open)).toEqual({
      url: "/api/cases",
      body: { clientEventId: open.clientEventId, caseId: "c-req", locationId: "loc-harbour", practice: false, capturedAt: open.capturedAt },
    });
  });

  it("a sealed step of a case names the case beside the seal (the server reads it with the key); an opening and an ended session's step do not", () => {
    const seal = { keyId: "k", iv: "i", data: "d" };
    const note = { ...noteStep("c-req", "Sealed"), seq: 2, sessionId: "s1", seal, state: "waiting" as const };
    expect(requestFor(note)).toEqual({ url: "/api/steps/sealed", body: { ...seal, caseId: "c-req" } });
    const open = { ...openStep("c-req"), seq: 1, sessionId: "s1", seal, state: "waiting" as const };
    expect(requestFor(open)).toEqual({ url: "/api/steps/sealed", body: seal });
    const { body: _body, actor: _actor, ...ended } = note;
    expect(requestFor(ended)).toEqual({ url: "/api/steps/sealed", body: { ...seal, ended: true } });
  });
});
