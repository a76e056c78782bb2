"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Chip, ChipGroup } from "@/components/ui/chip";
import { TextArea } from "@/components/ui/field";
import type { CaseState } from "@/lib/playbook/state";
import { STAGE_LABELS } from "@/lib/playbook/vocabulary";
import { StepFeedback } from "./step-feedback";
import { optionalText } from "./text";
import type { SendStep } from "@/lib/tablet/step-types";
import { useStep } from "./use-step";

// The forms behind "At any time": loaded on demand (components/case/coach-parts.tsx).

export function VentAgain({ state, send, onDone }: { state: CaseState; send: SendStep; onDone: () => void }) {
  const [backTo, setBackTo] = useState<"listen" | "validate">("listen");
  const [note, setNote] = useState("");
  const step = useStep();
  const groupErrorId = useId();
  const resume =
    state.resumeStage ?? (state.phase === "closed" || state.phase === "abandoned" || state.phase === "new" ? undefined : state.phase);

  const submit = async () => {
    const ok = await step.run(() => send({ type: "customer_vented", data: { backTo, note: optionalText(note) } }));
    if (ok) onDone();
  };

  return (
    <div className="flex flex-col gap-4 rounded-xl bg-slate-900 p-3">
      <p className="text-lg text-slate-100">
        That happens, and it's normal: they need to be heard again. Listen first;
        {resume ? ` the coach brings you back to ${STAGE_LABELS[resume]} afterwards.` : " the coach brings you back afterwards."}
      </p>
      <ChipGroup legend="Go back to" errorId={groupErrorId} error={step.fieldError("backTo")}>
        <Chip pressed={backTo === "listen"} onPress={() => setBackTo("listen")}>
          Listen
        </Chip>
        <Chip pressed={backTo === "validate"} onPress={() => setBackTo("validate")}>
          Validate
        </Chip>
      </ChipGroup>
      <TextArea
        label="What they said (optional)"
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={step.fieldError("note")}
      />
      <Button variant="secondary" className="self-start" disabled={step.pending} onClick={() => void submit()}>
        Go back to {STAGE_LABELS[backTo]}
      </Button>
      <StepFeedback step={step} testId="vent-feedback" />
    </div>
  );
}

export function AddNote({ send, onDone }: { send: SendStep; onDone: () => void }) {
  const [text, setText] = useState("");
  const step = useStep();
  const submit = async () => {
    const ok = await step.run(() => send({ type: "note_added", data: { text } }));
    if (ok) onDone();
  };
  return (
    <div className="flex flex-col gap-3 rounded-xl bg-slate-900 p-3">
      <TextArea
        label="Note"
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Birthday dinner; regular guest"
        error={step.fieldError("text")}
      />
      <Button variant="secondary" className="self-start" disabled={step.pending} onClick={() => void submit()}>
        Save note
      </Button>
      <StepFeedback step={step} testId="note-feedback" />
    </div>
  );
}

/** Ending a case cannot be undone, so it takes a reason and a second, deliberate tap. */
export function CustomerLeft({ send, onCancel }: { send: SendStep; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  const step = useStep();
  return (
    <div
      role="group"
      aria-label="Confirm the customer left"
      className="flex flex-col gap-3 rounded-xl border-2 border-rose-500 bg-rose-950/40 p-3"
    >
      <p className="text-lg font-semibold text-rose-100">End this case because the customer left? This cannot be undone.</p>
      <TextArea
        label="What happened"
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="They paid and left before we could agree a solution"
        error={step.fieldError("reason")}
      />
      <div className="flex flex-wrap gap-3">
        <Button
          variant="danger"
          disabled={step.pending}
          onClick={() => void step.run(() => send({ type: "case_abandoned", data: { reason } }))}
        >
          Yes, end the case
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <StepFeedback step={step} testId="left-feedback" />
    </div>
  );
}
