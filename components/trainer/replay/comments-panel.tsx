"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";
import type { ReplayComment } from "@/lib/training/get-replay";

/** Coaching comments on the case, and (for trainers) a form to pin one to the step on screen. */
export function CommentsPanel({
  caseId,
  comments,
  sequence,
  staffName,
  canCoach,
  onJump,
}: {
  caseId: string;
  comments: ReplayComment[];
  sequence: number;
  staffName: string;
  canCoach: boolean;
  onJump: (index: number) => void;
}) {
  const [text, setText] = useState("");
  const { send, busy, error, done } = useMutation();
  const message = error ? { ok: false, text: error.message } : done ? { ok: true, text: done } : null;
  const fieldId = useId();

  async function pin() {
    const result = await send<ReplayComment>(
      "POST",
      `/api/trainer/cases/${encodeURIComponent(caseId)}/comments`,
      { eventSequence: sequence, text },
      {
        success: `Pinned to step ${sequence}. ${staffName} will see it in their feedback.`,
      },
    );
    if (result.ok) setText("");
  }

  return (
    <section
      aria-labelledby="comments-heading"
      className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900 p-4"
      data-testid="comments"
    >
      <h2 id="comments-heading" className="text-xl font-bold text-slate-50">
        Coaching comments
      </h2>
      {comments.length === 0 ? <p className="text-base text-slate-300">None yet.</p> : null}
      {comments.length ? (
        <ul className="flex flex-col gap-2">
          {comments.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => onJump(c.eventSequence - 1)}
                className="flex w-full flex-col rounded-xl bg-slate-800 px-3 py-2 text-left hover:bg-slate-700"
              >
                <span className="text-sm font-semibold text-violet-200">
                  Step {c.eventSequence} · for {c.staffName} · {c.acknowledgedAt ? "acknowledged" : "not yet read"}
                </span>
                <span className="text-base text-slate-50">{c.text}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {canCoach ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void pin();
          }}
        >
          <label htmlFor={fieldId} className="text-lg font-semibold text-slate-100">
            Comment on step {sequence}
          </label>
          <textarea
            id={fieldId}
            rows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="What went well, or one thing to try next time"
            className="w-full rounded-xl border-2 border-slate-500 bg-slate-950 px-3 py-2 text-lg text-slate-50 placeholder:text-slate-400 focus:border-sky-300"
          />
          <Button type="submit" disabled={busy || text.trim() === ""} className="self-start">
            {busy ? "Pinning…" : `Pin to step ${sequence}`}
          </Button>
          <p aria-live="polite" className={message ? (message.ok ? "text-base text-emerald-300" : "text-base text-rose-300") : ""}>
            {message?.text}
          </p>
        </form>
      ) : null}
    </section>
  );
}
