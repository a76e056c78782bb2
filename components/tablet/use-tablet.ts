"use client";

import { startTransition, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { onSyncStatus, syncStatus, type SyncStatus } from "@/lib/tablet/sync-status";
import { whenIdle } from "@/lib/client/idle";
import { tabletStore } from "@/lib/tablet/tablet";
import type { EndedStep, Step, TabletStore } from "@/lib/tablet/tablet-store";

/** This tablet's store once it is open (IndexedDB, or memory where IndexedDB is missing). */
export function useTabletStore(): TabletStore | null {
  const [store, setStore] = useState<TabletStore | null>(null);
  // Opened once the page is idle, so it never delays the first paint; anything that needs it
  // sooner (a step recorded at once) opens it itself.
  useEffect(() => {
    let live = true;
    const cancel = whenIdle(() => {
      void tabletStore().then((s) => {
        if (live) startTransition(() => setStore(s));
      });
    });
    return () => {
      live = false;
      cancel();
    };
  }, []);
  return store;
}

const SERVER_STATUS: SyncStatus = { online: true, flushing: false, last: null, storage: "unknown" };

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(onSyncStatus, syncStatus, () => SERVER_STATUS);
}

/** The signed-in session's steps waiting (or refused) on this tablet, kept current as they are added and sent. */
export function useWaitingSteps(store: TabletStore | null): Step[] | null {
  return useStoreList(store, (s) => s.steps());
}

/** Sealed steps of sessions that have ended here: nobody can read them; they go as soon as they can. */
export function useEndedSteps(store: TabletStore | null): EndedStep[] | null {
  return useStoreList(store, (s) => s.endedSteps());
}

function useStoreList<T>(store: TabletStore | null, read: (store: TabletStore) => Promise<T[]>): T[] | null {
  const [steps, setSteps] = useState<T[] | null>(null);
  const reader = useRef(read);
  useEffect(() => {
    if (!store) return;
    let live = true;
    const load = () =>
      void reader.current(store).then((all) => {
        if (live) setSteps(all);
      });
    load();
    const off = store.onChange(load);
    return () => {
      live = false;
      off();
    };
  }, [store]);
  return steps;
}
