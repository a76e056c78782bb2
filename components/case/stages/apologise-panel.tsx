"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckField } from "@/components/ui/field";
import { CoachedTextarea } from "../coached-textarea";
import { StepFeedback } from "../step-feedback";
import { optionalText } from "../text";
import type { StagePanelProps } from "../types";
import { useStep } from "../use-step";
import { ComplaintReminder, StagePanelFrame } from "./panel-frame";

/** A sincere sorry, owned personally; "It was our fault" records whether we accept the blame. */
export function ApologisePanel({ state, send }: StagePanelProps) {
  const [sincere, setSincere] = useState(false);
  const [ourFault, setOurFault] = useState(state.apology?.ourFault ?? false);
  const [words, setWords] = useState(state.apology?.words ?? "");
  const step = useStep();

  const submit = () => step.run(() => send({ type: "apology_given", data: { sincere, ourFault, words: optionalText(words) } }));

  return (
    <StagePanelFrame testId="apologise" title="Apologise" intro="Say sorry, mean it, and own it. No “but”.">
      <ComplaintReminder words={state.complaint?.customerWords} spot={state.complaint?.spot} />
      <CheckField
        label="I apologised sincerely"
        description="In your own words, looking at them."
        checked={sincere}
        onChange={setSincere}
        error={step.fieldError("sincere")}
      />
      <CheckField
        asSwitch
        label="It was our fault"
        description="Not sure? Leave it off and still say sorry for how it felt."
        checked={ourFault}
        onChange={setOurFault}
      />
      <CoachedTextarea
        label="Your apology (optional)"
        value={words}
        onChange={setWords}
        placeholder="I'm really sorry, that isn't what we want for you tonight."
        error={step.fieldError("words")}
      />
      <div className="flex flex-col gap-2">
        <Button onClick={() => void submit()} disabled={step.pending} className="self-start min-w-60">
          Apology given — next
        </Button>
        <StepFeedback step={step} testId="apologise-feedback" />
      </div>
    </StagePanelFrame>
  );
}
