import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent } from "@/lib/cases/append-event";
import { loadCaseLog } from "@/lib/cases/case-log";
import type { AppendResult } from "@/lib/cases/client-event";
import { getCase } from "@/lib/cases/get-case";
import { openCase } from "@/lib/cases/open-case";
import type { ApiResult } from "@/lib/client/api";
import { flushSteps, toLocalCase, type FetchView, type Post } from "@/lib/tablet/field-sync";
import { MemoryTabletStore, type EventBody, type TabletStore } from "@/lib/tablet/tablet-store";
import { isAppError } from "@/lib/errors";
import { fold, projectCase } from "@/lib/playbook";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";

/** The demo venues keep London time: the projection needs the venue's clock for the case's day. */
const LONDON_VENUE = { timeZone: "Europe/London" };

/**
 * Two tablets on one case, both losing the Wi-Fi: each records steps on top of what it last saw,
 * then both send at once over a network that drops requests and answers. The tablets run the
 * real queue (lib/tablet/field-sync.ts) against the real use-cases. Whatever the interleaving:
 * every step is stored once or refused with a reason — never lost, never doubled — each
 * tablet's steps keep their order, and the projection equals the fold of the log.
 */
const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const ben = actorFor("usr-ben");

type Network = "ok" | "lost-request" | "lost-answer";
const offline = { ok: false as const, error: { status: 0, code: "offline", message: "No connection." } };

/** The server as a tablet reaches it, with a network that behaves as `next()` says. */
function serverFor(actor: Actor, next: () => Network): { post: Post; view: FetchView } {
  const post: Post = async (url, body): Promise<ApiResult<AppendResult>> => {
    const network = next();
    if (network === "lost-request") return offline;
    try {
      const match = /^\/api\/cases\/([^/]+)\/events$/.exec(url);
      const result = match ? await appendEvent(db, actor, decodeURIComponent(match[1]), body) : await openCase(db, actor, body);
      return network === "lost-answer" ? offline : { ok: true, data: result };
    } catch (error) {
      if (!isAppError(error)) throw error;
      return { ok: false, error: { status: error.status, code: error.code, message: error.message } };
    }
  };
  const view: FetchView = async (caseId) => toLocalCase(await getCase(db, actor, caseId));
  return { post, view };
}

const STEPS: Record<string, EventBody["event"]> = {
  heard: {
    type: "complaint_heard",
    data: { customerWords: "The soup is cold", category: "food_quality", severity: 2, spot: "Table 4", mood: "upset" },
  },
  heardOther: {
    type: "complaint_heard",
    data: { customerWords: "We waited an hour", category: "wait_time", severity: 3, spot: "Table 4", mood: "angry" },
  },
  validated: { type: "feeling_validated", data: { feeling: "frustrated", acknowledged: true } },
  apologised: { type: "apology_given", data: { sincere: true, ourFault: true } },
  note: { type: "note_added", data: { text: "Regular guest" } },
};
const stepName = fc.constantFrom(...Object.keys(STEPS));
let run = 0;

async function record(store: TabletStore, actor: Actor, caseId: string, names: string[]) {
  for (const [i, name] of names.entries()) {
    await store.addStep({
      caseId,
      clientEventId: `tt${run}-${actor.id}-${i}-${name}`,
      actor: { id: actor.id, role: actor.role },
      capturedAt: new Date(Date.now() + i).toISOString(),
      body: { kind: "event", event: STEPS[name] },
    });
  }
}

describe("two tablets on one case, offline then racing to send", () => {
  it("store every step once or refuse it, keep each tablet's order, and keep the projection equal to the fold", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepName, { minLength: 1, maxLength: 6 }),
        fc.array(stepName, { minLength: 1, maxLength: 6 }),
        fc.infiniteStream(fc.constantFrom<Network>("ok", "ok", "ok", "lost-request", "lost-answer")),
        async (amiraSteps, benSteps, networkStream) => {
          run++;
          const network = networkStream[Symbol.iterator]();
          const next = () => network.next().value as Network;
          const tablets = [
            { actor: amira, store: new MemoryTabletStore(), server: serverFor(amira, next) },
            { actor: ben, store: new MemoryTabletStore(), server: serverFor(ben, next) },
          ];
          // Amira opens the case; both tablets have seen it before the Wi-Fi goes.
          const { caseId } = await openCase(db, amira, {
            clientEventId: `tt${run}-open`,
            caseId: `ctwotablets${String(run).padStart(14, "0")}`,
          });
          for (const t of tablets) await t.store.saveServerView(toLocalCase(await getCase(db, t.actor, caseId)));
          await record(tablets[0].store, amira, caseId, amiraSteps);
          await record(tablets[1].store, ben, caseId, benSteps);
          const captured = new Map<string, string[]>();
          for (const t of tablets)
            captured.set(
              t.actor.id,
              (await t.store.steps()).map((s) => s.clientEventId),
            );

          // Both send at once, again and again, until nothing they can send is waiting.
          for (let round = 0; round < 60; round++) {
            await Promise.all(tablets.map((t) => flushSteps(t.store, t.server.post, t.server.view)));
            const waiting = (await Promise.all(tablets.map((t) => t.store.steps()))).flat().filter((s) => s.state === "waiting");
            const stuck = waiting.filter((s) => !tablets.some((t) => t.actor.id === s.actor.id));
            if (waiting.length === stuck.length) break;
          }

          const rows = await db.caseEvent.findMany({ where: { caseId }, orderBy: { sequence: "asc" } });
          expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
          expect(new Set(rows.map((r) => r.clientEventId)).size).toBe(rows.length);
          const stored = rows.map((r) => r.clientEventId);

          for (const t of tablets) {
            const left = await t.store.steps();
            const mine = captured.get(t.actor.id) ?? [];
            // Each step is on the server once, or still on the tablet as refused (or held behind one).
            for (const id of mine) {
              const onServer = stored.filter((s) => s === id).length;
              const onTablet = left.filter((s) => s.clientEventId === id);
              expect(onServer + onTablet.length, `step ${id}`).toBe(1);
            }
            const refusedHere = left.filter((s) => s.state === "refused");
            expect(refusedHere.length).toBe(left.length ? 1 : 0);
            for (const step of refusedHere) expect(step.refusal?.message).toBeTruthy();
            // The steps of one tablet reach the server in the order they were captured.
            const order = mine.filter((id) => stored.includes(id)).map((id) => stored.indexOf(id));
            expect([...order].sort((a, b) => a - b)).toEqual(order);
            // And after its next look at the server (the page polls), the tablet's copy is the server's.
            const fresh = await t.server.view(caseId);
            if (fresh) await t.store.saveServerView(fresh);
            expect((await t.store.getCase(caseId))?.log.map((e) => e.clientEventId)).toEqual(stored);
          }

          const log = await loadCaseLog(db, caseId);
          const expected = projectCase(fold(log), LONDON_VENUE).row;
          const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
          for (const [key, value] of Object.entries(expected)) expect(row[key as keyof typeof row], key).toEqual(value);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("refuses a reused step id carrying a different step with a clear reason, and stores a repeat once", async () => {
    const { caseId } = await openCase(db, amira, { clientEventId: "tt-conflict-open" });
    const step = { clientEventId: "tt-conflict-step", event: STEPS.heard };
    const first = await appendEvent(db, amira, caseId, step);
    expect(await appendEvent(db, ben, caseId, step)).toEqual({ ...first, duplicate: true });
    await expect(appendEvent(db, ben, caseId, { ...step, event: STEPS.heardOther })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already used for a different step/),
    });
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(2);
  });

  it("opens a case under the id the tablet chose, once, and refuses that id for another opening", async () => {
    const caseId = "ctabletchosen0000000000000001";
    const opened = await openCase(db, amira, { clientEventId: "tt-chosen-open", caseId });
    expect(opened.caseId).toBe(caseId);
    expect(await openCase(db, amira, { clientEventId: "tt-chosen-open", caseId })).toEqual({ ...opened, duplicate: true });
    await expect(openCase(db, ben, { clientEventId: "tt-chosen-other", caseId })).rejects.toMatchObject({ code: "conflict" });
    await expect(openCase(db, ben, { clientEventId: "tt-bad-id", caseId: "../../etc" })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await db.case.count({ where: { id: caseId } })).toBe(1);
  });

  it("keeps the time a step was captured offline, never before the previous step nor after now", async () => {
    const { caseId } = await openCase(db, amira, {
      clientEventId: "tt-time-open",
      capturedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const earlier = new Date(Date.now() - 30_000).toISOString();
    const heard = await appendEvent(db, amira, caseId, { clientEventId: "tt-time-1", event: STEPS.heard, capturedAt: earlier });
    expect(heard.at).toBe(earlier);
    const backwards = await appendEvent(db, amira, caseId, {
      clientEventId: "tt-time-2",
      event: STEPS.note,
      capturedAt: "2020-01-01T00:00:00Z",
    });
    expect(backwards.at).toBe(earlier);
    const future = await appendEvent(db, amira, caseId, {
      clientEventId: "tt-time-3",
      event: STEPS.note,
      capturedAt: "2999-01-01T00:00:00Z",
    });
    expect(Date.parse(future.at)).toBeLessThanOrEqual(Date.now());
  });
});
