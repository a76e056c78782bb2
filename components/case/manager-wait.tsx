"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Chip, ChipGroup } from "@/components/ui/chip";
import { TextArea, TextInput } from "@/components/ui/field";
import { ESCALATION_GUIDANCE } from "@/lib/playbook/guidance";
import type { CaseState, PendingManager } from "@/lib/playbook";
import { managerBrief } from "./manager-brief";
import { StepFeedback } from "./step-feedback";
import type { DecideAsManager, Decider } from "./types";
import { formatElapsed, useNow } from "./use-now";
import { useStep } from "./use-step";
import { optionalText } from "./text";

/**
 * The case is on hold until a manager decides. Everything the manager needs is on one
 * screen, and they approve on this tablet with their own PIN: no walking back to an office.
 */
export function ManagerWait({
  state,
  pending,
  deciders,
  decide,
}: {
  state: CaseState;
  pending: PendingManager;
  deciders: Decider[];
  decide: DecideAsManager;
}) {
  const titleId = useId();
  const now = useNow();
  const waited = now === null ? "--:--" : formatElapsed(now - pending.requestedAt.getTime());
  const brief = managerBrief(state);

  return (
    <section
      aria-labelledby={titleId}
      data-testid="manager-wait"
      className="flex flex-col gap-4 rounded-2xl border-2 border-amber-400 bg-amber-950/50 p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={titleId} className="text-2xl font-bold text-amber-200">
          Waiting for a manager
        </h2>
        <p className="text-lg tabular-nums text-amber-100">
          Waiting <span className="font-semibold">{waited}</span>
        </p>
      </div>
      <p className="text-lg text-amber-50">
        {pending.kind === "remedy" ? pending.reason : "You asked a manager to come over."} The next step unlocks when they decide.
      </p>
      <div className="rounded-xl bg-slate-900/80 p-3 text-base text-slate-100">
        <p className="font-semibold text-amber-200">While you wait</p>
        <ul className="ml-5 list-disc">
          {ESCALATION_GUIDANCE.whileWaiting.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="mt-1 italic">“{ESCALATION_GUIDANCE.phrases[0]}”</p>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-label="Brief for the manager" className="rounded-xl bg-slate-900 p-3">
          <h3 className="mb-2 text-lg font-semibold text-slate-50">Brief for the manager</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-base" data-testid="manager-brief">
            {brief.map((line, index) => (
              <div key={`${line.label}-${index}`} className="contents">
                <dt className="font-semibold text-slate-300">{line.label}</dt>
                <dd className="text-slate-50">{line.text}</dd>
              </div>
            ))}
          </dl>
        </section>
        <ManagerApproval kind={pending.kind} deciders={deciders} decide={decide} />
      </div>
    </section>
  );
}

function ManagerApproval({ kind, deciders, decide }: { kind: PendingManager["kind"]; deciders: Decider[]; decide: DecideAsManager }) {
  const [managerId, setManagerId] = useState(deciders.length === 1 ? deciders[0].id : "");
  const [pin, setPin] = useState("");
  const [note, setNote] = useState("");
  const [option, setOption] = useState("");
  const step = useStep();
  const groupErrorId = useId();

  const submit = async (decision: "approved" | "declined") => {
    const ok = await step.run(() =>
      decide({
        managerId,
        pin,
        decision: {
          decision,
          note: optionalText(note),
          option: kind === "authority" && decision === "approved" ? optionalText(option) : undefined,
        },
      }),
    );
    // A PIN is never left on a shared screen, right or wrong.
    setPin("");
    if (ok) {
      setNote("");
      setOption("");
    }
  };

  return (
    <section aria-label="Manager approves here" className="flex flex-col gap-3 rounded-xl bg-slate-900 p-3">
      <h3 className="text-lg font-semibold text-slate-50">Manager approves here</h3>
      {deciders.length === 0 ? (
        <p className="text-base text-amber-100">No manager can approve at this location yet. Ask an admin to set one up.</p>
      ) : (
        <ChipGroup legend="Manager" error={step.fieldError("managerId")} errorId={groupErrorId}>
          {deciders.map((decider) => (
            <Chip key={decider.id} pressed={managerId === decider.id} onPress={() => setManagerId(decider.id)}>
              {decider.name}
            </Chip>
          ))}
        </ChipGroup>
      )}
      <TextInput
        label="Manager PIN"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        maxLength={8}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, "").slice(0, 8))}
        error={step.fieldError("pin")}
        className="tracking-[0.4em]"
      />
      <TextArea label="Manager's note (optional)" rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={step.fieldError("note")} />
      {kind === "authority" ? (
        <TextInput
          label="Option the manager offers (optional)"
          hint="It is added to the options the customer can choose from."
          value={option}
          onChange={(e) => setOption(e.target.value)}
          error={step.fieldError("option")}
        />
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => void submit("approved")} disabled={step.pending}>
          Approve
        </Button>
        <Button variant="secondary" onClick={() => void submit("declined")} disabled={step.pending}>
          Decline
        </Button>
      </div>
      <StepFeedback step={step} testId="manager-decision-feedback" />
    </section>
  );
}
