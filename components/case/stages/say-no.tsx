"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { SAY_NO_GUIDANCE } from "@/lib/playbook/guidance";
import { CoachedTextarea } from "../coached-textarea";
import { StepFeedback } from "../step-feedback";
import { lines } from "../text";
import type { SendStep } from "@/lib/tablet/step-types";
import { useStep } from "../use-step";

/** Saying no without closing the door: the request, a factual reason, and what we can do instead. */
export function SayNoGraciously({ send }: { send: SendStep }) {
  const [open, setOpen] = useState(false);
  const [request, setRequest] = useState("");
  const [reason, setReason] = useState("");
  const [alternatives, setAlternatives] = useState("");
  const step = useStep();
  const regionId = useId();

  const alternativesError =
    step.fieldError("alternatives") ?? Object.entries(step.failure?.fields ?? {}).find(([key]) => key.startsWith("alternatives."))?.[1];

  const submit = async () => {
    const ok = await step.run(() => send({ type: "request_declined", data: { request, reason, alternatives: lines(alternatives) } }));
    if (ok) {
      setRequest("");
      setReason("");
      setAlternatives("");
      setOpen(false);
    }
  };

  return (
    <div className={`flex flex-col gap-3 rounded-xl border border-slate-700 bg-slate-950/60 p-3 ${open ? "md:col-span-2" : ""}`}>
      <Button variant="ghost" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((o) => !o)} className="justify-between">
        <span>Say no graciously</span>
        <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </Button>
      <div id={regionId} hidden={!open} className="flex flex-col gap-4">
        <ol className="grid gap-2 text-base text-slate-200 md:grid-cols-2">
          {SAY_NO_GUIDANCE.steps.map((s, index) => (
            <li key={s.title}>
              <span className="font-semibold text-slate-50">
                {index + 1}. {s.title}.
              </span>{" "}
              {s.detail}
            </li>
          ))}
        </ol>
        <TextInput
          label="What they asked for"
          value={request}
          onChange={(e) => setRequest(e.target.value)}
          error={step.fieldError("request")}
        />
        <CoachedTextarea
          label="Reason"
          hint="Factual and true, positive if you can."
          value={reason}
          onChange={setReason}
          placeholder="It's so popular it has sold out tonight"
          error={step.fieldError("reason")}
        />
        <CoachedTextarea
          label="Alternatives"
          hint="One per line. Two if you can."
          rows={3}
          value={alternatives}
          onChange={setAlternatives}
          placeholder={"The special instead\nA table by the window"}
          error={alternativesError}
        />
        <p className="text-base italic text-slate-300">“{SAY_NO_GUIDANCE.phrases[0]}”</p>
        <Button variant="secondary" disabled={step.pending} onClick={() => void submit()} className="self-start">
          Say no and offer alternatives
        </Button>
        <StepFeedback step={step} testId="say-no-feedback" />
      </div>
    </div>
  );
}
