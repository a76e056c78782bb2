"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { allOptions, type CaseState } from "@/lib/playbook/state";
import { CoachedTextarea } from "../coached-textarea";
import { StepFeedback } from "../step-feedback";
import { optionalText } from "../text";
import type { SendStep } from "@/lib/tablet/step-types";
import { useStep } from "../use-step";
import { SubSection } from "./panel-frame";

const MAX_OPTIONS = 6;

/** Facts first, then options: two or more, so the customer chooses rather than being told. */
export function OfferOptions({ state, send }: { state: CaseState; send: SendStep }) {
  const [facts, setFacts] = useState(state.facts ?? "");
  // Two empty lines to start with: the nudge to offer a choice, not a single take-it-or-leave-it.
  const [drafts, setDrafts] = useState<string[]>(() => (state.options.length === 0 ? ["", ""] : [""]));
  const step = useStep();

  const filled = drafts.map((text, row) => ({ text: text.trim(), row })).filter((d) => d.text !== "");
  /** The server numbers only the filled lines; map its "options.N" back to the row on screen. */
  const rowError = (row: number) => {
    const index = filled.findIndex((d) => d.row === row);
    return index >= 0 ? step.fieldError(`options.${index}`) : undefined;
  };
  const setDraft = (row: number, text: string) => setDrafts((current) => current.map((d, i) => (i === row ? text : d)));

  const submit = async () => {
    const ok = await step.run(() =>
      send({ type: "options_offered", data: { facts: optionalText(facts), options: filled.map((d) => d.text) } }),
    );
    if (ok) setDrafts([""]);
  };

  return (
    <SubSection title="Find a way to say yes">
      <TextArea
        label="Facts you checked (optional)"
        rows={2}
        value={facts}
        onChange={(e) => setFacts(e.target.value)}
        placeholder="What went wrong, when, which dish or room"
        error={step.fieldError("facts")}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-lg font-semibold text-slate-100">Options offered</legend>
        <p className="-mt-1 text-base text-sky-200">Find a way to say yes — offer at least two.</p>
        {state.options.length > 0 ? (
          <p className="text-base text-slate-300">
            Already offered: <span className="text-slate-100">{state.options.join(" · ")}</span>
          </p>
        ) : null}
        {drafts.map((draft, row) => (
          <div key={row} className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <CoachedTextarea
                singleLine
                label={`Option ${row + 1}`}
                value={draft}
                onChange={(text) => setDraft(row, text)}
                placeholder={row === 0 ? "Cook a fresh one now" : "Take it off the bill"}
                error={rowError(row)}
              />
            </div>
            {drafts.length > 1 ? (
              <Button variant="ghost" className="mt-9 px-4" onClick={() => setDrafts((current) => current.filter((_, i) => i !== row))}>
                {/* Named by its content, not aria-label, so a search for the "Option 1" field finds only the field. */}
                <span aria-hidden="true">✕</span>
                <span className="sr-only">Remove option {row + 1}</span>
              </Button>
            ) : null}
          </div>
        ))}
        {step.fieldError("options") ? <p className="text-base font-medium text-rose-300">{step.fieldError("options")}</p> : null}
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button variant="ghost" disabled={drafts.length >= MAX_OPTIONS} onClick={() => setDrafts((current) => [...current, ""])}>
          Add another option
        </Button>
        {/* The next sensible step until the customer has a real choice of two. */}
        <Button
          variant={allOptions(state).length < 2 ? "primary" : "secondary"}
          data-primary={allOptions(state).length < 2 ? "true" : undefined}
          disabled={step.pending}
          onClick={() => void submit()}
        >
          Offer these options
        </Button>
      </div>
      <StepFeedback step={step} testId="options-feedback" />
    </SubSection>
  );
}
