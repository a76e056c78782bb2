import type { AppendResult } from "@/lib/cases/client-event";
import { PLAYBOOK_REVISION } from "@/lib/playbook/revision";
import type { ApiResult } from "./api";
import { getJson, postJson } from "./api";
import { setSyncStatus as setStatus, syncStatus, type FlushOutcome, type Stop, type SyncStatus } from "./sync-status";
import type { LocalCase, LoggedEvent, Step, TabletStore } from "./tablet-store";

/**
 * Sends the steps waiting on this tablet, oldest first, each with its own client id — so a step
 * whose answer was lost is simply sent again and recorded once. Only the signed-in person's steps
 * go (they are recorded as theirs). A step the server refuses is kept, marked, and holds back the
 * later steps of the same case (they were captured on top of it) until someone looks at it.
 */

export type { FlushOutcome, Stop, SyncStatus } from "./sync-status";

export type Post = (url: string, body: unknown) => Promise<ApiResult<AppendResult>>;
export type FetchView = (caseId: string) => Promise<LocalCase | null>;

export function requestFor(step: Step): { url: string; body: Record<string, unknown> } {
  if (step.body.kind === "open") {
    const { locationId, practice } = step.body;
    return { url: "/api/cases", body: { clientEventId: step.clientEventId, caseId: step.caseId, locationId, practice, capturedAt: step.capturedAt } };
  }
  return {
    url: `/api/cases/${encodeURIComponent(step.caseId)}/events`,
    body: { clientEventId: step.clientEventId, event: step.body.event, capturedAt: step.capturedAt },
  };
}

/** The event as the server stored it, to extend this tablet's copy of the case's log. */
export function loggedFor(step: Step, result: AppendResult): LoggedEvent {
  const base = { at: result.at, actor: step.actor, clientEventId: step.clientEventId };
  if (step.body.kind === "open") {
    const { locationId, practice, authorityLimitCents } = step.body;
    return { type: "case_opened", data: { reference: result.reference, locationId, authorityLimitCents, practice, revision: PLAYBOOK_REVISION }, ...base };
  }
  return { ...step.body.event, ...base };
}

function stopFor(status: number): Stop {
  if (status === 0) return "offline";
  if (status === 401) return "signed-out";
  if (status === 423 || status === 429) return "busy";
  if (status >= 500) return "server";
  return null;
}

export async function flushSteps(store: TabletStore, actorId: string, post: Post = postJson, fetchView: FetchView = fetchServerView): Promise<FlushOutcome> {
  const outcome: FlushOutcome = { sent: 0, refused: 0, stopped: null };
  const held = new Set<string>();
  const touched = new Set<string>();
  for (const step of await store.steps()) {
    if (held.has(step.caseId)) continue;
    // Someone else's step, or one already refused, holds back the rest of its case.
    if (step.actor.id !== actorId || step.state === "refused") {
      held.add(step.caseId);
      continue;
    }
    const { url, body } = requestFor(step);
    const result = await post(url, body);
    if (result.ok) {
      await store.acknowledge(step, loggedFor(step, result.data), result.data.sequence, result.data.reference);
      outcome.sent++;
      touched.add(step.caseId);
      continue;
    }
    const stop = stopFor(result.error.status);
    if (stop) {
      outcome.stopped = stop;
      break;
    }
    await store.refuse(step.seq, { status: result.error.status, code: result.error.code, message: result.error.message });
    outcome.refused++;
    held.add(step.caseId);
    touched.add(step.caseId);
  }
  // Bring this tablet's copy of each case up to the server's (another tablet may have added steps).
  if (outcome.stopped !== "offline") {
    for (const caseId of touched) {
      const view = await fetchView(caseId);
      if (view) await store.saveServerView(view);
    }
  }
  return outcome;
}

type ServerView = {
  id: string;
  reference: string;
  locationId: string;
  locationName: string;
  openedByName: string;
  log: LoggedEvent[];
};

export function toLocalCase(view: ServerView): LocalCase {
  const { id, reference, locationId, locationName, openedByName, log } = view;
  return { id, reference, locationId, locationName, openedByName, log, updatedAt: new Date().toISOString() };
}

export async function fetchServerView(caseId: string): Promise<LocalCase | null> {
  const result = await getJson<ServerView>(`/api/cases/${encodeURIComponent(caseId)}`);
  return result.ok ? toLocalCase(result.data) : null;
}

// ---------------------------------------------------------------------------------------------
// When to flush: at start-up, when the network comes back, when the tablet wakes, after each
// new step, and every little while as long as something is waiting (Wi-Fi that returns without
// an `online` event). One flush at a time per tablet: a Web Lock spans this tablet's tabs.
// ---------------------------------------------------------------------------------------------

let running: Promise<FlushOutcome> | null = null;
let again = false;

async function withTabletLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? locks.request("coach-step-sync", work) : work();
}

/** Flushes now, or right after the flush already under way. */
export function requestFlush(store: TabletStore, actorId: string): Promise<FlushOutcome> {
  if (running) {
    again = true;
    return running;
  }
  setStatus({ flushing: true });
  running = (async () => {
    let outcome: FlushOutcome;
    do {
      again = false;
      outcome = await withTabletLock(() => flushSteps(store, actorId));
      setStatus({ last: outcome, online: outcome.stopped !== "offline" });
    } while (again && outcome.stopped === null);
    return outcome;
  })().finally(() => {
    running = null;
    setStatus({ flushing: false });
  });
  return running;
}

export async function askForPersistentStorage(): Promise<SyncStatus["storage"]> {
  const storage = typeof navigator !== "undefined" ? navigator.storage : undefined;
  if (!storage?.persist || !storage.persisted) return "unsupported";
  try {
    const granted = (await storage.persisted()) || (await storage.persist());
    return granted ? "persistent" : "refused";
  } catch {
    return "refused";
  }
}

const RETRY_MS = 15_000;
let started: { actorId: string; stop: () => void; users: number } | null = null;

/** Starts the triggers for this page (idempotent per actor); returns a function to stop them. */
export function startFieldSync(store: TabletStore, actorId: string): () => void {
  if (started?.actorId === actorId) {
    started.users++;
  } else {
    started?.stop();
    const flush = () => void requestFlush(store, actorId);
    const onOnline = () => {
      setStatus({ online: true });
      flush();
    };
    const onOffline = () => setStatus({ online: false });
    const onVisible = () => {
      if (document.visibilityState === "visible") flush();
    };
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    document.addEventListener("visibilitychange", onVisible);
    const timer = window.setInterval(async () => {
      if ((await store.steps()).some((s) => s.state === "waiting" && s.actor.id === actorId)) flush();
    }, RETRY_MS);
    setStatus({ online: navigator.onLine });
    flush();
    if (syncStatus().storage === "unknown") void askForPersistentStorage().then((storage) => setStatus({ storage }));
    void store.forgetCasesBefore(new Date(Date.now() - 3 * 24 * 60 * 60 * 1000));
    started = {
      actorId,
      users: 1,
      stop: () => {
        window.removeEventListener("online", onOnline);
        window.removeEventListener("offline", onOffline);
        document.removeEventListener("visibilitychange", onVisible);
        window.clearInterval(timer);
      },
    };
  }
  const mine = started;
  return () => {
    if (started !== mine || !mine) return;
    if (--mine.users === 0) {
      mine.stop();
      started = null;
    }
  };
}
