"use client";

import { useMemo } from "react";
import type { CaseView } from "@/lib/cases/get-case";
import { isOpen, type CaseState, type Phase, type Stage } from "@/lib/playbook";
import { CaseActions } from "./case-actions";
import { GuidancePanel } from "./guidance-panel";
import { ManagerWait } from "./manager-wait";
import { StageRail } from "./stage-rail";
import { ApologisePanel } from "./stages/apologise-panel";
import { AbandonedPanel, ClosedPanel } from "./stages/closed-panel";
import { CompensatePanel } from "./stages/compensate-panel";
import { ConfirmPanel } from "./stages/confirm-panel";
import { ListenPanel } from "./stages/listen-panel";
import { PreventPanel } from "./stages/prevent-panel";
import { SolvePanel } from "./stages/solve-panel";
import { ValidatePanel } from "./stages/validate-panel";
import { TopBar } from "./top-bar";
import type { CaseActor, Decider, RootCauseOption, SendStep } from "./types";
import { foldLog, useCaseLog } from "./use-case-log";

function currentStage(phase: Phase): Stage | null {
  return phase === "new" || phase === "closed" || phase === "abandoned" ? null : phase;
}

/**
 * The live coach for one complaint. The event log is the truth: the screen is the log folded
 * through the same playbook the server runs, so a reload (or another tablet) shows exactly this.
 */
export function CaseCoach({
  view,
  rootCauses,
  deciders,
  actor,
}: {
  view: CaseView;
  rootCauses: RootCauseOption[];
  deciders: Decider[];
  actor: CaseActor;
}) {
  const { log, state, send, decideAsManager, saveStatus, reachable } = useCaseLog({ caseId: view.id, initialLog: view.log, actor });
  const stage = currentStage(state.phase);
  // An abandoned case's rail shows how far it got: the phase before the last event.
  const reached = useMemo(() => (state.phase === "abandoned" ? foldLog(log.slice(0, -1)).phase : state.phase), [log, state.phase]);
  const pending = state.pendingManager;

  return (
    <div className="flex flex-col">
      {/* Stays in view while scrolling: the clock and the stage are what staff glance at. */}
      <div className="sticky top-0 z-10 shadow-lg shadow-slate-950/60">
        <TopBar reference={view.reference} state={state} saveStatus={saveStatus} reachable={reachable} />
        <StageRail phase={state.phase} reached={reached} resumeStage={state.resumeStage} />
      </div>
      <main
        className={`mx-auto grid w-full max-w-screen-2xl gap-4 p-3 lg:p-4 ${stage ? "lg:grid-cols-[minmax(17rem,22rem)_minmax(0,1fr)]" : ""}`}
      >
        {stage ? (
          <div className="lg:sticky lg:top-36 lg:max-h-[calc(100dvh-9.5rem)] lg:self-start lg:overflow-y-auto">
            {/* Keyed by stage so checklist ticks start fresh at each stage. */}
            <GuidancePanel key={stage} stage={stage} />
          </div>
        ) : null}
        <div className="flex min-w-0 flex-col gap-4">
          {pending && isOpen(state) ? <ManagerWait state={state} pending={pending} deciders={deciders} decide={decideAsManager} /> : null}
          {/* While a manager is awaited the stage's own steps are switched off; the playbook would refuse them anyway. */}
          <fieldset disabled={Boolean(pending)} className="contents">
            <StageContent state={state} send={send} actor={actor} rootCauses={rootCauses} />
          </fieldset>
          {isOpen(state) ? <CaseActions state={state} send={send} /> : null}
        </div>
      </main>
    </div>
  );
}

function StageContent({
  state,
  send,
  actor,
  rootCauses,
}: {
  state: CaseState;
  send: SendStep;
  actor: CaseActor;
  rootCauses: RootCauseOption[];
}) {
  const props = { state, send, actor };
  switch (state.phase) {
    case "listen":
      return <ListenPanel {...props} />;
    case "validate":
      return <ValidatePanel {...props} />;
    case "apologise":
      return <ApologisePanel {...props} />;
    case "solve":
      return <SolvePanel {...props} />;
    case "compensate":
      return <CompensatePanel {...props} />;
    case "confirm":
      return <ConfirmPanel {...props} />;
    case "prevent":
      return <PreventPanel {...props} rootCauses={rootCauses} />;
    case "closed":
      return <ClosedPanel state={state} rootCauses={rootCauses} />;
    case "abandoned":
      return <AbandonedPanel state={state} />;
    case "new":
      return <p className="text-lg text-slate-300">Opening the case…</p>;
  }
}
