"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { StageRail } from "@/components/case/stage-rail";
import type { RecordedEvent } from "@/lib/playbook";
import { replayStates } from "@/lib/playbook/replay";
import type { RubricItemId } from "@/lib/playbook/rubric";
import type { ReplayView } from "@/lib/training/get-replay";
import { CaseSoFar } from "./case-so-far";
import { CollectionPanel } from "./collection-panel";
import { CommentsPanel } from "./comments-panel";
import { ReplayControls } from "./replay-controls";
import { ReplayTimeline } from "./replay-timeline";
import { RubricPanel } from "./rubric-panel";
import { StepCard } from "./step-card";
import { usePlayback } from "./use-playback";

/** Keys typed into a field are the field's, not the player's (a button or a tick box is not typing). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !["button", "checkbox", "radio", "submit", "reset"].includes(target.type);
  return target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * A recorded case, played back. The (server-redacted) log is folded here with foldSteps, the
 * same fold as the live coach, so the stage rail, the state and the read-back at each step
 * are exactly what the staff member's tablet showed.
 */
export function ReplayPlayer({ replay }: { replay: ReplayView }) {
  const log = useMemo<RecordedEvent[]>(() => replay.log.map((e) => ({ ...e, at: new Date(e.at) })), [replay.log]);
  const states = useMemo(() => replayStates(log), [log]);
  const times = useMemo(() => log.map((e) => e.at.getTime()), [log]);
  const playback = usePlayback(times);
  const { index, setIndex, toggle, step, setPlaying } = playback;
  const [selected, setSelected] = useState<RubricItemId | null>(null);
  const stickyRef = useRef<HTMLDivElement>(null);
  const stepRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (e.key === " " || e.code === "Space") {
        // Space on a focused button would also click it: the player's play/pause wins.
        e.preventDefault();
        toggle();
      } else if (e.key === "ArrowRight") {
        e.preventDefault();
        step(1);
      } else if (e.key === "ArrowLeft") {
        e.preventDefault();
        step(-1);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [toggle, step]);

  const state = states[index];
  // The conversation ends when the case is closed or the customer leaves; later steps are follow-up.
  const ended = log.findIndex((e) => e.type === "case_closed" || e.type === "case_abandoned");
  const endIndex = ended === -1 ? log.length - 1 : ended;
  const openedAt = times[0] ?? 0;
  // An abandoned case's rail shows how far it got: the phase before it ended.
  const reached = state.phase === "abandoned" ? (states[index - 1]?.phase ?? "listen") : state.phase;
  const proofs = replay.rubric.items.filter((i) => i.eventIndex === index && i.outcome !== "not_applicable");
  const selectedItem = replay.rubric.items.find((i) => i.id === selected);
  const highlighted = new Set(selectedItem && selectedItem.eventIndex !== null ? [selectedItem.eventIndex] : []);
  const commented = new Set(replay.comments.map((c) => c.eventSequence - 1));
  const tagLabel = (slug: string) => replay.rootCauses.find((t) => t.slug === slug)?.label ?? slug;
  const jump = (i: number) => {
    setPlaying(false);
    setIndex(i);
    // Bring the step into view below the sticky rail and controls, if it is not already.
    window.requestAnimationFrame(() => {
      const card = stepRef.current;
      if (!card) return;
      const below = stickyRef.current?.getBoundingClientRect().bottom ?? 0;
      const top = card.getBoundingClientRect().top;
      card.style.scrollMarginTop = `${Math.round((stickyRef.current?.offsetHeight ?? 0) + 12)}px`;
      if (top < below || top > window.innerHeight * 0.6) card.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  };

  return (
    <div className="flex flex-col gap-4" data-testid="replay">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <Link href="/trainer" className="text-base font-semibold text-sky-300 underline-offset-4 hover:underline">
            ← All cases
          </Link>
          <h1 className="flex flex-wrap items-center gap-3 text-3xl font-bold text-slate-50">
            <span>
              <span className="sr-only">Replay of case </span>
              {replay.reference}
            </span>
            {replay.practice ? (
              <span className="rounded-md bg-violet-800 px-2 py-1 text-base font-semibold text-violet-50">Practice run</span>
            ) : null}
            {replay.status === "abandoned" ? (
              <span className="rounded-md bg-slate-700 px-2 py-1 text-base font-semibold text-slate-100">Customer left</span>
            ) : null}
          </h1>
          <p className="text-lg text-slate-300">
            {replay.locationName} · handled by {replay.staff.name} · names and contact details removed
          </p>
        </div>
      </header>

      <div ref={stickyRef} className="sticky top-0 z-10 flex flex-col gap-2 bg-slate-950/95 pb-2 pt-1 shadow-lg shadow-slate-950/60">
        <div className="overflow-hidden rounded-2xl border border-slate-700">
          <StageRail phase={state.phase} reached={reached} resumeStage={state.resumeStage} />
        </div>
        <ReplayControls
          index={index}
          last={playback.last}
          playing={playback.playing}
          speed={playback.speed}
          elapsedMs={playback.clock - openedAt}
          conversationMs={(times[endIndex] ?? openedAt) - openedAt}
          followUp={index > endIndex}
          onToggle={toggle}
          onStep={step}
          onFirst={() => jump(0)}
          onSpeed={playback.setSpeed}
          trueTime={playback.trueTime}
          longPauses={playback.longPauses}
          onTrueTime={playback.setTrueTime}
        />
      </div>
      <ReplayTimeline
        lines={replay.lines}
        phases={states.map((s) => s.phase)}
        times={times}
        trueTime={playback.trueTime}
        index={index}
        highlighted={highlighted}
        commented={commented}
        onJump={jump}
      />

      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(19rem,2fr)]">
        <div ref={stepRef} className="flex min-w-0 flex-col gap-4">
          <StepCard
            line={replay.lines[index]}
            event={log[index]}
            openedAt={openedAt}
            proofs={proofs}
            comments={replay.comments.filter((c) => c.eventSequence === index + 1)}
            customer={replay.customer?.find((t) => t.index === index) ?? null}
          />
          <CaseSoFar state={state} tagLabel={tagLabel} timeZone={replay.timeZone} />
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <RubricPanel
            rubric={replay.rubric}
            selected={selected}
            currentIndex={index}
            onSelect={(id, eventIndex) => {
              setSelected(id);
              jump(eventIndex);
            }}
          />
          <CommentsPanel
            caseId={replay.id}
            comments={replay.comments}
            sequence={index + 1}
            staffName={replay.staff.name}
            canCoach={replay.canCoach}
            onJump={jump}
          />
          {replay.canCoach ? <CollectionPanel caseId={replay.id} collections={replay.collections} /> : null}
        </div>
      </div>
    </div>
  );
}
