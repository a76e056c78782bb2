"use client";

import { useEffect, useRef, useState } from "react";
import { whenIdle } from "@/lib/client/idle";
import { localSession, requestFlush, tabletStore } from "@/lib/tablet/tablet";
import { Button } from "./button";

const SEND_FIRST_MS = 3000;

/**
 * On a shared tablet, signing out is how the next person switches in. What this session captured
 * is sent first if the Wi-Fi allows; whatever cannot go yet stays sealed, still this person's,
 * and nothing readable of theirs is left (lib/tablet/local-session.ts). The page is then loaded
 * afresh, so nothing of theirs is left in memory either.
 *
 * Mounted on every signed-in page (in the header), it also watches the session: idle time-out,
 * and the server ending it (lib/tablet/session-watch.ts, loaded once the page is idle).
 */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const stopWatching = useRef<() => void>(() => undefined);

  useEffect(() => {
    let live = true;
    const cancel = whenIdle(() => {
      void Promise.all([tabletStore(), import("@/lib/tablet/session-watch")])
        .then(([store, watch]) => {
          if (live) stopWatching.current = watch.watchSession(store, (reason) => window.location.assign(`/sign-in?ended=${reason}`));
        })
        .catch(() => undefined); // offline before the watch was ever fetched: the server's idle time-out still applies
    });
    return () => {
      live = false;
      cancel();
      stopWatching.current();
    };
  }, []);

  async function switchUser() {
    setBusy(true);
    try {
      const store = await tabletStore();
      await Promise.race([requestFlush(store), new Promise((resolve) => setTimeout(resolve, SEND_FIRST_MS))]);
      // Only where steps cannot be sealed (plain http: no WebCrypto, nothing kept on the tablet).
      const unsent = store.durable ? 0 : (await store.steps()).filter((s) => !s.seal && s.state === "waiting").length;
      if (
        unsent > 0 &&
        !window.confirm(
          `${unsent} of your steps have not reached the server yet. On this connection the tablet cannot keep them after you sign out, so they would be lost. Sign out anyway?`,
        )
      ) {
        setBusy(false);
        return;
      }
      // This page ends the session itself: the watch must not race it to the sign-in page.
      stopWatching.current();
      await (await localSession()).endLocalSession(store);
    } catch {
      // Offline before the tablet's modules were ever fetched: the sign-in page finishes the job.
    }
    window.location.assign("/sign-in?ended=signed-out");
  }

  return (
    <Button variant="ghost" className="text-base" disabled={busy} onClick={() => void switchUser()}>
      {busy ? "Switching…" : "Switch user"}
    </Button>
  );
}
