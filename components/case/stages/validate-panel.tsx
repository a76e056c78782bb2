"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Chip, ChipGroup } from "@/components/ui/chip";
import { CheckField } from "@/components/ui/field";
import { FEELING_LABELS, FEELINGS, STAGE_LABELS, type Feeling } from "@/lib/playbook/vocabulary";
import { CoachedTextarea } from "../coached-textarea";
import { StepFeedback } from "../step-feedback";
import { optionalText } from "../text";
import type { StagePanelProps } from "../types";
import { useStep } from "../use-step";
import { ComplaintReminder, StagePanelFrame } from "./panel-frame";

/** Name the feeling out loud before fixing anything: people need to feel heard first. */
export function ValidatePanel({ state, send }: StagePanelProps) {
  const [feeling, setFeeling] = useState<Feeling | undefined>(state.feeling?.feeling);
  const [acknowledged, setAcknowledged] = useState(false);
  const [words, setWords] = useState(state.feeling?.words ?? "");
  const step = useStep();
  const feelingErrorId = useId();

  const submit = () => step.run(() => send({ type: "feeling_validated", data: { feeling, acknowledged, words: optionalText(words) } }));

  return (
    <StagePanelFrame
      testId="validate"
      title="Validate"
      intro={
        state.resumeStage && state.resumeStage !== "validate"
          ? `Name how they feel now; then you'll carry on at ${STAGE_LABELS[state.resumeStage]}.`
          : "How do they feel? Say it back to them."
      }
    >
      <ComplaintReminder words={state.complaint?.customerWords} spot={state.complaint?.spot} />
      <ChipGroup legend="Feeling" error={step.fieldError("feeling")} errorId={feelingErrorId}>
        {FEELINGS.map((value) => (
          <Chip
            key={value}
            pressed={feeling === value}
            onPress={() => {
              setFeeling(value);
              step.clearField("feeling");
            }}
          >
            {FEELING_LABELS[value]}
          </Chip>
        ))}
      </ChipGroup>
      <CheckField
        label="I acknowledged how they feel"
        description={
          feeling
            ? `e.g. “I can see you're ${FEELING_LABELS[feeling].toLowerCase()}, and I'd feel the same.”`
            : "Say it out loud, in your own words."
        }
        checked={acknowledged}
        onChange={setAcknowledged}
        error={step.fieldError("acknowledged")}
      />
      <CoachedTextarea
        label="Your words (optional)"
        value={words}
        onChange={setWords}
        placeholder="What you said to them"
        error={step.fieldError("words")}
      />
      <div className="flex flex-col gap-2">
        <Button onClick={() => void submit()} disabled={step.pending} className="self-start min-w-60">
          Feeling named — next
        </Button>
        <StepFeedback step={step} testId="validate-feedback" />
      </div>
    </StagePanelFrame>
  );
}
