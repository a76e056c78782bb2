import type { AppendResult } from "@/lib/cases/client-event";
import { PLAYBOOK_REVISION } from "@/lib/playbook/revision";
import type { ApiResult } from "@/lib/client/api";
import { getJson, postJson } from "@/lib/client/api";
import { setSyncStatus as setStatus, syncStatus, type FlushOutcome, type Stop, type SyncStatus } from "./sync-status";
import { isCaseStep, isHeadsUpStep } from "./step-kinds";
import type { CaseStep, EndedStep, LocalCase, LoggedEvent, Step, TabletStore } from "./tablet-store";

/**
 * Sends the steps waiting on this tablet, oldest first, each with its own client id — so a step
 * whose answer was lost is simply sent again and recorded once. Each goes sealed
 * (/api/steps/sealed): the seal says whose step it is, so the steps of a session that has ended
 * still go, as their author's, whoever is signed in now (or nobody). Where the browser could not
 * seal (no WebCrypto on plain http), the current session's steps go with its cookie. A step the
 * server refuses is kept, marked, and holds back the later steps of the same case (they were
 * captured on top of it) until someone looks at it.
 */

export type { FlushOutcome, Stop, SyncStatus } from "./sync-status";

/** A sealed step the server kept aside because its session had ended and the case no longer takes it. */
export type HeldResult = { held: true; clientEventId: string; code: string; message: string };
/** What the server answers for a heads-up sent from here (raised or ended: the heads-up's id; told: the table's heads-up case). */
export type HeadsUpSent = { id: string; duplicate: boolean } | { caseId: string; reference: string; duplicate: boolean };
export type Post = (url: string, body: unknown) => Promise<ApiResult<AppendResult | HeadsUpSent | HeldResult>>;
export type FetchView = (caseId: string) => Promise<LocalCase | null>;

export const isReadable = (step: Step | EndedStep): step is Step => "body" in step && "actor" in step;

/** What to send for a step: its seal, or (unsealed, current session only) the plain request; null when it cannot be sent. */
export function requestFor(step: Step | EndedStep): { url: string; body: Record<string, unknown> } | null {
  if (step.seal) {
    // A live session's case step names its case beside the seal, so the server reads the case with
    // the key, in one statement (docs/decisions/0041). The seal still decides which case it is.
    const beside = isReadable(step) && isCaseStep(step) && step.body.kind === "event" ? { caseId: step.caseId } : {};
    return { url: "/api/steps/sealed", body: { ...step.seal, ...beside, ...(isReadable(step) ? {} : { ended: true }) } };
  }
  if (!isReadable(step)) return null;
  if (step.body.kind === "heads_up_raise") {
    return { url: "/api/heads-ups", body: { clientEventId: step.clientEventId, ...step.body.raise } };
  }
  if (step.body.kind === "heads_up_tell") {
    return {
      url: `/api/heads-ups/${encodeURIComponent(step.body.alertId)}/tables`,
      body: { clientEventId: step.clientEventId, ...step.body.tell },
    };
  }
  if (step.body.kind === "heads_up_end") {
    return {
      url: `/api/heads-ups/${encodeURIComponent(step.body.alertId)}/end`,
      body: { clientEventId: step.clientEventId, ...step.body.end },
    };
  }
  if (step.body.kind === "open") {
    const { locationId, practice } = step.body;
    return {
      url: "/api/cases",
      body: { clientEventId: step.clientEventId, caseId: step.caseId, locationId, practice, capturedAt: step.capturedAt },
    };
  }
  return {
    url: `/api/cases/${encodeURIComponent(step.caseId)}/events`,
    body: { clientEventId: step.clientEventId, event: step.body.event, capturedAt: step.capturedAt },
  };
}

/** The event as the server stored it, to extend this tablet's copy of the case's log. */
export function loggedFor(step: CaseStep, result: AppendResult): LoggedEvent {
  const base = { at: result.at, actor: step.actor, clientEventId: step.clientEventId };
  if (step.body.kind === "open") {
    const { locationId, practice, authorityLimitCents } = step.body;
    return {
      type: "case_opened",
      data: { reference: result.reference, locationId, authorityLimitCents, practice, revision: PLAYBOOK_REVISION },
      ...base,
    };
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

export async function flushSteps(store: TabletStore, post: Post = postJson, fetchView: FetchView = fetchServerView): Promise<FlushOutcome> {
  const outcome: FlushOutcome = { sent: 0, refused: 0, stopped: null };
  const held = new Set<string>();
  const touched = new Set<string>();
  for (const step of await store.pendingSteps()) {
    if (held.has(step.caseId)) continue;
    const request = step.state === "refused" ? null : requestFor(step);
    // A refused step, or one nobody here can send, holds back the rest of its case.
    if (!request) {
      held.add(step.caseId);
      continue;
    }
    const result = await post(request.url, request.body);
    if (result.ok) {
      const data = result.data;
      if ("held" in data) {
        await store.forgetStep(step.seq); // the server kept it, with the reason, for a manager to see
      } else if (isReadable(step) && isCaseStep(step)) {
        const appended = data as AppendResult;
        await store.acknowledge(step, loggedFor(step, appended), appended.sequence, appended.reference);
        touched.add(step.caseId);
      } else {
        // A heads-up (nothing of a complaint case to extend), or a step of an ended session.
        if (isReadable(step)) noteSent(step.clientEventId, data as HeadsUpSent);
        await store.forgetStep(step.seq); // nothing of a complaint case to extend
      }
      outcome.sent++;
      continue;
    }
    const stop = stopFor(result.error.status);
    if (stop) {
      outcome.stopped = stop;
      break;
    }
    if (!isReadable(step)) {
      // Nobody here can read or fix an ended session's step; the server refuses one only when its
      // seal is past keeping (a week): it goes.
      await store.forgetStep(step.seq);
      continue;
    }
    await store.refuse(step.seq, { status: result.error.status, code: result.error.code, message: result.error.message });
    outcome.refused++;
    held.add(step.caseId);
    if (!isHeadsUpStep(step)) touched.add(step.caseId);
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

// What became of the heads-ups sent from this page, by client id: the form that captured one
// opens it once it has gone (components/floor/). Memory only; a reload shows it on the floor.
const sentHeadsUps = new Map<string, HeadsUpSent>();
function noteSent(clientEventId: string, data: HeadsUpSent): void {
  sentHeadsUps.set(clientEventId, data);
  if (sentHeadsUps.size > 100) sentHeadsUps.delete(sentHeadsUps.keys().next().value ?? "");
}
/** The server's answer to a heads-up sent from this page, once it has been sent. */
export function sentHeadsUp(clientEventId: string): HeadsUpSent | undefined {
  return sentHeadsUps.get(clientEventId);
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
export function requestFlush(store: TabletStore): Promise<FlushOutcome> {
  if (running) {
    again = true;
    return running;
  }
  setStatus({ flushing: true });
  running = (async () => {
    let outcome: FlushOutcome;
    do {
      again = false;
      outcome = await withTabletLock(() => flushSteps(store));
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
let started: { store: TabletStore; stop: () => void; users: number } | null = null;

/** Starts the triggers for this page (idempotent); returns a function to stop them. */
export function startFieldSync(store: TabletStore): () => void {
  if (started?.store === store) {
    started.users++;
  } else {
    started?.stop();
    const flush = () => void requestFlush(store);
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
      if ((await store.pendingSteps()).some((s) => s.state === "waiting")) flush();
    }, RETRY_MS);
    setStatus({ online: navigator.onLine });
    flush();
    if (syncStatus().storage === "unknown") void askForPersistentStorage().then((storage) => setStatus({ storage }));
    void store.forgetCasesBefore(new Date(Date.now() - 3 * 24 * 60 * 60 * 1000));
    started = {
      store,
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
