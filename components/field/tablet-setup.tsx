"use client";

import { useEffect } from "react";
import { fieldSync } from "@/lib/client/tablet";
import type { TabletContext } from "@/lib/client/tablet-store";
import { useTabletStore } from "./use-tablet";

/**
 * Mounted on the staff pages: starts sending this person's waiting steps (now, when the network
 * returns, when the tablet wakes) and, given a context, keeps what the coach needs to open a case
 * without a connection.
 */
export function TabletSetup({ actorId, context }: { actorId: string; context?: Omit<TabletContext, "savedAt"> }) {
  const store = useTabletStore();
  useEffect(() => {
    if (!store) return;
    let stop: (() => void) | null = null;
    let live = true;
    void fieldSync()
      .then(({ startFieldSync }) => {
        if (live) stop = startFieldSync(store, actorId);
      })
      .catch(() => undefined); // offline before the sync was ever fetched: the next page load starts it
    return () => {
      live = false;
      stop?.();
    };
  }, [store, actorId]);
  useEffect(() => {
    if (store && context) void store.putContext({ ...context, savedAt: new Date().toISOString() });
  }, [store, context]);
  return null;
}
