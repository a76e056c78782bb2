"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Chip, ChipGroup } from "@/components/ui/chip";
import { TextArea, TextInput } from "@/components/ui/field";
import { newClientId } from "@/lib/client/api";
import { formatMoney } from "@/lib/playbook/money";
import type { CaseState } from "@/lib/playbook/state";
import { COMPENSATION_KINDS, COMPENSATION_LABELS, SEVERITY_LABELS, type CompensationKind, type Severity } from "@/lib/playbook/vocabulary";
import { isProportionate, suggestRemedy, type Proportion } from "@/lib/playbook/remedies";
import { StepFeedback } from "../step-feedback";
import { poundsToPence } from "../text";
import type { CaseActor, StagePanelProps } from "../types";
import type { SendStep } from "@/lib/tablet/step-types";
import { useStep } from "../use-step";
import { DecisionNote } from "./decision-note";
import { StagePanelFrame, SubSection } from "./panel-frame";

const PROPORTION_TEXT: Record<Proportion, string> = {
  low: "On the small side for how bad this was.",
  fair: "In proportion to how bad this was.",
  high: "More than this usually needs: fine if there's a reason.",
};

/** A gesture in proportion to the failure; above the staff limit the case waits for a manager. */
export function CompensatePanel({ state, send, actor }: StagePanelProps) {
  const severity: Severity = state.complaint?.severity ?? 1;
  const remedy = suggestRemedy(severity);
  // This round's: a decline from before the customer said "not quite" is not news any more.
  const last = state.compensation.at(-1);
  const declined = last?.status === "declined" && last.round === state.round ? last : undefined;
  const lastRemedyDecision = state.decisions.findLast((d) => d.kind === "remedy" && d.round === state.round);
  const earlier = state.superseded.at(-1);

  return (
    <StagePanelFrame testId="compensate" title="Compensate" intro="Thank them for their patience, in proportion.">
      {state.chosenOption ? (
        <p className="text-lg text-slate-200">
          Agreed solution: <span className="font-semibold text-slate-50">{state.chosenOption}</span>
        </p>
      ) : null}
      {earlier && !declined ? (
        <p className="rounded-xl border-l-4 border-sky-400 bg-slate-800 px-4 py-3 text-base text-slate-100" data-testid="earlier-round">
          {earlier.remedy
            ? `Before they said “not quite”, the remedy was ${earlier.remedy.description} (${formatMoney(earlier.remedy.valueCents)}): offer it again if it still fits, or something else.`
            : "Before they said “not quite”, no remedy was given: decide again for what is agreed now."}
        </p>
      ) : null}
      {declined && lastRemedyDecision && !state.pendingManager ? (
        <DecisionNote
          decision={lastRemedyDecision}
          approvedText=""
          declinedText={`${declined.description} (${formatMoney(declined.valueCents)}) was not approved. Offer something else, or none.`}
        />
      ) : null}
      <section aria-label="Suggested remedy" className="rounded-xl border border-sky-800 bg-sky-950/50 p-4" data-testid="remedy-suggestion">
        <p className="text-base text-sky-200">
          Suggested for severity {severity} ({SEVERITY_LABELS[severity]})
        </p>
        <p className="text-xl font-semibold text-slate-50">
          {remedy.label} <span className="font-normal text-slate-300">· up to {formatMoney(remedy.maxSuggestedCents)}</span>
        </p>
        <p className="mt-1 text-base text-slate-200">{remedy.examples.join(" · ")}</p>
      </section>
      <OfferCompensation state={state} send={send} actor={actor} severity={severity} examples={remedy.examples} />
      <SkipCompensation send={send} />
    </StagePanelFrame>
  );
}

function OfferCompensation({
  state,
  send,
  actor,
  severity,
  examples,
}: {
  state: CaseState;
  send: SendStep;
  actor: CaseActor;
  severity: Severity;
  examples: string[];
}) {
  const [kind, setKind] = useState<CompensationKind | undefined>(undefined);
  const [description, setDescription] = useState("");
  const [pounds, setPounds] = useState("");
  const step = useStep();
  const kindErrorId = useId();
  // One id per offer, kept across retries so a resend after a dropped connection is recorded once.
  const offerId = useRef<string | null>(null);

  // The person's own limit (the server writes the real one into the offer): a manager has one too.
  const limit = actor.authorityLimitCents ?? state.authorityLimitCents;
  const pence = poundsToPence(pounds);
  const aboveLimit = pence !== null && pence > limit;

  const submit = async () => {
    const ok = await step.run(async () => {
      // Friendlier than zod's type errors for the two fields a form cannot leave "half filled".
      const fields: Record<string, string> = {};
      if (!kind) fields.kind = "Pick the kind of compensation";
      if (pence === null) fields.valueCents = "Enter the value in pounds, like 12.50 (0 if it costs nothing)";
      if (Object.keys(fields).length)
        return { ok: false, kind: "invalid", message: "Some details need fixing: see the marked fields.", fields };
      offerId.current ??= newClientId();
      return send({ type: "compensation_offered", data: { id: offerId.current, kind, description, valueCents: pence ?? undefined } });
    });
    if (ok) {
      offerId.current = null;
      setDescription("");
      setPounds("");
    }
  };

  return (
    <SubSection title="Offer something">
      <ChipGroup legend="Kind" error={step.fieldError("kind")} errorId={kindErrorId}>
        {COMPENSATION_KINDS.map((value) => (
          <Chip
            key={value}
            pressed={kind === value}
            onPress={() => {
              setKind(value);
              step.clearField("kind");
            }}
          >
            {COMPENSATION_LABELS[value]}
          </Chip>
        ))}
      </ChipGroup>
      <TextInput
        label="What you are offering"
        value={description}
        onChange={(e) => {
          setDescription(e.target.value);
          step.clearField("description");
        }}
        placeholder={examples[0]}
        list="remedy-examples"
        error={step.fieldError("description")}
      />
      <datalist id="remedy-examples">
        {examples.map((example) => (
          <option key={example} value={example} />
        ))}
      </datalist>
      <TextInput
        label="Value (£)"
        inputMode="decimal"
        autoComplete="off"
        value={pounds}
        onChange={(e) => {
          setPounds(e.target.value);
          step.clearField("valueCents");
        }}
        placeholder="0.00"
        hint={`You can give up to ${formatMoney(limit)} on your own; more needs someone whose limit covers it.`}
        error={step.fieldError("valueCents")}
        className="max-w-48"
      />
      {pence !== null ? (
        <p aria-live="polite" className="text-base text-slate-200" data-testid="compensation-check">
          {PROPORTION_TEXT[isProportionate(severity, pence)]}
          {aboveLimit ? (
            <span className="block font-semibold text-amber-300">Above your limit: a manager will need to approve it.</span>
          ) : null}
        </p>
      ) : null}
      <Button disabled={step.pending} onClick={() => void submit()} className="self-start min-w-60">
        Offer compensation
      </Button>
      <StepFeedback step={step} testId="offer-feedback" />
    </SubSection>
  );
}

/** Sometimes nothing extra is right (a small slip, or they do not want anything): say why. */
function SkipCompensation({ send }: { send: SendStep }) {
  const [reason, setReason] = useState("");
  const step = useStep();
  return (
    <SubSection title="None appropriate" tone="quiet">
      <TextArea
        label="Why no compensation"
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="They didn't want anything extra"
        error={step.fieldError("reason")}
      />
      <Button
        variant="secondary"
        disabled={step.pending}
        onClick={() => void step.run(() => send({ type: "compensation_skipped", data: { reason } }))}
        className="self-start"
      >
        No compensation
      </Button>
      <StepFeedback step={step} testId="skip-feedback" />
    </SubSection>
  );
}
