"use client";

import { useEffect, useRef } from "react";
import type { HistoryLine } from "@/lib/manager/describe-event";
import { STAGE_LABELS, type Phase } from "@/lib/playbook/vocabulary";
import { formatCaseTime } from "./replay-controls";
import { MAX_GAP_MS, playedGap } from "./use-playback";

function phaseName(phase: Phase): string {
  if (phase === "new") return "Opening";
  if (phase === "closed") return "Closed";
  if (phase === "abandoned") return "Ended";
  return STAGE_LABELS[phase];
}

/** Pixels per second of (played) pause: the whole case's pauses fit in about this many pixels. */
const TRACK_PX = 720;
const MIN_GAP_PX = 4;
/** A pause this long or longer gets its length written under it. */
const LABEL_GAP_MS = 20_000;

/**
 * Every step as a button, in order, spaced to scale: the room between two steps is the pause
 * between them, so a long silence shows as a long gap. Pauses over a minute are drawn (and
 * played) as one minute with a break mark and their true length, unless "True time" is on.
 * The current step, the steps that prove the rubric item in focus, and the steps with coaching
 * comments are marked in words as well as colour.
 */
export function ReplayTimeline({
  lines,
  phases,
  times,
  trueTime,
  index,
  highlighted,
  commented,
  onJump,
}: {
  lines: HistoryLine[];
  /** The phase after each step. */
  phases: Phase[];
  /** Each step's time (ms). */
  times: readonly number[];
  trueTime: boolean;
  index: number;
  highlighted: ReadonlySet<number>;
  commented: ReadonlySet<number>;
  onJump: (index: number) => void;
}) {
  const gaps = times.map((t, i) => (i === 0 ? 0 : Math.max(0, t - times[i - 1])));
  const played = gaps.map((g) => playedGap(g, trueTime));
  const total = played.reduce((a, b) => a + b, 0);
  const pxPerMs = total > 0 ? TRACK_PX / total : 0;
  const current = useRef<HTMLLIElement>(null);
  useEffect(() => {
    current.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [index]);

  return (
    <nav aria-label="Timeline" className="rounded-2xl border border-slate-700 bg-slate-900 p-3">
      <p className="mb-2 text-sm text-slate-300">
        Spaced to scale{trueTime ? " (true time)" : "; pauses over a minute are shortened and marked //"}.
      </p>
      <ol className="flex items-start overflow-x-auto pb-1" data-testid="timeline" data-true-time={trueTime ? "true" : "false"}>
        {lines.map((line, i) => {
          const isCurrent = i === index;
          const past = i < index;
          const marked = highlighted.has(i);
          const gap = gaps[i];
          const shortened = !trueTime && gap > MAX_GAP_MS;
          const width = i === 0 ? 0 : Math.max(MIN_GAP_PX, Math.round(played[i] * pxPerMs));
          return (
            <li key={line.sequence} ref={isCurrent ? current : undefined} className="flex shrink-0 items-start">
              {i > 0 ? (
                <span
                  className="relative mt-[21px] flex h-0.5 shrink-0 justify-center bg-slate-600"
                  style={{ width }}
                  data-testid="timeline-gap"
                  data-gap-ms={gap}
                  aria-hidden="true"
                >
                  {shortened ? (
                    <span className="absolute -top-3 rounded bg-slate-900 px-0.5 text-base leading-6 text-amber-300">{"//"}</span>
                  ) : null}
                  {gap >= LABEL_GAP_MS && width >= 36 ? (
                    <span className={`absolute top-2 whitespace-nowrap text-xs ${shortened ? "text-amber-200" : "text-slate-400"}`}>
                      {formatCaseTime(gap)}
                    </span>
                  ) : null}
                </span>
              ) : null}
              <button
                type="button"
                onClick={() => onJump(i)}
                aria-current={isCurrent ? "step" : undefined}
                aria-label={`Step ${line.sequence}, ${phaseName(phases[i])}: ${line.what}${i > 0 ? `, ${formatCaseTime(gap)} after the step before` : ""}${marked ? " (proves the rubric item in focus)" : ""}${commented.has(i) ? " (has a comment)" : ""}`}
                title={`${line.sequence}. ${line.what}`}
                data-proof={marked ? "true" : undefined}
                className={`relative flex size-11 shrink-0 items-center justify-center rounded-lg text-base font-semibold tabular-nums ${
                  isCurrent
                    ? "bg-sky-400 text-slate-950"
                    : past
                      ? "bg-slate-700 text-slate-100 hover:bg-slate-600"
                      : "border border-slate-600 text-slate-300 hover:border-slate-400"
                } ${marked ? "outline outline-[3px] outline-offset-2 outline-amber-300" : ""}`}
              >
                {line.sequence}
                {commented.has(i) ? (
                  <span
                    aria-hidden="true"
                    className="absolute -right-1 -top-1 size-3 rounded-full border-2 border-slate-900 bg-violet-400"
                  />
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
