"use client";

import { STAGE_LABELS, type CaseState } from "@/lib/playbook";
import type { SaveStatus } from "./use-case-log";
import { formatElapsed, useNow } from "./use-now";

const SAVE_TEXT: Record<SaveStatus, string> = {
  idle: "",
  saving: "Saving…",
  saved: "Saved",
  failed: "Save failed",
};

function phaseName(state: CaseState): string {
  if (state.phase === "closed") return "Closed";
  if (state.phase === "abandoned") return "Ended";
  if (state.phase === "new") return "Opening";
  return STAGE_LABELS[state.phase];
}

/** Where and how long: the two things a staff member glances at mid-complaint. */
export function TopBar({
  reference,
  state,
  saveStatus,
  reachable,
}: {
  reference: string;
  state: CaseState;
  saveStatus: SaveStatus;
  reachable: boolean;
}) {
  const now = useNow();
  const endedAt = state.closedAt?.getTime();
  const clock = endedAt ?? now;
  const elapsed = state.openedAt && clock !== null ? formatElapsed(clock - state.openedAt.getTime()) : "--:--";
  const inStage = state.phaseEnteredAt && clock !== null ? formatElapsed(clock - state.phaseEnteredAt.getTime()) : "--:--";
  const spot = state.complaint?.spot;

  return (
    <section
      aria-label="Case summary"
      className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-slate-700 bg-slate-900 px-4 py-2 lg:px-6"
    >
      <h1 className="text-2xl font-bold tracking-tight text-slate-50">
        <span className="sr-only">Case </span>
        {reference}
      </h1>
      {state.practice ? (
        <span className="rounded-md bg-violet-800 px-2 py-1 text-base font-semibold text-violet-50">Practice</span>
      ) : null}
      <p className="text-xl text-slate-100" data-testid="case-spot">
        <span className="text-base text-slate-300">Where </span>
        {spot ? <span className="font-semibold">{spot}</span> : <span className="text-slate-300">not noted yet</span>}
      </p>
      <p className="text-xl tabular-nums text-slate-100">
        <span className="text-base text-slate-300">Elapsed </span>
        <span role="timer" aria-label="Time since the complaint began" className="font-semibold" data-testid="case-elapsed">
          {elapsed}
        </span>
      </p>
      {!endedAt ? (
        <p className="text-xl tabular-nums text-slate-100">
          <span className="text-base text-slate-300">In {phaseName(state)} </span>
          <span role="timer" aria-label="Time in this stage" className="font-semibold" data-testid="stage-elapsed">
            {inStage}
          </span>
        </p>
      ) : null}
      <p aria-live="polite" className="ml-auto flex min-h-8 items-center gap-3 text-base" data-testid="save-status">
        {!reachable ? <span className="rounded-md bg-rose-900 px-2 py-1 font-semibold text-rose-50">Offline</span> : null}
        {SAVE_TEXT[saveStatus] ? (
          <span
            className={`rounded-md px-2 py-1 font-semibold ${
              saveStatus === "saved" ? "bg-emerald-900 text-emerald-50" : saveStatus === "failed" ? "bg-rose-900 text-rose-50" : "bg-slate-700 text-slate-50"
            }`}
          >
            {saveStatus === "saved" ? "✓ " : null}
            {SAVE_TEXT[saveStatus]}
          </span>
        ) : null}
      </p>
    </section>
  );
}
