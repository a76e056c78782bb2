"use client";

import { useEffect, useRef, useState } from "react";
import { deferIdleWorkUntilInteractive, whenIdle } from "@/lib/client/idle";
import { isOpen, type CaseState } from "@/lib/playbook/state";
import type { StageGuidance } from "@/lib/playbook/guidance";
import type { Phase, Stage } from "@/lib/playbook/vocabulary";
import { CaseActions } from "./case-actions";
import {
  AbandonedPanel,
  ApologisePanel,
  ClosedPanel,
  CompensatePanel,
  ConfirmPanel,
  ListenPanel,
  ManagerWait,
  PracticeBanner,
  PracticeCustomer,
  PreventPanel,
  RefusedBanner,
  SolvePanel,
  ValidatePanel,
} from "./coach-parts";
import { GuidancePanel } from "./guidance-panel";
import { PracticeReadback, type PracticeReadbackAnswer } from "./practice-readback";
import { CaseMovedOn } from "./stage-focus";
import { VENUE_DEFAULT_TIME_ZONE, VenueTimeZone } from "./venue-zone";
import { StageRail } from "./stage-rail";
import { TopBar } from "./top-bar";
import type { CaseActor, Decider, RootCauseOption } from "./types";
import type { SendStep } from "@/lib/tablet/step-types";
import type { FoldedCase } from "@/lib/tablet/case-fold";
import { useCaseLog, type CaseSource } from "./use-case-log";
import type { PracticeBrief } from "@/components/practice/practice-coach";

/** The panel a case usually needs next. */
const NEXT_PANEL: Partial<Record<Phase, { preload: () => void }>> = {
  listen: ValidatePanel,
  validate: ApologisePanel,
  apologise: SolvePanel,
  solve: CompensatePanel,
  compensate: ConfirmPanel,
  confirm: PreventPanel,
  prevent: ClosedPanel,
};

function currentStage(phase: Phase): Stage | null {
  return phase === "new" || phase === "closed" || phase === "abandoned" ? null : phase;
}

/**
 * The live coach for one complaint. The event log is the truth: the screen is the log folded
 * through the same playbook the server runs, so a reload (or another tablet) shows exactly this.
 */
export function CaseCoach({
  view,
  initial,
  fromServer = true,
  rootCauses,
  deciders,
  actor,
  practice,
  guidance,
}: {
  view: CaseSource;
  /** view.log folded (components/case/case-log.ts): shown until the tablet has loaded the fold itself. */
  initial: FoldedCase;
  /** False for a case read from this tablet's store (opened offline, or the server unreachable). */
  fromServer?: boolean;
  rootCauses: RootCauseOption[];
  deciders: Decider[];
  actor: CaseActor;
  /** A practice run: the customer's side it plays (components/practice/practice-coach.tsx). */
  practice?: PracticeBrief;
  /** The coaching words for each stage (GUIDANCE), handed down by the server page. */
  guidance: Record<Stage, StageGuidance>;
}) {
  const { state, log, reached, send, decideAsManager, saveStatus, reachable, waiting, refused, reference, storage, discardRefused } =
    useCaseLog({
      view,
      initial,
      fromServer,
      actor,
    });
  const stage = currentStage(state.phase);
  const pending = state.pendingManager;
  // Nothing optional runs before the stage's panel has hydrated (lib/client/idle.ts); then the
  // next stage's panel is fetched, so moving on does not wait for it.
  deferIdleWorkUntilInteractive();
  useEffect(() => whenIdle(() => NEXT_PANEL[state.phase]?.preload()), [state.phase]);
  // In practice, the simulated customer's answer to the read-back (set by PracticeCustomer).
  const [practiceAnswer, setPracticeAnswer] = useState<PracticeReadbackAnswer | null>(null);
  const movedOn = useMovedOn(`${state.phase}|${pending ? "waiting" : ""}`);

  return (
    <VenueTimeZone.Provider value={view.timeZone ?? VENUE_DEFAULT_TIME_ZONE}>
      <CaseMovedOn.Provider value={movedOn}>
        <PracticeReadback.Provider value={practice ? practiceAnswer : null}>
          <div className="flex flex-col">
            {/* Above the sticky bar, whose "Practice" badge stays in view. */}
            {practice ? <PracticeBanner /> : null}
            {/* Stays in view while scrolling: the clock and the stage are what staff glance at. */}
            <div className="sticky top-0 z-10 shadow-lg shadow-slate-950/60" data-sticky-bar>
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
                  <GuidancePanel key={stage} stage={stage} guidance={guidance[stage]} />
                </div>
              ) : null}
              <div className="flex min-w-0 flex-col gap-4">
                {practice ? (
                  <PracticeCustomer
                    state={state}
                    practice={practice}
                    caseId={view.id}
                    log={log}
                    serverLog={view.log}
                    send={send}
                    onReadback={setPracticeAnswer}
                    sent={waiting === 0 && !refused}
                  />
                ) : null}
                {refused ? <RefusedBanner refused={refused} discard={discardRefused} /> : null}
                {pending && isOpen(state) ? (
                  <ManagerWait state={state} pending={pending} deciders={deciders} decide={decideAsManager} />
                ) : null}
                {/* While a manager is awaited the stage's own steps are switched off; the playbook would refuse them anyway. */}
                <fieldset disabled={Boolean(pending)} className="contents">
                  <StageContent state={state} send={send} actor={actor} rootCauses={rootCauses} />
                </fieldset>
                {isOpen(state) ? <CaseActions key={state.phase} state={state} send={send} /> : null}
              </div>
            </main>
          </div>
        </PracticeReadback.Provider>
      </CaseMovedOn.Provider>
    </VenueTimeZone.Provider>
  );
}

/** False until what is on screen (the stage, a manager awaited) first changes after the page loads. */
function useMovedOn(screen: string): boolean {
  const first = useRef(screen);
  const moved = useRef(false);
  if (screen !== first.current) moved.current = true;
  return moved.current;
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
      // A new round of agreement starts from nothing agreed: a fresh panel, not the last round's rows.
      return <ConfirmPanel key={state.round} {...props} />;
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
