"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { allOptions, type CaseState } from "@/lib/playbook/state";
import { StepFeedback } from "../step-feedback";
import { quotedSentence } from "../text";
import type { StagePanelProps } from "../types";
import type { SendStep } from "@/lib/tablet/step-types";
import { useStep } from "../use-step";
import { CallManager } from "./call-manager";
import { DecisionNote } from "./decision-note";
import { OfferOptions } from "./offer-options";
import { ComplaintReminder, StagePanelFrame } from "./panel-frame";
import { SayNoGraciously } from "./say-no";

/** Facts, options, a gracious no if needed, a manager if needed, then the customer chooses. */
export function SolvePanel({ state, send }: StagePanelProps) {
  const lastDecision = state.decisions.findLast((d) => d.kind === "authority");
  const readbackRefused = state.readback && !state.readback.accepted ? state.readback : undefined;
  return (
    <StagePanelFrame testId="solve" title="Solve" intro="Get the facts, then find a way to say yes.">
      <ComplaintReminder words={state.complaint?.customerWords} spot={state.complaint?.spot} />
      {readbackRefused ? (
        <p role="status" className="rounded-xl border-l-4 border-amber-400 bg-amber-950/60 px-4 py-3 text-lg text-amber-50">
          <span className="font-semibold">Not quite right for them yet. </span>
          {readbackRefused.comment ? <>They said: {quotedSentence(readbackRefused.comment)} </> : null}
          That's useful to know: agree another option, or offer something new. The earlier agreement, remedy and actions no longer stand.
        </p>
      ) : null}
      {lastDecision && !state.pendingManager ? (
        <DecisionNote
          decision={lastDecision}
          approvedText="Any option they offered is now in the list below."
          declinedText="Carry on with the options you can offer."
        />
      ) : null}
      <OfferOptions state={state} send={send} />
      <AgreeSolution state={state} send={send} />
      <div className="grid items-start gap-3 md:grid-cols-2">
        <SayNoGraciously send={send} />
        <CallManager send={send} />
      </div>
    </StagePanelFrame>
  );
}

/** The stage's main action: record which option the customer picked. */
function AgreeSolution({ state, send }: { state: CaseState; send: SendStep }) {
  const options = allOptions(state);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const step = useStep();
  const legendId = useId();
  const selected = chosen && options.includes(chosen) ? chosen : undefined;
  // "Offer at least two options" is stale once more options arrive: clear it.
  const { reset } = step;
  useEffect(() => reset(), [options.length, reset]);

  return (
    <section aria-labelledby={legendId} className="flex flex-col gap-3 rounded-xl bg-slate-800/70 p-4">
      <h3 id={legendId} className="text-xl font-semibold text-slate-50">
        Which option did they choose?
      </h3>
      {options.length === 0 ? (
        <p className="text-base text-slate-300">Offer options above; they will appear here for the customer to choose from.</p>
      ) : (
        <div role="radiogroup" aria-labelledby={legendId} className="flex flex-col gap-2">
          {options.map((option) => (
            <label
              key={option}
              className={`flex min-h-14 cursor-pointer items-center gap-3 rounded-xl border-2 px-4 py-2 text-lg ${
                selected === option ? "border-sky-300 bg-sky-950 text-slate-50" : "border-slate-600 bg-slate-900 text-slate-100"
              }`}
            >
              <input
                type="radio"
                name="agreed-option"
                value={option}
                checked={selected === option}
                onChange={() => setChosen(option)}
                className="size-6 shrink-0 accent-sky-400"
              />
              {option}
            </label>
          ))}
        </div>
      )}
      {options.length === 1 ? <p className="text-base text-sky-200">One more option, so they have a real choice.</p> : null}
      {step.fieldError("option") ? <p className="text-base font-medium text-rose-300">{step.fieldError("option")}</p> : null}
      {/* The stage's main button once there is a real choice; until then offering options is the next step. */}
      <Button
        variant={options.length >= 2 ? "primary" : "secondary"}
        data-primary={options.length >= 2 ? "true" : undefined}
        disabled={step.pending}
        onClick={() => void step.run(() => send({ type: "solution_agreed", data: { option: selected } }))}
        className="self-start min-w-60"
      >
        Agree this solution
      </Button>
      <StepFeedback step={step} testId="agree-feedback" />
    </section>
  );
}
