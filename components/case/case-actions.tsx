"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Chip, ChipGroup } from "@/components/ui/chip";
import { TextArea } from "@/components/ui/field";
import { STAGE_LABELS, type CaseState } from "@/lib/playbook";
import { StepFeedback } from "./step-feedback";
import { optionalText } from "./text";
import type { SendStep } from "./types";
import { useStep } from "./use-step";

type Open = "vent" | "note" | "left" | null;

/**
 * Things that can happen at any moment of a live complaint. Kept apart from, and quieter
 * than, the stage's main button so they never compete with it.
 */
export function CaseActions({ state, send }: { state: CaseState; send: SendStep }) {
  const [open, setOpen] = useState<Open>(null);
  const [savedNote, setSavedNote] = useState(false);
  const titleId = useId();
  // Not while a manager is awaited: the playbook would move the case to Listen, where the
  // manager's decision cannot be recorded, leaving it stuck until someone ends it.
  const canVent = state.phase !== "listen" && !state.pendingManager;
  const toggle = (which: Exclude<Open, null>) => {
    setSavedNote(false);
    setOpen((current) => (current === which ? null : which));
  };

  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-950 p-3" data-testid="case-actions">
      <h2 id={titleId} className="text-base font-semibold uppercase tracking-wide text-slate-400">
        At any time
      </h2>
      <div className="flex flex-wrap gap-2">
        {canVent ? (
          <Button variant="ghost" aria-expanded={open === "vent"} onClick={() => toggle("vent")}>
            Customer is venting again
          </Button>
        ) : null}
        <Button variant="ghost" aria-expanded={open === "note"} onClick={() => toggle("note")}>
          Add note
        </Button>
        <Button variant="ghost" aria-expanded={open === "left"} onClick={() => toggle("left")} className="text-rose-200">
          Customer left
        </Button>
        <p aria-live="polite" className="self-center text-base text-emerald-300">
          {savedNote ? "Note saved" : ""}
        </p>
      </div>
      {open === "vent" && canVent ? <VentAgain state={state} send={send} onDone={() => setOpen(null)} /> : null}
      {open === "note" ? (
        <AddNote
          send={send}
          onDone={() => {
            setOpen(null);
            setSavedNote(true);
          }}
        />
      ) : null}
      {open === "left" ? <CustomerLeft send={send} onCancel={() => setOpen(null)} /> : null}
      {state.notes.length > 0 ? (
        <details className="text-base text-slate-300">
          <summary className="flex min-h-11 cursor-pointer items-center">Notes ({state.notes.length})</summary>
          <ul className="ml-5 list-disc">
            {state.notes.map((note, index) => (
              <li key={index}>{note.text}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function VentAgain({ state, send, onDone }: { state: CaseState; send: SendStep; onDone: () => void }) {
  const [backTo, setBackTo] = useState<"listen" | "validate">("listen");
  const [note, setNote] = useState("");
  const step = useStep();
  const groupErrorId = useId();
  const resume = state.resumeStage ?? (state.phase === "closed" || state.phase === "abandoned" || state.phase === "new" ? undefined : state.phase);

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
      <TextArea label="What they said (optional)" rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={step.fieldError("note")} />
      <Button variant="secondary" className="self-start" disabled={step.pending} onClick={() => void submit()}>
        Go back to {STAGE_LABELS[backTo]}
      </Button>
      <StepFeedback step={step} testId="vent-feedback" />
    </div>
  );
}

function AddNote({ send, onDone }: { send: SendStep; onDone: () => void }) {
  const [text, setText] = useState("");
  const step = useStep();
  const submit = async () => {
    const ok = await step.run(() => send({ type: "note_added", data: { text } }));
    if (ok) onDone();
  };
  return (
    <div className="flex flex-col gap-3 rounded-xl bg-slate-900 p-3">
      <TextArea label="Note" rows={2} value={text} onChange={(e) => setText(e.target.value)} placeholder="Birthday dinner; regular guest" error={step.fieldError("text")} />
      <Button variant="secondary" className="self-start" disabled={step.pending} onClick={() => void submit()}>
        Save note
      </Button>
      <StepFeedback step={step} testId="note-feedback" />
    </div>
  );
}

/** Ending a case cannot be undone, so it takes a reason and a second, deliberate tap. */
function CustomerLeft({ send, onCancel }: { send: SendStep; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  const step = useStep();
  return (
    <div role="group" aria-label="Confirm the customer left" className="flex flex-col gap-3 rounded-xl border-2 border-rose-500 bg-rose-950/40 p-3">
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
        <Button variant="danger" disabled={step.pending} onClick={() => void step.run(() => send({ type: "case_abandoned", data: { reason } }))}>
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
