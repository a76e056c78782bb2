import { openDB } from "idb";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { appendSealedStep } from "@/lib/steps/append-sealed-step";
import { registerSealKey } from "@/lib/steps/register-seal-key";
import type { Post } from "@/lib/tablet/field-sync";
import { endLocalSession } from "@/lib/tablet/local-session";
import { createSealKey } from "@/lib/tablet/seal";
import { DB_NAME, type LocalSession, type TabletStore } from "@/lib/tablet/tablet-store";

/**
 * What the sign-in page does after a PIN, on a paired tablet: a server session, a seal key agreed
 * with it, and the tablet's own record of the session (the previous person's ended first).
 */
export function tabletSignIn(db: Db, tablet: { deviceId: string; deviceToken: string }) {
  return async (store: TabletStore, userId: string, locationId = "loc-harbour") => {
    const { token } = await createSession(db, userId, locationId, new Date(), tablet.deviceId);
    const actor = await resolveSession(db, token, new Date(), tablet.deviceToken);
    if (!actor?.sessionId) throw new Error("no session");
    const seal = await createSealKey(async (publicKey) => registerSealKey(db, actor, { publicKey }));
    if ((await store.getSession()) !== undefined) await endLocalSession(store);
    const now = Date.now();
    const local: LocalSession = {
      sessionId: actor.sessionId,
      user: { id: actor.id, name: actor.name, role: actor.role },
      locationId,
      startedAt: now,
      lastActiveAt: now,
      idleMs: 30 * 60_000,
      seal,
    };
    await store.putSession(local);
    return { token, actor, local };
  };
}

/**
 * The network between tablet and server: sealed steps go to the real use-case, as the route sends
 * them; while `isDown()` says so, every request fails as a dropped connection does.
 */
export function sealedStepNetwork(db: Db, isDown: () => boolean = () => false): Post {
  return async (url, body) => {
    if (isDown()) return { ok: false, error: { status: 0, code: "offline", message: "No connection." } };
    if (url !== "/api/steps/sealed") throw new Error(`unexpected ${url}`);
    try {
      return { ok: true, data: await appendSealedStep(db, body) };
    } catch (error) {
      if (!isAppError(error)) throw error;
      return { ok: false, error: { status: error.status, code: error.code, message: error.message } };
    }
  };
}

/** Everything IndexedDB holds for this app, as text: what someone with the tablet's storage could read. */
export async function everythingStored(): Promise<string> {
  const raw = await openDB(DB_NAME);
  const dump: Record<string, unknown[]> = {};
  for (const name of raw.objectStoreNames) dump[name] = await raw.getAll(name);
  raw.close();
  return JSON.stringify(dump);
}
