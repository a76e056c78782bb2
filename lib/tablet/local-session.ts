import type { Role } from "@/lib/playbook";
import { getJson, postJson } from "@/lib/client/api";
import { canSeal, createSealKey } from "./seal";
import type { LocalCase, LocalSession, NewStep, Step, TabletStore } from "./tablet-store";

/**
 * The session signed in on this tablet, as the tablet keeps it (docs/decisions/0013-sealed-steps.md):
 * established right after sign-in (and again on any page that finds it missing), ended by
 * sign-out, switch user, the idle time-out, or the server saying the session is over. Ending it
 * leaves only sealed steps behind.
 */

type SessionInfo = { sessionId: string; user: { id: string; name: string; role: Role }; locationId: string | null; idleMs: number };

export type Established = { ok: true; session: LocalSession } | { ok: false; reason: "no-cookie" | "offline" | "error"; message: string };

/** Said when the browser dropped the session cookie (Safari over plain http, or cookies blocked). */
export const COOKIE_NOT_KEPT =
  "You signed in, but this browser did not keep the sign-in, so the next page would sign you out again. " +
  "This happens when the app is opened over plain http from another device (Safari refuses secure cookies there) " +
  "or when the browser blocks cookies. Open the app over https — or, to try it out, start it with `npm run demo`, which allows plain http on your own network.";

/** Reads who the server says this browser is, and makes (or keeps) the tablet's record and seal key for it. */
export async function establishSession(store: TabletStore): Promise<Established> {
  const info = await getJson<SessionInfo>("/api/session", { quiet: true });
  if (!info.ok) {
    if (info.error.status === 401) return { ok: false, reason: "no-cookie", message: COOKIE_NOT_KEPT };
    return { ok: false, reason: info.error.status === 0 ? "offline" : "error", message: info.error.message };
  }
  const { sessionId, user, locationId, idleMs } = info.data;
  // A session this tablet already ended (without Wi-Fi, so the server was not told): never again.
  if ((await store.pendingSignOut())?.sessionId === sessionId) {
    await signOutOnServer(store);
    return { ok: false, reason: "no-cookie", message: "That session was ended on this tablet." };
  }
  const existing = await store.getSession();
  if (existing && existing.sessionId !== sessionId) await endLocalSession(store);
  else if (existing && (existing.seal || !canSeal())) {
    await store.touchSession(Date.now());
    return { ok: true, session: existing };
  }
  const seal = canSeal()
    ? await createSealKey(async (publicKey) => {
        const answer = await postJson<{ keyId: string; serverKey: { kty: "EC"; crv: "P-256"; x: string; y: string } }>(
          "/api/session/seal-key",
          { publicKey },
        );
        return answer.ok ? answer.data : null;
      }).catch(() => null)
    : null;
  const now = Date.now();
  const session: LocalSession = { sessionId, user, locationId, startedAt: now, lastActiveAt: now, idleMs, seal };
  await store.putSession(session);
  return { ok: true, session };
}

/** Stores a step of the session signed in here, establishing the tablet's record first if it is missing. */
export async function captureStep(store: TabletStore, step: NewStep, newCase?: LocalCase): Promise<Step> {
  const session = await store.getSession();
  if (!session || session.user.id !== step.actor.id) await establishSession(store);
  return store.addStep(step, newCase);
}

/** Tells the service worker to drop every kept page (they show names and cases). */
async function forgetKeptPages(): Promise<void> {
  const worker = typeof navigator !== "undefined" ? navigator.serviceWorker?.controller : null;
  if (!worker) return;
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(resolve, 3000);
    channel.port1.onmessage = () => {
      clearTimeout(timer);
      resolve();
    };
    worker.postMessage({ type: "forget-pages" }, [channel.port2]);
  });
}

/**
 * The session is over on this tablet: its steps keep only their seals (still sent, still its
 * person's), and its cases, context and kept pages go; then the server is told. Without Wi-Fi the
 * tablet remembers to tell it, and the service worker does so before it lets any page load
 * (public/sw.js): the cookie left behind must never let the next person in as this one.
 * Safe to call when nothing is signed in.
 */
export async function endLocalSession(store: TabletStore): Promise<void> {
  await store.endSession();
  await forgetKeptPages().catch(() => undefined);
  await signOutOnServer(store);
}

/** Tells the server about a session this tablet ended, if it has not been told yet. True when nothing is left to tell. */
export async function signOutOnServer(store: TabletStore): Promise<boolean> {
  const pending = await store.pendingSignOut();
  if (!pending) return true;
  const result = await postJson("/api/session/sign-out", { sessionId: pending.sessionId });
  if (!result.ok) return false;
  await store.clearPendingSignOut(pending.sessionId);
  return true;
}

/** Whether a kept session has gone quiet for longer than the server would keep it. */
export function isIdle(session: LocalSession, now = Date.now()): boolean {
  return now - session.lastActiveAt > session.idleMs;
}
