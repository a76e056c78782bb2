// What the sync is doing, readable during render (useSyncExternalStore). Kept apart from the
// sync itself (field-sync.ts), which loads after the page is up (lib/tablet/tablet.ts).

/** Why a flush stopped before the end; null when everything it could send went. */
export type Stop = "offline" | "signed-out" | "server" | "busy" | null;
export type FlushOutcome = { sent: number; refused: number; stopped: Stop };

export type SyncStatus = {
  online: boolean;
  flushing: boolean;
  last: FlushOutcome | null;
  /** navigator.storage.persist(): may the browser clear this tablet's data when space runs low? */
  storage: "persistent" | "refused" | "unsupported" | "unknown";
};

let status: SyncStatus = { online: true, flushing: false, last: null, storage: "unknown" };
const listeners = new Set<() => void>();

export function syncStatus(): SyncStatus {
  return status;
}
export function onSyncStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export function setSyncStatus(patch: Partial<SyncStatus>): void {
  status = { ...status, ...patch };
  for (const listener of [...listeners]) listener();
}
