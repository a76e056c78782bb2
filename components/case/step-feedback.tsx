"use client";

import type { StepHandle } from "./use-step";

const STYLE = {
  refused: "border-amber-400 bg-amber-950/70 text-amber-100",
  invalid: "border-rose-400 bg-rose-950/70 text-rose-100",
  offline: "border-rose-400 bg-rose-950/70 text-rose-100",
  failed: "border-rose-400 bg-rose-950/70 text-rose-100",
} as const;

/**
 * The answer to one step, next to its button. The live region is always in the page so a
 * screen reader announces the playbook's reason or a failure as soon as it appears.
 */
export function StepFeedback({ step, testId }: { step: StepHandle; testId?: string }) {
  const { pending, failure } = step;
  return (
    <div aria-live="polite" data-testid={testId}>
      {pending ? <p className="text-base text-slate-300">Saving…</p> : null}
      {!pending && failure ? (
        <p
          role={failure.kind === "refused" ? "status" : "alert"}
          className={`rounded-lg border-l-4 px-4 py-3 text-base ${STYLE[failure.kind]}`}
        >
          {failure.kind === "refused" ? <span className="font-semibold">Not yet: </span> : null}
          {failure.message}
        </p>
      ) : null}
    </div>
  );
}
