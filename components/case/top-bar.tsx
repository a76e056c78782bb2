"use client";

import type { CaseState } from "@/lib/playbook/state";
import { STAGE_LABELS } from "@/lib/playbook/vocabulary";
import type { SaveStatus } from "./use-case-log";
import { bringIntoView } from "./stage-focus";
import { formatElapsed, useNow } from "./use-now";

const waitingText = (n: number) => `${n} ${n === 1 ? "step" : "steps"} waiting to send`;

/** "Saved" only once the server has every step; the tablet's own store is "saved on this tablet". */
function saveText(status: SaveStatus, waiting: number): string {
  switch (status) {
    case "idle":
      return "";
    case "saving":
      return "Saving…";
    case "tablet":
      return `Saved on this tablet · ${waitingText(waiting)}`;
    case "memory":
      return `Not stored on this tablet · ${waitingText(waiting)} · keep this page open`;
    case "saved":
      return "✓ Saved";
    case "failed":
      return "Not saved";
    case "refused":
      return "Refused by the server";
  }
}

const SAVE_TONE: Record<SaveStatus, string> = {
  idle: "",
  saving: "bg-slate-700 text-slate-50",
  tablet: "bg-sky-900 text-sky-50",
  memory: "bg-amber-900 text-amber-50",
  saved: "bg-emerald-900 text-emerald-50",
  failed: "bg-rose-900 text-rose-50",
  refused: "bg-rose-900 text-rose-50",
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
  waiting = 0,
  storageRefused = false,
}: {
  /** Null for a case opened offline that the server has not answered yet. */
  reference: string | null;
  state: CaseState;
  saveStatus: SaveStatus;
  reachable: boolean;
  waiting?: number;
  /** The browser refused persistent storage: it may clear what waits here when space runs low. */
  storageRefused?: boolean;
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
        {reference ?? (
          <>
            New case <span className="text-base font-normal text-slate-300">(reference when sent)</span>
          </>
        )}
      </h1>
      {state.practice ? <span className="rounded-md bg-violet-800 px-2 py-1 text-base font-semibold text-violet-50">Practice</span> : null}
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
      {state.pendingManager && !endedAt ? (
        <a
          href="#manager-wait"
          onClick={(e) => {
            const heading = document.getElementById("manager-wait-heading");
            if (!heading) return;
            e.preventDefault();
            bringIntoView(heading);
          }}
          className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-amber-300 px-3 text-lg font-bold text-slate-950"
          data-testid="top-bar-waiting"
        >
          Waiting for a manager
          {state.pendingManager.requestedAt && clock !== null ? (
            <span className="font-semibold tabular-nums">{formatElapsed(clock - state.pendingManager.requestedAt.getTime())}</span>
          ) : null}
        </a>
      ) : null}
      <p
        aria-live="polite"
        className="ml-auto flex min-h-8 flex-wrap items-center gap-3 text-base"
        data-testid="save-status"
        data-state={saveStatus}
      >
        {!reachable ? <span className="rounded-md bg-rose-900 px-2 py-1 font-semibold text-rose-50">Offline</span> : null}
        {saveText(saveStatus, waiting) ? (
          <span className={`rounded-md px-2 py-1 font-semibold ${SAVE_TONE[saveStatus]}`}>{saveText(saveStatus, waiting)}</span>
        ) : null}
        {storageRefused && waiting > 0 ? (
          <span className="rounded-md bg-amber-900 px-2 py-1 text-amber-50" data-testid="storage-warning">
            Connect to the Wi-Fi soon so these steps are sent
          </span>
        ) : null}
      </p>
    </section>
  );
}
