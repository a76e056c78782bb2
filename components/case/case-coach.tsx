"use client";

import { useMemo } from "react";
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
import { foldLog, useCaseLog, type CaseSource, type RefusedStep } from "./use-case-log";
import { Button } from "@/components/ui/button";
import { PracticeBanner, PracticeCustomer, type PracticeBrief } from "@/components/practice/practice-coach";

function currentStage(phase: Phase): Stage | null {
  return phase === "new" || phase === "closed" || phase === "abandoned" ? null : phase;
}

/**
 * The live coach for one complaint. The event log is the truth: the screen is the log folded
 * through the same playbook the server runs, so a reload (or another tablet) shows exactly this.
 */
export function CaseCoach({
  view,
  fromServer = true,
  rootCauses,
  deciders,
  actor,
  practice,
}: {
  view: CaseSource;
  /** False for a case read from this tablet's store (opened offline, or the server unreachable). */
  fromServer?: boolean;
  rootCauses: RootCauseOption[];
  deciders: Decider[];
  actor: CaseActor;
  /** A practice run: the customer's side it plays (components/practice/practice-coach.tsx). */
  practice?: PracticeBrief;
}) {
  const { log, state, send, decideAsManager, saveStatus, reachable, waiting, refused, reference, storage, discardRefused } = useCaseLog({
    view,
    fromServer,
    actor,
  });
  const stage = currentStage(state.phase);
  // An abandoned case's rail shows how far it got: the phase before the last event.
  const reached = useMemo(() => (state.phase === "abandoned" ? foldLog(log.slice(0, -1)).phase : state.phase), [log, state.phase]);
  const pending = state.pendingManager;

  return (
    <div className="flex flex-col">
      {/* Above the sticky bar, whose "Practice" badge stays in view. */}
      {practice ? <PracticeBanner /> : null}
      {/* Stays in view while scrolling: the clock and the stage are what staff glance at. */}
      <div className="sticky top-0 z-10 shadow-lg shadow-slate-950/60">
        <TopBar
          reference={reference}
          state={state}
          saveStatus={saveStatus}
          reachable={reachable}
          waiting={waiting}
          storageRefused={storage === "refused"}
        />
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
          {practice ? <PracticeCustomer state={state} practice={practice} caseId={view.id} /> : null}
          {refused ? <RefusedBanner refused={refused} discard={discardRefused} /> : null}
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

const STEP_NAMES: Record<string, string> = {
  case_opened: "Opening the case",
  complaint_heard: "What the customer said",
  feeling_validated: "Naming their feeling",
  apology_given: "The apology",
  options_offered: "The options offered",
  request_declined: "Saying no",
  escalation_requested: "Calling a manager",
  solution_agreed: "The agreed solution",
  compensation_offered: "The compensation",
  compensation_skipped: "Skipping compensation",
  actions_agreed: "The agreed actions",
  readback_answered: "The read-back",
  root_causes_tagged: "The root causes",
  case_closed: "Closing the case",
};

/** A step recorded on this tablet that the server refused: what, why, and the way on. */
function RefusedBanner({ refused, discard }: { refused: RefusedStep; discard: () => Promise<void> }) {
  const { step, refusal, held } = refused;
  const name = step.body.kind === "open" ? STEP_NAMES.case_opened : (STEP_NAMES[step.body.event.type] ?? step.body.event.type.replaceAll("_", " "));
  return (
    <section role="alert" data-testid="refused-step" className="flex flex-col gap-3 rounded-xl border-l-4 border-rose-400 bg-rose-950/80 px-5 py-4 text-rose-50">
      <h2 className="text-xl font-semibold">The server did not accept a step recorded on this tablet</h2>
      <p className="text-lg">
        <span className="font-semibold">{name}</span> (recorded {new Date(step.capturedAt).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}):{" "}
        {refusal.message}
      </p>
      {held > 0 ? (
        <p className="text-base">
          {held} later {held === 1 ? "step is" : "steps are"} held back on this tablet, because {held === 1 ? "it was" : "they were"} recorded after it.
        </p>
      ) : null}
      <Button variant="secondary" className="self-start" onClick={() => void discard()}>
        Discard {held > 0 ? "these steps" : "this step"} and continue from the server&apos;s copy
      </Button>
    </section>
  );
}
