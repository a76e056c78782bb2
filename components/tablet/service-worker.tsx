"use client";

import { usePathname } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import { whenIdle } from "@/lib/client/idle";

/**
 * Registers the service worker (public/sw.js) and, on every page shown (full loads and client
 * navigations alike), asks it to keep that page and the files it loaded, so the page opens
 * offline from then on. "ready" means this page and the case shell are both kept.
 */
type OfflineReadiness = "unsupported" | "preparing" | "ready";
let readiness: OfflineReadiness = "preparing";
const listeners = new Set<() => void>();
const setReadiness = (next: OfflineReadiness) => {
  readiness = next;
  for (const listener of [...listeners]) listener();
};

export function useOfflineReadiness(): OfflineReadiness {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => readiness,
    () => "preparing" as const,
  );
}

function loadedAssets(): string[] {
  return performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(`${location.origin}/_next/static/`));
}

function ask(worker: ServiceWorker, message: Record<string, unknown>): Promise<{ shellReady?: boolean; status?: number }> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = window.setTimeout(() => resolve({}), 15_000);
    channel.port1.onmessage = (event: MessageEvent<{ shellReady?: boolean; status?: number }>) => {
      window.clearTimeout(timer);
      resolve(event.data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

let registered: Promise<ServiceWorkerRegistration> | null = null;

async function keepThisPage(): Promise<void> {
  if (!("serviceWorker" in navigator)) return setReadiness("unsupported");
  try {
    registered ??= navigator.serviceWorker.register("/sw.js", { scope: "/" });
    await registered;
    const worker = (await navigator.serviceWorker.ready).active;
    if (!worker) return;
    setReadiness("preparing");
    // After the page's own idle work (the tablet's store, its sync, the session watch), so the
    // scripts that work loads are kept too, and the chunks they load on demand.
    await new Promise<void>((resolve) => whenIdle(resolve));
    const answer = await ask(worker, { type: "keep-page", page: location.pathname + location.search, assets: loadedAssets() });
    const kept = answer.shellReady === true && answer.status === 200;
    // A page loaded before the worker took over fetches past it (a part it loads later would need
    // the network): not ready until the worker controls this page too.
    if (!kept) return setReadiness("preparing");
    if (navigator.serviceWorker.controller) return setReadiness("ready");
    setReadiness("preparing");
    navigator.serviceWorker.addEventListener("controllerchange", () => setReadiness("ready"), { once: true });
    // Loaded while the worker was starting (its claim came before this page existed): ask again.
    worker.postMessage({ type: "claim" });
  } catch {
    setReadiness("unsupported");
  }
}

export function ServiceWorkerRegistration() {
  const pathname = usePathname();
  useEffect(() => {
    // The dev server rebuilds files under the same names: no worker there.
    if (process.env.NODE_ENV !== "production") return;
    void keepThisPage();
  }, [pathname]);
  return null;
}
