// Work that can wait (warming the coach's other stages, opening the tablet's store, loading the
// fold) runs once the page has loaded, its first screen takes input, and the browser is idle.
//
// Why wait for "takes input": the live coach's stage panel hydrates from its own chunk. Should
// state above it change before then (the store opening, the fold arriving), React gives up on the
// server's HTML for that panel and shows a placeholder — a layout shift, and a slower first step.

/** Longest wait for a page that said it would mark itself interactive and never did. */
const INTERACTIVE_WAIT_MS = 4000;

let deferring = false;
let markReady: () => void = () => undefined;
const interactive = new Promise<void>((resolve) => {
  markReady = resolve;
});
let marked = false;

/** Called while rendering a page whose first screen hydrates on its own (the live coach). */
export function deferIdleWorkUntilInteractive(): void {
  if (typeof window !== "undefined") deferring = true;
}

/** The first screen takes input. A User Timing mark lets the page bench (scripts/bench.mjs) see when. */
export function markInteractive(): void {
  if (marked || typeof window === "undefined") return;
  marked = true;
  if (typeof performance.mark === "function") performance.mark("coach:interactive");
  markReady();
}

/** Runs `work` once the page is loaded, interactive and idle. Returns a function that cancels it. */
export function whenIdle(work: () => void): () => void {
  if (typeof window === "undefined") return () => undefined;
  let cancelled = false;
  let scheduled = false;
  let cancel = () => undefined as void;
  const idle = () => {
    // Once: the interactive mark can come after the fallback timer has already fired.
    if (cancelled || scheduled) return;
    scheduled = true;
    if ("requestIdleCallback" in window) {
      const handle = window.requestIdleCallback(work, { timeout: 2000 });
      cancel = () => window.cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(work, 200);
      cancel = () => clearTimeout(handle);
    }
  };
  const afterLoad = () => {
    if (!deferring) return idle();
    const timer = setTimeout(idle, INTERACTIVE_WAIT_MS);
    void interactive.then(() => {
      clearTimeout(timer);
      idle();
    });
  };
  if (document.readyState === "complete") afterLoad();
  else window.addEventListener("load", afterLoad, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener("load", afterLoad);
    cancel();
  };
}
