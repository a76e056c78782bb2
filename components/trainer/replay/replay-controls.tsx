"use client";

import { useId } from "react";
import { formatElapsed } from "@/components/case/use-now";
import { SPEEDS, type Speed } from "./use-playback";

const KBD = "rounded border border-slate-500 bg-slate-800 px-1.5 font-mono text-slate-100";
const SPEED_LABELS: Record<string, string> = { "1": "Real pace", "2": "2×", "4": "4×", step: "Step by step" };
const button =
  "inline-flex min-h-12 min-w-12 items-center justify-center gap-2 rounded-xl border border-slate-500 bg-slate-800 px-3 text-lg font-semibold text-slate-50 hover:bg-slate-700 disabled:opacity-40";

/** Drawn, not typed: media-control characters are missing from many tablet fonts. */
function Icon({ name }: { name: "first" | "back" | "play" | "pause" | "forward" }) {
  const paths = {
    first: "M5 4h2.5v16H5zM19 4v16L8.5 12z",
    back: "M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20z",
    play: "M7 4v16l13-8z",
    pause: "M6 4h4.5v16H6zM13.5 4H18v16h-4.5z",
    forward: "M4 11h12.2l-5.6-5.6L12 4l8 8-8 8-1.4-1.4 5.6-5.6H4z",
  } as const;
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 fill-current">
      <path d={paths[name]} />
    </svg>
  );
}

/** mm:ss within the hour (as the live coach shows it); hours, then days, for follow-up later on. */
export function formatCaseTime(ms: number): string {
  if (ms < 60 * 60_000) return formatElapsed(ms);
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
  return `${Math.floor(minutes / (24 * 60))} days`;
}

/** Play / pause, step back and forth, speed, and where the replay is. Keyboard hints always visible. */
export function ReplayControls({
  index,
  last,
  playing,
  speed,
  elapsedMs,
  conversationMs,
  followUp,
  onToggle,
  onStep,
  onFirst,
  onSpeed,
  trueTime,
  longPauses,
  onTrueTime,
}: {
  index: number;
  last: number;
  playing: boolean;
  speed: Speed;
  elapsedMs: number;
  /** From opening to the case being closed (or the customer leaving). */
  conversationMs: number;
  /** The step on screen is follow-up after the case was closed. */
  followUp: boolean;
  onToggle: () => void;
  onStep: (by: number) => void;
  onFirst: () => void;
  onSpeed: (speed: Speed) => void;
  /** Pauses play at their real length (otherwise over a minute plays as one minute). */
  trueTime: boolean;
  /** The case has pauses over a minute, which real pace shortens. */
  longPauses: boolean;
  onTrueTime: (on: boolean) => void;
}) {
  const speedId = useId();
  return (
    <section
      aria-label="Replay controls"
      className="flex flex-wrap items-center gap-x-4 gap-y-1.5 rounded-2xl border border-slate-700 bg-slate-900 px-3 py-2"
    >
      <div className="flex items-center gap-2">
        <button type="button" className={button} onClick={onFirst} disabled={index === 0} aria-label="Back to the start">
          <Icon name="first" />
        </button>
        <button
          type="button"
          className={button}
          onClick={() => onStep(-1)}
          disabled={index === 0}
          aria-label="Previous step"
          aria-keyshortcuts="ArrowLeft"
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          onClick={onToggle}
          aria-keyshortcuts="Space"
          data-testid="play-pause"
          className="inline-flex min-h-12 min-w-40 items-center justify-center gap-2 rounded-xl bg-sky-400 px-5 text-lg font-bold text-slate-950 hover:bg-sky-300"
        >
          <Icon name={playing ? "pause" : "play"} />
          {playing ? "Pause" : index >= last ? "Play again" : speed === "step" ? "Next step" : "Play"}
        </button>
        <button
          type="button"
          className={button}
          onClick={() => onStep(1)}
          disabled={index >= last}
          aria-label="Next step"
          aria-keyshortcuts="ArrowRight"
        >
          <Icon name="forward" />
        </button>
      </div>
      {/* Buttons, not radios: arrow keys on a radio group would change the speed instead of stepping. */}
      <div role="group" aria-label="Speed" className="flex flex-wrap items-center gap-1" aria-describedby={speedId}>
        {SPEEDS.map((s) => (
          <button
            key={String(s)}
            type="button"
            aria-pressed={speed === s}
            onClick={() => onSpeed(s)}
            className={`inline-flex min-h-11 items-center rounded-full border-2 px-3 text-base font-semibold ${
              speed === s ? "border-sky-300 bg-sky-400 text-slate-950" : "border-slate-600 text-slate-100 hover:border-slate-400"
            }`}
          >
            {SPEED_LABELS[String(s)]}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={trueTime}
          onClick={() => onTrueTime(!trueTime)}
          data-testid="true-time"
          className={`inline-flex min-h-11 items-center rounded-full border-2 px-3 text-base font-semibold ${
            trueTime ? "border-amber-300 bg-amber-300 text-slate-950" : "border-slate-600 text-slate-100 hover:border-slate-400"
          }`}
        >
          True time
        </button>
      </div>
      <div className="ml-auto flex flex-col items-end">
        <p className="text-lg tabular-nums text-slate-100">
          <span className="font-semibold" data-testid="replay-position">
            Step {index + 1} of {last + 1}
          </span>
          <span className="text-slate-300">
            {" "}
            ·{" "}
            <span role="timer" aria-label="Time into the case">
              {formatCaseTime(elapsedMs)}
            </span>
            {followUp ? " (follow-up)" : ` / ${formatCaseTime(conversationMs)}`}
          </span>
        </p>
        <p className="text-sm text-slate-300" data-testid="keyboard-hints">
          <kbd className={KBD}>Space</kbd> play / pause · <kbd className={KBD}>←</kbd> <kbd className={KBD}>→</kbd> step
        </p>
        <span
          id={speedId}
          className={`block text-sm ${longPauses && !trueTime ? "text-amber-200" : "text-slate-400"}`}
          data-testid="pause-note"
        >
          {trueTime
            ? "True time: every pause plays in full."
            : longPauses
              ? "Pauses over a minute play as one minute (True time keeps them)."
              : "No pause here is over a minute."}
        </span>
      </div>
    </section>
  );
}
