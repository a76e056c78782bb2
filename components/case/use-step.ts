"use client";

import { useCallback, useRef, useState } from "react";
import type { StepFailure, StepOutcome } from "@/lib/tablet/step-types";

/**
 * The status of one control's step: in flight, or why it did not go through. Each button
 * that records a step has its own, so a message appears next to the control it is about.
 */
export function useStep() {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<StepFailure | null>(null);
  const busy = useRef(false);

  const run = useCallback(async (task: () => Promise<StepOutcome>): Promise<boolean> => {
    if (busy.current) return false; // a double tap must not send the step twice
    busy.current = true;
    setPending(true);
    setFailure(null);
    const outcome = await task();
    busy.current = false;
    setPending(false);
    if (!outcome.ok) setFailure({ kind: outcome.kind, message: outcome.message, fields: outcome.fields });
    return outcome.ok;
  }, []);

  const fieldError = useCallback((key: string): string | undefined => failure?.fields[key], [failure]);
  const reset = useCallback(() => setFailure(null), []);
  /** Editing a field answers its message: drop it, and the summary once nothing is left to fix. */
  const clearField = useCallback(
    (key: string) =>
      setFailure((current) => {
        if (!current || !(key in current.fields)) return current;
        const fields = { ...current.fields };
        delete fields[key];
        return current.kind === "invalid" && Object.keys(fields).length === 0 ? null : { ...current, fields };
      }),
    [],
  );

  return { run, pending, failure, fieldError, reset, clearField };
}
export type StepHandle = ReturnType<typeof useStep>;
