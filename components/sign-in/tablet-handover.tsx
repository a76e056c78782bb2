"use client";

import { useEffect } from "react";
import { fieldSync, localSession, tabletStore } from "@/lib/client/tablet";

/**
 * On the sign-in page nobody is signed in, so whatever session this tablet still holds is over
 * (signed out, timed out, ended on the server, cookie gone): end it here too, leaving only sealed
 * steps — and send those as soon as there is a connection, as their authors'.
 */
export function TabletHandover() {
  useEffect(() => {
    let live = true;
    let stop: () => void = () => undefined;
    void (async () => {
      const [store, sessions, sync] = await Promise.all([tabletStore(), localSession(), fieldSync()]);
      if ((await store.getSession()) !== undefined) await sessions.endLocalSession(store);
      if (live) stop = sync.startFieldSync(store);
    })().catch(() => undefined);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return null;
}
