"use client";

import type { HistoryLine } from "@/lib/manager/describe-event";
import { STAGE_LABELS, type Phase } from "@/lib/playbook/vocabulary";

function phaseName(phase: Phase): string {
  if (phase === "new") return "Opening";
  if (phase === "closed") return "Closed";
  if (phase === "abandoned") return "Ended";
  return STAGE_LABELS[phase];
}

/**
 * Every step as a button, in order: jump anywhere. The current step, the steps that prove the
 * rubric item in focus, and the steps with coaching comments are marked in words as well as colour.
 */
export function ReplayTimeline({
  lines,
  phases,
  index,
  highlighted,
  commented,
  onJump,
}: {
  lines: HistoryLine[];
  /** The phase after each step. */
  phases: Phase[];
  index: number;
  highlighted: ReadonlySet<number>;
  commented: ReadonlySet<number>;
  onJump: (index: number) => void;
}) {
  return (
    <nav aria-label="Timeline" className="rounded-2xl border border-slate-700 bg-slate-900 p-3">
      <ol className="flex flex-wrap gap-1.5" data-testid="timeline">
        {lines.map((line, i) => {
          const current = i === index;
          const past = i < index;
          const marked = highlighted.has(i);
          return (
            <li key={line.sequence}>
              <button
                type="button"
                onClick={() => onJump(i)}
                aria-current={current ? "step" : undefined}
                aria-label={`Step ${line.sequence}, ${phaseName(phases[i])}: ${line.what}${marked ? " (proves the rubric item in focus)" : ""}${commented.has(i) ? " (has a comment)" : ""}`}
                title={`${line.sequence}. ${line.what}`}
                data-proof={marked ? "true" : undefined}
                className={`relative flex size-11 items-center justify-center rounded-lg text-base font-semibold tabular-nums ${
                  current
                    ? "bg-sky-400 text-slate-950"
                    : past
                      ? "bg-slate-700 text-slate-100 hover:bg-slate-600"
                      : "border border-slate-600 text-slate-300 hover:border-slate-400"
                } ${marked ? "outline outline-[3px] outline-offset-2 outline-amber-300" : ""}`}
              >
                {line.sequence}
                {commented.has(i) ? <span aria-hidden="true" className="absolute -right-1 -top-1 size-3 rounded-full border-2 border-slate-900 bg-violet-400" /> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
