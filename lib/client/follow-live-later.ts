import { whenIdle } from "./idle";
import type * as Live from "./live";
import { loadOnce } from "./load-once";

const loadLive = loadOnce<typeof Live>(() => import("./live"));

/**
 * followLive (lib/client/live.ts) for the live coach's pages, loaded once the page is idle: the
 * stream and its polling are not part of the page's first script (docs/decisions/0006, 0026).
 * Should the module not load (offline, never kept), it is tried again a poll interval later.
 */
export function followLiveLater(options: Parameters<typeof Live.followLive>[0]): () => void {
  let stopped = false;
  let stop: (() => void) | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    loadLive().then(
      (live) => {
        if (!stopped) stop = live.followLive(options);
      },
      () => {
        if (!stopped) retry = setTimeout(start, options.fastMs);
      },
    );
  };
  const cancelIdle = whenIdle(start);
  return () => {
    stopped = true;
    cancelIdle();
    clearTimeout(retry);
    stop?.();
  };
}
