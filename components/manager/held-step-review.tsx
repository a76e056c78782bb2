"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";

/**
 * Marks a held step reviewed (POST /api/manager/held-steps/[id]/review): a short note, then what
 * was done about it. On success the server page re-renders and the step moves to "Reviewed".
 */
export function HeldStepReviewForm({ heldStepId, label }: { heldStepId: string; label: string }) {
  const id = useId();
  const mutation = useMutation();
  const [note, setNote] = useState("");
  const noteError = mutation.fieldError("note");
  const send = (outcome: "recorded_by_hand" | "not_needed") =>
    void mutation.send("POST", `/api/manager/held-steps/${heldStepId}/review`, { outcome, note });
  return (
    <form className="flex flex-col gap-2" onSubmit={(e) => e.preventDefault()} aria-label={`Review: ${label}`}>
      <label htmlFor={`${id}-note`} className="text-base font-semibold text-slate-200">
        What did you do about it?
      </label>
      <textarea
        id={`${id}-note`}
        rows={2}
        className="min-h-12 w-full rounded-xl border border-slate-500 bg-slate-900 px-3 py-2 text-lg text-slate-50 placeholder:text-slate-400"
        placeholder="e.g. Added the note to the case; called the guest back"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
        aria-invalid={noteError ? true : undefined}
      />
      {mutation.error ? (
        <p role="alert" className="rounded-lg bg-rose-950 px-3 py-2 text-base text-rose-100">
          {mutation.error.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button disabled={mutation.busy || !note.trim()} onClick={() => send("recorded_by_hand")}>
          Recorded by hand
        </Button>
        <Button variant="secondary" disabled={mutation.busy || !note.trim()} onClick={() => send("not_needed")}>
          No longer needed
        </Button>
      </div>
    </form>
  );
}
