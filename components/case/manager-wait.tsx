"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Chip, ChipGroup } from "@/components/ui/chip";
import { TextArea, TextInput } from "@/components/ui/field";
import { ESCALATION_GUIDANCE } from "@/lib/playbook/guidance";
import { formatMoney } from "@/lib/playbook/money";
import { awaitingCompensation, type CaseState, type CompensationState, type PendingManager } from "@/lib/playbook/state";
import { COMPENSATION_KINDS, COMPENSATION_LABELS, type CompensationKind } from "@/lib/playbook/vocabulary";
import { managerBrief } from "./manager-brief";
import { bringIntoView } from "./stage-focus";
import { StepFeedback } from "./step-feedback";
import { optionalText, poundsToPence } from "./text";
import type { Decider } from "./types";
import type { DecideAsManager } from "@/lib/tablet/step-types";
import { formatElapsed, useNow } from "./use-now";
import { useStep } from "./use-step";

/**
 * The case is on hold until a manager decides. Everything the manager needs is on one
 * screen, and they approve on this tablet with their own PIN: no walking back to an office.
 * It comes into view (and takes focus) as soon as it appears: staff must never be left looking
 * at a greyed-out form with no idea why.
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
  const heading = useRef<HTMLHeadingElement>(null);
  const now = useNow();
  const waited = now === null ? "--:--" : formatElapsed(now - pending.requestedAt.getTime());
  const brief = managerBrief(state);
  const asked = pending.kind === "remedy" ? awaitingCompensation(state) : undefined;

  useEffect(() => {
    if (heading.current) bringIntoView(heading.current);
  }, []);

  return (
    <section
      id="manager-wait"
      aria-labelledby="manager-wait-heading"
      data-testid="manager-wait"
      className="flex flex-col gap-4 rounded-2xl border-2 border-amber-400 bg-amber-950/50 p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="manager-wait-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold text-amber-200 outline-none">
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
        <ManagerApproval kind={pending.kind} asked={asked} deciders={deciders} decide={decide} />
      </div>
    </section>
  );
}

function ManagerApproval({
  kind,
  asked,
  deciders,
  decide,
}: {
  kind: PendingManager["kind"];
  asked?: CompensationState;
  deciders: Decider[];
  decide: DecideAsManager;
}) {
  const [managerId, setManagerId] = useState(deciders.length === 1 ? deciders[0].id : "");
  const [pin, setPin] = useState("");
  const [note, setNote] = useState("");
  const [option, setOption] = useState("");
  // A counter-offer: another remedy, up to the manager's own limit.
  const [other, setOther] = useState(false);
  const [otherKind, setOtherKind] = useState<CompensationKind | undefined>(asked?.kind);
  const [otherWords, setOtherWords] = useState("");
  const [otherPounds, setOtherPounds] = useState("");
  const step = useStep();
  const groupErrorId = useId();
  const kindErrorId = useId();
  const decider = deciders.find((d) => d.id === managerId);
  const limit = decider?.limitCents;
  const aboveLimit = asked !== undefined && limit !== undefined && asked.valueCents > limit;

  const submit = async (decision: "approved" | "declined", counter = false) => {
    const pence = poundsToPence(otherPounds);
    const ok = await step.run(async () => {
      if (counter) {
        const fields: Record<string, string> = {};
        if (!otherKind) fields["remedy.kind"] = "Pick the kind of remedy";
        if (pence === null) fields["remedy.valueCents"] = "Enter the value in pounds, like 60 or 60.50";
        if (!optionalText(otherWords)) fields["remedy.description"] = "Say what you approve, in words the customer will read";
        if (Object.keys(fields).length)
          return { ok: false, kind: "invalid", message: "Some details need fixing: see the marked fields.", fields };
      }
      return decide({
        managerId,
        pin,
        limitCents: limit,
        decision: {
          decision,
          note: optionalText(note),
          option: kind === "authority" && decision === "approved" ? optionalText(option) : undefined,
          remedy:
            counter && otherKind && pence !== null ? { kind: otherKind, description: otherWords.trim(), valueCents: pence } : undefined,
        },
      });
    });
    // A PIN is never left on a shared screen, right or wrong.
    setPin("");
    if (ok) {
      setNote("");
      setOption("");
      setOther(false);
    }
  };

  return (
    <section aria-label="Manager approves here" className="flex flex-col gap-3 rounded-xl bg-slate-900 p-3">
      <h3 className="text-lg font-semibold text-slate-50">Manager approves here</h3>
      {asked ? (
        <p className="text-base text-slate-200" data-testid="approval-asked">
          Asked: <span className="font-semibold text-slate-50">{asked.description}</span> ({formatMoney(asked.valueCents)})
        </p>
      ) : null}
      {deciders.length === 0 ? (
        <p className="text-base text-amber-100">No manager can approve at this location yet. Ask an admin to set one up.</p>
      ) : (
        <ChipGroup legend="Manager" error={step.fieldError("managerId")} errorId={groupErrorId}>
          {deciders.map((d) => (
            <Chip key={d.id} pressed={managerId === d.id} onPress={() => setManagerId(d.id)}>
              {d.name}
              {kind === "remedy" && d.limitCents !== undefined ? (
                <span className="text-base font-normal"> · up to {formatMoney(d.limitCents)}</span>
              ) : null}
            </Chip>
          ))}
        </ChipGroup>
      )}
      {aboveLimit && limit !== undefined ? (
        <p className="text-base text-amber-200">
          This is above {decider?.name}&apos;s {formatMoney(limit)} limit: approve something up to {formatMoney(limit)} instead, or ask a
          manager with a higher limit.
        </p>
      ) : null}
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
      <TextArea
        label={kind === "remedy" ? "Manager's note (needed to approve something else)" : "Manager's note (optional)"}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={step.fieldError("note")}
      />
      {kind === "authority" ? (
        <TextInput
          label="Option the manager offers (optional)"
          hint="It is added to the options the customer can choose from."
          value={option}
          onChange={(e) => setOption(e.target.value)}
          error={step.fieldError("option")}
        />
      ) : null}
      {kind === "remedy" && other ? (
        <div className="flex flex-col gap-3 rounded-xl border border-slate-600 p-3" data-testid="counter-offer-form">
          <ChipGroup legend="Kind of remedy" error={step.fieldError("remedy.kind")} errorId={kindErrorId}>
            {COMPENSATION_KINDS.map((value) => (
              <Chip key={value} pressed={otherKind === value} onPress={() => setOtherKind(value)}>
                {COMPENSATION_LABELS[value]}
              </Chip>
            ))}
          </ChipGroup>
          <TextInput
            label="What you approve"
            hint="The customer reads these words."
            value={otherWords}
            onChange={(e) => setOtherWords(e.target.value)}
            placeholder="£60 off the table's bill"
            error={step.fieldError("remedy.description")}
          />
          <TextInput
            label="Value you approve (£)"
            inputMode="decimal"
            autoComplete="off"
            value={otherPounds}
            onChange={(e) => setOtherPounds(e.target.value)}
            placeholder="0.00"
            hint={limit !== undefined ? `Up to ${formatMoney(limit)}.` : undefined}
            error={step.fieldError("remedy.valueCents")}
            className="max-w-48"
          />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {kind === "remedy" && other ? (
          <Button onClick={() => void submit("approved", true)} disabled={step.pending}>
            Approve this instead
          </Button>
        ) : (
          <Button onClick={() => void submit("approved")} disabled={step.pending || aboveLimit}>
            {kind === "remedy" ? "Approve as asked" : "Approve"}
          </Button>
        )}
        {kind === "remedy" ? (
          <Button variant="secondary" aria-expanded={other} onClick={() => setOther((v) => !v)}>
            {other ? "Back to what was asked" : "Approve something else"}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={() => void submit("declined")} disabled={step.pending}>
          Decline
        </Button>
      </div>
      <StepFeedback step={step} testId="manager-decision-feedback" />
    </section>
  );
}
