"use client";

import { useEffect } from "react";
import { fieldSync } from "@/lib/tablet/tablet";
import type { TabletContext } from "@/lib/tablet/tablet-store";
import { useTabletStore } from "./use-tablet";

/**
 * Mounted on the staff pages and the sign-in page: starts sending the steps waiting on this tablet
 * (now, when the network returns, when the tablet wakes) — the signed-in person's and those sealed
 * in sessions that have ended — and, given a context, keeps what the coach needs to open a case
 * without a connection.
 */
export function TabletSetup({ context }: { context?: Omit<TabletContext, "savedAt"> }) {
  const store = useTabletStore();
  useEffect(() => {
    if (!store) return;
    let stop: (() => void) | null = null;
    let live = true;
    void fieldSync()
      .then(({ startFieldSync }) => {
        if (live) stop = startFieldSync(store);
      })
      .catch(() => undefined); // offline before the sync was ever fetched: the next page load starts it
    return () => {
      live = false;
      stop?.();
    };
  }, [store]);
  useEffect(() => {
    if (store && context) void store.putContext({ ...context, savedAt: new Date().toISOString() });
  }, [store, context]);
  return null;
}
