"use client";

import Link from "next/link";
import { useContext, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { toRecordedEvent } from "@/lib/tablet/case-fold";
import type { PracticeReadbackAnswer } from "@/components/case/practice-readback";
import { CaseMovedOn } from "@/components/case/stage-focus";
import type { SendStep } from "@/lib/tablet/step-types";
import { useStep } from "@/components/case/use-step";
import { StepFeedback } from "@/components/case/step-feedback";
import type { LoggedEvent } from "@/lib/tablet/tablet-store";
import type { CaseState, RecordedEvent } from "@/lib/playbook";
import { VENT_AT, WALK_OUT_AT } from "@/lib/playbook/customer-reactions";
import {
  customerPrompt,
  readbackAnswer,
  simulateCustomer,
  temperWord,
  WALK_OUT_REASON,
  type CustomerFacts,
} from "@/lib/playbook/simulated-customer";

/** The simulated customer a practice run plays against (lib/training/get-practice-session.ts). */
export type PracticeBrief = { sourceCaseId: string; facts: CustomerFacts | null; seed: number };

/** Always in view on a practice case: this is not a real complaint. */
export function PracticeBanner() {
  return (
    <p
      role="note"
      className="bg-violet-700 px-4 py-1.5 text-center text-lg font-bold uppercase tracking-widest text-white"
      data-testid="practice-banner"
    >
      Practice · not a real complaint · the app plays the customer
    </p>
  );
}

const TEMPER_COLOURS = [
  "bg-emerald-400",
  "bg-emerald-400",
  "bg-emerald-400",
  "bg-amber-300",
  "bg-amber-300",
  "bg-orange-400",
  "bg-orange-400",
  "bg-rose-500",
  "bg-rose-500",
  "bg-rose-600",
  "bg-rose-700",
];

/**
 * The practice customer: reacts to what the trainee says and does (lib/playbook/simulated-customer.ts),
 * answers the read-back through `onReadback`, and walks out when pushed too far. The trainee can
 * also say anything to them; it is recorded as a note on the practice run and the customer answers.
 */
export function PracticeCustomer({
  state,
  practice,
  caseId,
  log,
  serverLog,
  send,
  onReadback,
  sent = true,
}: {
  state: CaseState;
  practice: PracticeBrief;
  caseId: string;
  /** The run's log as this tablet knows it (null until the fold has loaded: the server's log is used). */
  log: readonly RecordedEvent[] | null;
  serverLog: readonly LoggedEvent[];
  send: SendStep;
  onReadback: (answer: PracticeReadbackAnswer | null) => void;
  /** Every step of the run has reached the server (the score is worked out there). */
  sent?: boolean;
}) {
  const events = useMemo(() => log ?? serverLog.map(toRecordedEvent), [log, serverLog]);
  const sim = useMemo(() => simulateCustomer(practice.facts, events, practice.seed), [practice, events]);
  const answer = useMemo(
    () => (state.phase === "confirm" ? readbackAnswer(practice.facts, sim, state, practice.seed) : null),
    [practice, sim, state],
  );
  useEffect(() => {
    onReadback(answer ? { accepted: answer.accepted, comment: answer.comment } : null);
  }, [answer, onReadback]);

  // Pushed too far: the customer leaves, and the run ends there (once).
  const open = state.phase !== "new" && state.phase !== "closed" && state.phase !== "abandoned";
  const leaving = useRef(false);
  useEffect(() => {
    if (sim.walkedOut && open && !state.pendingManager && !leaving.current) {
      leaving.current = true;
      void send({ type: "case_abandoned", data: { reason: WALK_OUT_REASON } });
    }
  }, [sim.walkedOut, open, state.pendingManager, send]);

  // After each stage change, and whenever the customer answers, the customer (above the stage's
  // panel) is put back in view: what they just said is what the trainee needs to see.
  const panel = useRef<HTMLElement>(null);
  const movedOn = useContext(CaseMovedOn);
  const turns = sim.turns.length;
  const firstTurns = useRef(turns);
  useEffect(() => {
    if ((!movedOn && turns === firstTurns.current) || !panel.current) return;
    const frame = window.requestAnimationFrame(() => {
      const bar = document.querySelector<HTMLElement>("[data-sticky-bar]");
      const below = bar ? bar.getBoundingClientRect().bottom : 0;
      const top = (panel.current?.getBoundingClientRect().top ?? 0) + window.scrollY - below - 8;
      window.scrollTo({ top: Math.max(0, top), behavior: "instant" });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [movedOn, state.phase, turns]);

  const ended = !open;
  const recent = sim.turns.slice(-3);
  const prompt = customerPrompt(practice.facts, sim, state, practice.seed);
  const word = temperWord(sim.temper);
  return (
    <section
      ref={panel}
      aria-labelledby="practice-customer"
      className="flex flex-col gap-3 rounded-2xl border-2 border-violet-400 bg-violet-950/70 p-4"
      data-testid="practice-customer"
      data-temper={sim.temper}
      data-venting={sim.venting ? "true" : "false"}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="practice-customer" className="text-base font-semibold uppercase tracking-wide text-violet-200">
          The customer{practice.facts ? ` · ${practice.facts.spot}` : ""}
        </h2>
        <div className="flex items-center gap-2" data-testid="customer-temper">
          <span className="text-base text-violet-100">Temper: {word}</span>
          <span
            role="meter"
            aria-label="Customer's temper"
            aria-valuemin={0}
            aria-valuemax={WALK_OUT_AT}
            aria-valuenow={sim.temper}
            aria-valuetext={word}
            className="flex h-3 w-40 overflow-hidden rounded-full bg-slate-800"
          >
            <span className={`${TEMPER_COLOURS[sim.temper]} h-full`} style={{ width: `${(100 * sim.temper) / WALK_OUT_AT}%` }} />
          </span>
        </div>
      </div>
      <ol className="flex flex-col gap-2" aria-live="polite" data-testid="customer-talk">
        {recent.map((turn) => (
          <li key={turn.index} className="flex flex-col gap-1" data-reactions={turn.reactions.join(" ")}>
            {turn.heard ? <p className="text-base text-violet-200">You: {turn.heard}</p> : null}
            <p
              className={`text-xl leading-snug ${turn.vent || turn.walkedOut ? "font-semibold text-rose-100" : "text-white"}`}
              data-testid={turn.vent ? "customer-vents" : turn.walkedOut ? "customer-walks-out" : undefined}
            >
              {turn.index === -1 ? "The customer says: " : "Customer: "}
              {turn.say}
            </p>
          </li>
        ))}
      </ol>
      {prompt && !ended ? (
        <p className="text-lg text-violet-100" data-testid="customer-prompt">
          {prompt}
        </p>
      ) : null}
      {sim.venting && !ended ? (
        <p className="rounded-lg bg-rose-900/60 px-3 py-2 text-base text-rose-50" data-testid="customer-venting">
          They are upset again{sim.temper >= VENT_AT + 2 ? " and close to walking out" : ""}. Carrying on over them makes it worse.
        </p>
      ) : null}
      {open && !sim.walkedOut ? <SayToCustomer send={send} /> : null}
      {ended && !sent ? (
        <p className="text-lg text-violet-100" data-testid="practice-sending">
          Sending your last steps: your score is ready as soon as they arrive.
        </p>
      ) : null}
      {ended && sent ? (
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

/** Anything the trainee would say out loud: recorded on the run, and the customer answers it. */
function SayToCustomer({ send }: { send: SendStep }) {
  const [text, setText] = useState("");
  const step = useStep();
  const say = async () => {
    const ok = await step.run(() => send({ type: "note_added", data: { text } }));
    if (ok) setText("");
  };
  return (
    <details className="rounded-xl bg-violet-900/40 px-3 py-2">
      <summary className="flex min-h-11 cursor-pointer items-center text-lg font-semibold text-violet-100">
        Say something to the customer
      </summary>
      <div className="flex flex-col gap-2 pb-2">
        <TextArea label="What you say" rows={2} value={text} onChange={(e) => setText(e.target.value)} error={step.fieldError("text")} />
        <Button variant="secondary" className="self-start" disabled={step.pending} onClick={() => void say()}>
          Say it
        </Button>
        <StepFeedback step={step} testId="say-feedback" />
      </div>
    </details>
  );
}
