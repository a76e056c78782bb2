"use client";

import Link from "next/link";
import type { CaseState } from "@/lib/playbook";
import { customerLines, type CustomerScript } from "@/lib/playbook/practice";

export type PracticeBrief = { sourceCaseId: string; script: CustomerScript };

/** Always in view on a practice case: this is not a real complaint. */
export function PracticeBanner() {
  return (
    <p role="note" className="bg-violet-700 px-4 py-1.5 text-center text-lg font-bold uppercase tracking-widest text-white" data-testid="practice-banner">
      Practice · not a real complaint · the app plays the customer
    </p>
  );
}

/** The practice customer: what they say or do now, from the recorded case, and a cue for the trainee. */
export function PracticeCustomer({ state, practice, caseId, allSent = true }: { state: CaseState; practice: PracticeBrief; caseId: string; allSent?: boolean }) {
  const lines = customerLines(practice.script, state);
  const ended = state.phase === "closed" || state.phase === "abandoned";
  return (
    <section aria-labelledby="practice-customer" aria-live="polite" className="flex flex-col gap-2 rounded-2xl border-2 border-violet-400 bg-violet-950/70 p-4" data-testid="practice-customer">
      <h2 id="practice-customer" className="text-base font-semibold uppercase tracking-wide text-violet-200">
        The customer
      </h2>
      <ul className="flex flex-col gap-2">
        {lines.map((line) => (
          <li key={line.id} className="flex flex-col gap-0.5">
            <p className="text-xl leading-snug text-white">{line.say}</p>
            {line.cue ? <p className="text-base text-violet-100">{line.cue}</p> : null}
          </li>
        ))}
      </ul>
      {ended && !allSent ? <p className="text-base text-violet-100">Sending your last steps for scoring…</p> : null}
      {ended && allSent ? (
        // Only once the server has every step: the score is made from what it has.
        <Link
          href={`/practice/${practice.sourceCaseId}?run=${caseId}`}
          className="inline-flex min-h-12 items-center self-start rounded-xl bg-violet-300 px-5 text-lg font-semibold text-slate-950 hover:bg-violet-200"
        >
          See your score beside the original
        </Link>
      ) : null}
    </section>
  );
}
