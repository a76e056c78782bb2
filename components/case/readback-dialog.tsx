"use client";

import { useContext, useEffect, useId, useRef, useState } from "react";
import type { CaseState } from "@/lib/playbook";
import { buildReadback, READBACK_LABELS } from "@/lib/playbook/readback";
import { PracticeReadback } from "./practice-readback";
import { StepFeedback } from "./step-feedback";
import { optionalText } from "./text";
import type { SendStep } from "@/lib/tablet/step-types";
import { useStep } from "./use-step";
import { useVenueTimeZone } from "./venue-time";

/**
 * The tablet turned round: what was agreed, in large plain words, and two big answers.
 * A native modal <dialog> keeps the staff controls behind it out of reach and out of focus.
 */
export function ReadbackDialog({ state, send, onClose }: { state: CaseState; send: SendStep; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [comment, setComment] = useState("");
  const step = useStep();
  const commentId = useId();
  const timeZone = useVenueTimeZone();
  // Composed from the case's typed state by the playbook: the same words on a reload or a replay.
  const [now] = useState(() => new Date());
  const readback = buildReadback(state, { timeZone, now });
  // In practice the app plays the customer: they answer, not the trainee.
  const practiceAnswer = useContext(PracticeReadback);

  // No close on unmount: removing the element leaves the top layer by itself, and a close()
  // here would fire onClose during React's development double-mount.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const answer = (accepted: boolean) =>
    step.run(() => send({ type: "readback_answered", data: { accepted, comment: accepted ? undefined : optionalText(comment) } }));

  return (
    <dialog
      ref={dialogRef}
      aria-label="What we've agreed"
      onClose={onClose}
      data-testid="readback-dialog"
      className="m-0 h-dvh max-h-none w-dvw max-w-none bg-slate-950 p-0 text-slate-50 backdrop:bg-black"
    >
      <div className="mx-auto flex min-h-full max-w-5xl flex-col gap-8 px-6 py-8 md:px-10">
        <div className="flex items-start justify-between gap-4">
          <h2 className="text-4xl font-bold leading-tight md:text-5xl">{readback.headline}</h2>
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="min-h-12 shrink-0 rounded-xl border border-slate-600 px-4 text-lg text-slate-300"
          >
            Back to the coach
          </button>
        </div>
        <ul className="flex flex-col gap-6" data-testid="readback-lines">
          <li className="border-l-4 border-sky-400 pl-5 text-[28px] leading-snug md:text-[32px]" data-testid="readback-agreed">
            <span className="block text-xl font-semibold uppercase tracking-wide text-sky-300">{READBACK_LABELS.agreed}</span>
            <span className="block first-letter:uppercase">{readback.agreed ?? "Nothing agreed yet"}</span>
          </li>
          <li className="border-l-4 border-sky-400 pl-5 text-[28px] leading-snug md:text-[32px]" data-testid="readback-remedy">
            <span className="block text-xl font-semibold uppercase tracking-wide text-sky-300">{READBACK_LABELS.remedy}</span>
            {readback.remedy ? (
              <>
                <span className="block font-semibold">{readback.remedy.text}</span>
                <span className="block text-2xl text-slate-300">“{readback.remedy.words}”</span>
              </>
            ) : (
              <span className="block">{readback.noRemedy}</span>
            )}
          </li>
          <li className="border-l-4 border-sky-400 pl-5 text-[28px] leading-snug md:text-[32px]" data-testid="readback-actions">
            <span className="block text-xl font-semibold uppercase tracking-wide text-sky-300">{READBACK_LABELS.actions}</span>
            <ul className="flex flex-col gap-3">
              {readback.actions.map((action) => (
                <li key={action.id}>
                  <span className="block">{action.what}</span>
                  <span className="block text-2xl text-slate-300">{action.promise}</span>
                </li>
              ))}
            </ul>
          </li>
        </ul>
        {state.practice ? (
          <div className="mt-auto flex flex-col gap-4" data-testid="practice-readback">
            <p className="text-[28px] font-semibold">In practice, the customer reads this and answers for themselves.</p>
            <button
              type="button"
              disabled={step.pending || !practiceAnswer}
              onClick={() =>
                practiceAnswer &&
                void step.run(() =>
                  send({ type: "readback_answered", data: { accepted: practiceAnswer.accepted, comment: practiceAnswer.comment } }),
                )
              }
              className="min-h-24 rounded-2xl bg-violet-300 px-6 text-[32px] font-bold text-slate-950 disabled:opacity-60"
            >
              {practiceAnswer ? "Hand the tablet to the customer" : "The customer is reading…"}
            </button>
            <div className="text-xl">
              <StepFeedback step={step} testId="readback-feedback" />
            </div>
          </div>
        ) : (
          <div className="mt-auto flex flex-col gap-4">
            <label htmlFor={commentId} className="text-[28px] font-semibold">
              Anything not quite right? (optional)
            </label>
            <textarea
              id={commentId}
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              className="w-full rounded-xl border-2 border-slate-500 bg-slate-900 px-4 py-3 text-[28px] text-slate-50"
            />
            <div className="grid gap-4 md:grid-cols-2">
              <button
                type="button"
                disabled={step.pending}
                onClick={() => void answer(true)}
                className="min-h-24 rounded-2xl bg-emerald-400 px-6 text-[32px] font-bold text-slate-950 disabled:opacity-60"
              >
                Yes, that's right
              </button>
              <button
                type="button"
                disabled={step.pending}
                onClick={() => void answer(false)}
                className="min-h-24 rounded-2xl border-2 border-slate-400 bg-slate-800 px-6 text-[32px] font-bold text-slate-50 disabled:opacity-60"
              >
                Not quite
              </button>
            </div>
            <div className="text-xl">
              <StepFeedback step={step} testId="readback-feedback" />
            </div>
          </div>
        )}
      </div>
    </dialog>
  );
}
