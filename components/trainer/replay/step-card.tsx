"use client";

import { useId } from "react";
import { PhraseCoachNotes } from "@/components/case/coached-textarea";
import { usePhraseCoach } from "@/components/case/use-phrase-coach";
import type { HistoryLine } from "@/lib/manager/describe-event";
import type { RecordedEvent } from "@/lib/playbook";
import { coachedTexts } from "@/lib/playbook/replay";
import type { RubricItem } from "@/lib/playbook/rubric";
import type { ReplayComment } from "@/lib/training/get-replay";
import { OutcomeMark } from "../rubric-list";
import { formatCaseTime } from "./replay-controls";

/** One piece of what was typed, with the phrase coach's notes exactly as the live coach shows them. */
function CoachedWords({ label, text, stepKey }: { label: string; text: string; stepKey: string }) {
  const notesId = useId();
  const assess = usePhraseCoach();
  return (
    <div className="flex flex-col gap-1">
      <p className="text-base text-slate-300">{label}</p>
      <p className="rounded-lg bg-slate-950 px-3 py-2 text-lg text-slate-50" aria-describedby={notesId}>
        “{text}”
      </p>
      {/* Keyed by step, so the notes show at once instead of after the live coach's typing pause. */}
      <PhraseCoachNotes key={stepKey} text={text} id={notesId} />
      {assess && assess(text).length === 0 ? <p className="text-sm text-emerald-300">✓ The phrase coach flagged nothing here.</p> : null}
    </div>
  );
}

/** The step the replay is on: who did what, what they typed, what the phrase coach said, and what it proves. */
export function StepCard({
  line,
  event,
  openedAt,
  proofs,
  comments,
  customer,
}: {
  /** In a practice run: what the simulated customer said after this step. */
  customer?: { say: string; temper: number; vent: boolean; walkedOut: boolean } | null;
  line: HistoryLine;
  event: RecordedEvent;
  openedAt: number;
  proofs: RubricItem[];
  comments: ReplayComment[];
}) {
  const texts = coachedTexts(event);
  const answer = event.type === "readback_answered" ? event.data : null;
  return (
    <section
      aria-labelledby="step-heading"
      aria-live="polite"
      className="flex flex-col gap-3 rounded-2xl border border-sky-800 bg-slate-900 p-4"
      data-testid="step-card"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="step-heading" className="text-2xl font-bold text-slate-50">
          Step {line.sequence}: {line.what}
          {line.superseded ? (
            <span className="ml-2 align-middle rounded-md bg-slate-700 px-2 py-0.5 text-sm font-semibold text-slate-100">
              Superseded by a later round
            </span>
          ) : null}
        </h2>
        <p className="text-base text-slate-300">
          <span className="tabular-nums">{formatCaseTime(event.at.getTime() - openedAt)}</span> in · {line.who}{" "}
          <span className="rounded bg-slate-800 px-1.5 text-sm capitalize">{line.role}</span>
        </p>
      </header>
      {line.detail && texts.length === 0 ? <p className="whitespace-pre-line text-lg text-slate-100">{line.detail}</p> : null}
      {answer ? (
        <p
          className={`rounded-xl px-4 py-3 text-xl font-semibold ${answer.accepted ? "bg-emerald-950 text-emerald-100" : "bg-amber-950 text-amber-100"}`}
          data-testid="customer-answer"
        >
          The customer said: {answer.accepted ? "“Yes, that's right.”" : "“Not quite.”"}
          {answer.comment ? <span className="mt-1 block text-lg font-normal">“{answer.comment}”</span> : null}
        </p>
      ) : null}
      {customer ? (
        <p
          className={`rounded-xl border-2 border-violet-400 bg-violet-950/70 px-4 py-3 text-lg ${customer.vent || customer.walkedOut ? "font-semibold text-rose-100" : "text-violet-50"}`}
          data-testid="practice-customer-reply"
        >
          <span className="block text-sm font-semibold uppercase tracking-wide text-violet-200">
            The practice customer · temper {customer.temper} of 10
          </span>
          {customer.say}
        </p>
      ) : null}
      {texts.length ? (
        <div className="flex flex-col gap-3" data-testid="step-words">
          {texts.map((t) => (
            <CoachedWords key={t.field} label={t.label} text={t.text} stepKey={`${line.sequence}-${t.field}`} />
          ))}
          {event.type === "options_offered" && event.data.facts ? (
            <p className="text-base text-slate-300">Facts checked: {event.data.facts}</p>
          ) : null}
        </div>
      ) : null}
      {proofs.length ? (
        <ul aria-label="What this step shows" className="flex flex-col gap-2" data-testid="step-proofs">
          {proofs.map((p) => (
            <li
              key={p.id}
              className={`flex items-start gap-3 rounded-xl px-3 py-2 ${p.outcome === "met" ? "bg-emerald-950/70" : "bg-rose-950/70"}`}
            >
              <OutcomeMark outcome={p.outcome} />
              <span>
                <span className="font-semibold text-slate-50">{p.label}</span>
                <span className="block text-base text-slate-200">{p.reason}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {comments.length ? (
        <ul aria-label="Comments on this step" className="flex flex-col gap-2">
          {comments.map((c) => (
            <li key={c.id} className="rounded-xl border-l-4 border-violet-400 bg-violet-950/60 px-3 py-2 text-base text-violet-50">
              <p>{c.text}</p>
              <p className="text-sm text-violet-200">
                {c.authorName} → {c.staffName}
                {c.acknowledgedAt ? " · acknowledged" : " · not yet read"}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
