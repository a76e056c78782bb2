"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { ESCALATION_GUIDANCE } from "@/lib/playbook/guidance";
import { StepFeedback } from "../step-feedback";
import type { SendStep } from "@/lib/tablet/step-types";
import { useStep } from "../use-step";

/** Bringing a manager in early is part of the playbook, not a failure. */
export function CallManager({ send }: { send: SendStep }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const step = useStep();
  const regionId = useId();

  const submit = async () => {
    const ok = await step.run(() => send({ type: "escalation_requested", data: { reason } }));
    if (ok) {
      setReason("");
      setOpen(false);
    }
  };

  return (
    <div className={`flex flex-col gap-3 rounded-xl border border-slate-700 bg-slate-950/60 p-3 ${open ? "md:col-span-2" : ""}`}>
      <Button variant="ghost" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((o) => !o)} className="justify-between">
        <span>Call a manager</span>
        <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </Button>
      <div id={regionId} hidden={!open} className="flex flex-col gap-4">
        <div className="text-base text-slate-200">
          <p className="font-semibold text-slate-50">Call one when:</p>
          <ul className="ml-5 list-disc">
            {ESCALATION_GUIDANCE.when.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        <TextArea
          label="Why a manager is needed"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="They want the whole meal refunded; that's above my limit."
          error={step.fieldError("reason")}
        />
        <Button variant="secondary" disabled={step.pending} onClick={() => void submit()} className="self-start">
          Ask a manager to come
        </Button>
        <StepFeedback step={step} testId="call-manager-feedback" />
      </div>
    </div>
  );
}
