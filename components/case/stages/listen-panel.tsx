"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Chip, ChipGroup } from "@/components/ui/chip";
import { TextArea, TextInput } from "@/components/ui/field";
import {
  CATEGORIES,
  CATEGORY_LABELS,
  MOODS,
  SEVERITIES,
  SEVERITY_LABELS,
  type Category,
  type Mood,
  type Severity,
} from "@/lib/playbook/vocabulary";
import { StepFeedback } from "../step-feedback";
import type { StagePanelProps } from "../types";
import { useStep } from "../use-step";
import { StagePanelFrame } from "./panel-frame";

const MOOD_LABELS: Record<Mood, string> = { calm: "Calm", upset: "Upset", angry: "Angry", furious: "Furious" };

/** Capture the complaint in the customer's own words while they talk; prefilled when they vent again. */
export function ListenPanel({ state, send }: StagePanelProps) {
  const heard = state.complaint;
  const [customerWords, setCustomerWords] = useState(heard?.customerWords ?? "");
  // A complaint that grew out of a heads-up starts with its place (and, for a wait, its category): nothing retyped.
  const carried = state.fromHeadsUp;
  const [category, setCategory] = useState<Category | undefined>(
    heard?.category ?? (carried?.kind === "running_late" ? "wait_time" : undefined),
  );
  const [severity, setSeverity] = useState<Severity | undefined>(heard?.severity);
  const [spot, setSpot] = useState(heard?.spot ?? carried?.spot ?? "");
  const [mood, setMood] = useState<Mood | undefined>(heard?.mood);
  const step = useStep();
  const errorIds = { category: useId(), severity: useId(), mood: useId() };

  // Severity 0 stands for "not picked": the schema's own message ("Pick a severity") then explains.
  const submit = () =>
    step.run(() => send({ type: "complaint_heard", data: { customerWords, category, severity: severity ?? 0, spot, mood } }));

  return (
    <StagePanelFrame
      testId="listen"
      title="Listen"
      intro={
        heard ? "They have more to say, and that's normal. Update what you heard." : "Let them finish. Note what they say as they talk."
      }
    >
      {carried ? (
        <p data-testid="from-heads-up" className="rounded-xl border border-amber-300 bg-amber-950/70 px-4 py-3 text-lg text-amber-50">
          <span className="font-semibold">From heads-up {carried.reference}:</span> {carried.what} · {carried.spot}
          {carried.reason ? ` · told “${carried.reason}”` : ""}
          {carried.option ? ` · they chose “${carried.option}”` : ""}
        </p>
      ) : null}
      <TextArea
        label="What the customer says"
        rows={3}
        value={customerWords}
        onChange={(e) => {
          setCustomerWords(e.target.value);
          step.clearField("customerWords");
        }}
        placeholder="In their words: “My steak was cold and we waited 40 minutes”"
        error={step.fieldError("customerWords")}
      />
      <ChipGroup legend="Category" error={step.fieldError("category")} errorId={errorIds.category}>
        {CATEGORIES.map((value) => (
          <Chip
            key={value}
            pressed={category === value}
            onPress={() => {
              setCategory(value);
              step.clearField("category");
            }}
          >
            {CATEGORY_LABELS[value]}
          </Chip>
        ))}
      </ChipGroup>
      <div className="grid gap-5 md:grid-cols-2">
        <ChipGroup legend="Severity" error={step.fieldError("severity")} errorId={errorIds.severity}>
          {SEVERITIES.map((value) => (
            <Chip
              key={value}
              pressed={severity === value}
              onPress={() => {
                setSeverity(value);
                step.clearField("severity");
              }}
            >
              <span className="font-bold">{value}</span> {SEVERITY_LABELS[value]}
            </Chip>
          ))}
        </ChipGroup>
        <ChipGroup legend="Mood" error={step.fieldError("mood")} errorId={errorIds.mood}>
          {MOODS.map((value) => (
            <Chip
              key={value}
              pressed={mood === value}
              onPress={() => {
                setMood(value);
                step.clearField("mood");
              }}
            >
              {MOOD_LABELS[value]}
            </Chip>
          ))}
        </ChipGroup>
      </div>
      <TextInput
        label="Where"
        value={spot}
        onChange={(e) => {
          setSpot(e.target.value);
          step.clearField("spot");
        }}
        placeholder="Table 12 / Room 304"
        autoComplete="off"
        error={step.fieldError("spot")}
      />
      <div className="flex flex-col gap-2">
        <Button onClick={() => void submit()} disabled={step.pending} className="self-start min-w-60">
          Heard — next
        </Button>
        <StepFeedback step={step} testId="listen-feedback" />
      </div>
    </StagePanelFrame>
  );
}
