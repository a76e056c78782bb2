// Resolved when the first stage panel on this page is hydrated and takes input. The coach's other
// parts are fetched only after that (components/case/coach-parts.tsx), so warming never competes
// with the panel the member of staff is about to use.

let markReady: () => void = () => undefined;
export const stageReady = new Promise<void>((resolve) => {
  markReady = resolve;
});

let marked = false;

export function markStageReady(): void {
  if (marked) return;
  marked = true;
  // A User Timing mark, so the page bench (scripts/bench.mjs) knows when the coach took input.
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark("coach:stage-ready");
  markReady();
}
