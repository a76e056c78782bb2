/**
 * Runs `work` once the page has loaded and the browser has nothing better to do, so warming
 * never competes with the first paint. Returns a function that cancels it.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof window === "undefined") return () => undefined;
  let cancel = () => undefined as void;
  const schedule = () => {
    if ("requestIdleCallback" in window) {
      const handle = window.requestIdleCallback(work, { timeout: 2000 });
      cancel = () => window.cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(work, 200);
      cancel = () => clearTimeout(handle);
    }
  };
  if (document.readyState === "complete") schedule();
  else {
    window.addEventListener("load", schedule, { once: true });
    cancel = () => window.removeEventListener("load", schedule);
  }
  return () => cancel();
}
