import type * as FieldSync from "./field-sync";
import type * as LocalSession from "./local-session";
import { loadOnce } from "@/lib/client/load-once";
import type { TabletStore } from "./tablet-store";

// The tablet's store (IndexedDB) and its sync load right after the page is up rather than with
// it. Opening IndexedDB is asynchronous anyway, so nothing waits longer for it, and the live
// coach's first script stays small (docs/decisions/0006-tablet-script-budget.md).

/** The step sync (lib/tablet/field-sync.ts), loaded once. */
export const fieldSync = loadOnce<typeof FieldSync>(() => import("./field-sync"));

/** This tablet's store: IndexedDB when the browser allows it, else memory (not durable). */
export async function tabletStore(): Promise<TabletStore> {
  return (await import("./tablet-store")).tabletStore();
}

/** Sends the waiting steps now; null when the sync could not even be loaded (offline). */
export async function requestFlush(store: TabletStore): Promise<FieldSync.FlushOutcome | null> {
  const sync = await fieldSync().catch(() => null);
  return sync ? sync.requestFlush(store) : null;
}

/** The session kept on this tablet (lib/tablet/local-session.ts), loaded once. */
export const localSession = loadOnce<typeof LocalSession>(() => import("./local-session"));

/** The server's copy of a case, or null when it cannot be had (offline, signed out, not found). */
export async function fetchServerView(caseId: string): Promise<Awaited<ReturnType<typeof FieldSync.fetchServerView>>> {
  const sync = await fieldSync().catch(() => null);
  return sync ? sync.fetchServerView(caseId) : null;
}
