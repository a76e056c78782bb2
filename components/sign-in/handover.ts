import { fieldSync, localSession, tabletStore } from "@/lib/tablet/tablet";
import type { TabletStore } from "@/lib/tablet/tablet-store";

let done: Promise<TabletStore> | null = null;

/**
 * On the sign-in page nobody is signed in, so whatever session this tablet still holds is over
 * (signed out, timed out, ended on the server, cookie gone): end it here too, leaving only sealed
 * steps. Once per page, and always before a new sign-in is recorded (finish-sign-in.ts waits for
 * it), so it can never end the session that is just starting.
 */
export function handOver(): Promise<TabletStore> {
  done ??= (async () => {
    const [store, sessions] = await Promise.all([tabletStore(), localSession()]);
    if ((await store.getSession()) !== undefined) await sessions.endLocalSession(store);
    return store;
  })();
  return done;
}

/** Sends the sealed steps earlier sessions left here, now and whenever the network comes back. */
export async function startSending(store: TabletStore): Promise<() => void> {
  return (await fieldSync()).startFieldSync(store);
}
