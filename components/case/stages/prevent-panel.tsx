"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Chip, ChipGroup } from "@/components/ui/chip";
import { TextArea } from "@/components/ui/field";
import { StepFeedback } from "../step-feedback";
import { optionalText } from "../text";
import type { RootCauseOption, StagePanelProps } from "../types";
import { useStep } from "../use-step";
import { StagePanelFrame } from "./panel-frame";

const MAX_TAGS = 5;

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag) => b.includes(tag));
}

/** The customer is sorted; now the cause, so the next guest doesn't meet it. */
export function PreventPanel({ state, send, rootCauses }: StagePanelProps & { rootCauses: RootCauseOption[] }) {
  const [tags, setTags] = useState<string[]>(state.rootCauseTags);
  const [note, setNote] = useState(state.preventionNote ?? "");
  const tagStep = useStep();
  const closeStep = useStep();
  const tagsErrorId = useId();

  const tagged = state.rootCauseTags.length > 0;
  const upToDate = tagged && sameTags(tags, state.rootCauseTags) && (optionalText(note) ?? "") === (state.preventionNote ?? "");

  const toggle = (slug: string) =>
    setTags((current) =>
      current.includes(slug) ? current.filter((t) => t !== slug) : current.length < MAX_TAGS ? [...current, slug] : current,
    );

  return (
    <StagePanelFrame testId="prevent" title="Prevent" intro="What caused it? The process, not a person.">
      {rootCauses.length === 0 ? (
        <p className="text-lg text-amber-200">No root causes are set up yet. Ask an admin to add some.</p>
      ) : (
        <ChipGroup
          legend="Root causes"
          hint={`Pick up to ${MAX_TAGS}.`}
          error={tagStep.fieldError("tags") ?? tagStep.fieldError("tags.0")}
          errorId={tagsErrorId}
        >
          {rootCauses.map((cause) => (
            <Chip
              key={cause.slug}
              pressed={tags.includes(cause.slug)}
              onPress={() => {
                toggle(cause.slug);
                tagStep.clearField("tags");
              }}
            >
              {cause.label}
            </Chip>
          ))}
        </ChipGroup>
      )}
      <TextArea
        label="Prevention note (optional)"
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="One thing that would have stopped it"
        error={tagStep.fieldError("note")}
      />
      <div className="flex flex-col gap-2">
        <Button
          variant={upToDate ? "secondary" : "primary"}
          disabled={tagStep.pending}
          className="self-start min-w-60"
          onClick={() => void tagStep.run(() => send({ type: "root_causes_tagged", data: { tags, note: optionalText(note) } }))}
        >
          Tag root causes
        </Button>
        <StepFeedback step={tagStep} testId="tags-feedback" />
      </div>
      <div className="flex flex-col gap-2 border-t border-slate-700 pt-4">
        {tagged && !upToDate ? (
          <p className="text-base text-amber-200">Save your changed tags before closing, or they will be lost.</p>
        ) : null}
        <Button
          variant={upToDate ? "primary" : "secondary"}
          disabled={closeStep.pending}
          className="self-start min-w-60"
          onClick={() => void closeStep.run(() => send({ type: "case_closed", data: {} }))}
        >
          Close case
        </Button>
        <StepFeedback step={closeStep} testId="close-feedback" />
      </div>
    </StagePanelFrame>
  );
}
