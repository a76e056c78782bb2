"use client";

import type { ReactNode } from "react";
import { ComplaintReminder } from "@/components/case/stages/panel-frame";
import { formatMoney } from "@/lib/playbook/money";
import { isProportionate, suggestRemedy } from "@/lib/playbook/remedies";
import { allOptions, type CaseState } from "@/lib/playbook/state";
import { CATEGORY_LABELS, COMPENSATION_LABELS, FEELING_LABELS, SEVERITY_LABELS } from "@/lib/playbook/vocabulary";
import { buildReadback } from "@/lib/playbook/readback";
import { remedyStatusText } from "@/lib/playbook/remedy-status";

const PROPORTION_WORDS = { low: "low for", fair: "fair for", high: "more than needed for" } as const;

function Block({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col gap-1" data-testid={testId}>
      <h3 className="text-base font-semibold uppercase tracking-wide text-slate-400">{title}</h3>
      {children}
    </div>
  );
}

/** The case as the staff member's screen knew it after this step: the state from foldSteps. */
export function CaseSoFar({ state, tagLabel, timeZone }: { state: CaseState; tagLabel: (slug: string) => string; timeZone?: string }) {
  const c = state.complaint;
  const options = allOptions(state);
  const showReadback =
    state.actions.length > 0 &&
    (state.phase === "confirm" || state.phase === "prevent" || state.phase === "closed" || state.readback !== undefined);
  // The read-back as the customer saw it: the same composition as the live coach, on the venue's clock.
  const readback = showReadback ? buildReadback(state, { timeZone }) : null;
  const remedy = c ? suggestRemedy(c.severity) : null;
  return (
    <section
      aria-labelledby="so-far"
      className="flex flex-col gap-4 rounded-2xl border border-slate-700 bg-slate-900 p-4"
      data-testid="case-so-far"
    >
      <h2 id="so-far" className="text-xl font-bold text-slate-50">
        The case so far
      </h2>
      {c ? (
        <>
          <ComplaintReminder words={c.customerWords} spot={c.spot} />
          <p className="text-base text-slate-200">
            {CATEGORY_LABELS[c.category]} · {SEVERITY_LABELS[c.severity]} · customer {c.mood}
          </p>
        </>
      ) : (
        <p className="text-lg text-slate-300">Listening: nothing noted yet.</p>
      )}
      {state.notes.length ? (
        <Block title="Notes">
          <ul className="list-disc pl-5 text-base text-slate-100">
            {state.notes.map((n, i) => (
              <li key={i}>{n.text}</li>
            ))}
          </ul>
        </Block>
      ) : null}
      {state.feeling || state.apology ? (
        <div className="grid gap-4 md:grid-cols-2">
          {state.feeling ? (
            <Block title="Feeling named">
              <p className="text-lg text-slate-50">{FEELING_LABELS[state.feeling.feeling]}</p>
            </Block>
          ) : null}
          {state.apology ? (
            <Block title="Apology">
              <p className="text-lg text-slate-50">{state.apology.ourFault ? "Our fault, and said so" : "Sorry for how it felt"}</p>
            </Block>
          ) : null}
        </div>
      ) : null}
      {options.length || state.declined.length ? (
        <Block title="Options" testId="so-far-options">
          <ul className="flex flex-col gap-1 text-lg">
            {options.map((o) => (
              <li key={o} className={o === state.chosenOption ? "font-semibold text-emerald-200" : "text-slate-100"}>
                {o === state.chosenOption ? "✓ " : "· "}
                {o}
                {o === state.chosenOption ? <span className="sr-only"> (agreed)</span> : null}
              </li>
            ))}
          </ul>
          {state.declined.map((d, i) => (
            <p key={i} className="text-base text-amber-100">
              Said no to “{d.request}”: {d.reason}
            </p>
          ))}
        </Block>
      ) : null}
      {state.pendingManager || state.decisions.length ? (
        <Block title="Manager">
          {state.pendingManager ? <p className="text-base text-amber-200">Waiting for a manager: {state.pendingManager.reason}</p> : null}
          {state.decisions.map((d, i) => (
            <p key={i} className="text-base text-slate-100">
              {d.decision === "approved" ? "Approved" : "Declined"}
              {d.note ? `: ${d.note}` : ""}
            </p>
          ))}
        </Block>
      ) : null}
      {state.compensation.length || state.compensationSkippedReason ? (
        <Block title="Remedy" testId="so-far-remedy">
          {state.compensation.map((comp) => (
            <p key={comp.id} className="text-lg text-slate-100">
              {COMPENSATION_LABELS[comp.kind]}: {comp.description} ({formatMoney(comp.valueCents)}) ·{" "}
              <span className="text-slate-300">{remedyStatusText(comp, state)}</span>
              {c ? (
                <span className="block text-base text-slate-300">
                  {PROPORTION_WORDS[isProportionate(c.severity, comp.valueCents)]} a {SEVERITY_LABELS[c.severity].toLowerCase()} failure
                </span>
              ) : null}
            </p>
          ))}
          {state.compensationSkippedReason ? <p className="text-lg text-slate-100">None: {state.compensationSkippedReason}</p> : null}
          {remedy && c ? (
            <p className="text-base text-sky-200">
              Suggested for {SEVERITY_LABELS[c.severity].toLowerCase()}: {remedy.label.toLowerCase()} (up to{" "}
              {formatMoney(remedy.maxSuggestedCents)})
            </p>
          ) : null}
        </Block>
      ) : null}
      {readback ? (
        <Block title="The read-back the customer saw" testId="so-far-readback">
          <ul className="flex flex-col gap-1 rounded-xl border-l-4 border-sky-400 bg-slate-950 px-4 py-3 text-lg text-slate-50">
            {readback.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {state.readback ? (
            <p className={`text-lg font-semibold ${state.readback.accepted ? "text-emerald-200" : "text-amber-200"}`}>
              The customer: {state.readback.accepted ? "“Yes, that's right.”" : "“Not quite.”"}
              {state.readback.comment ? ` “${state.readback.comment}”` : ""}
            </p>
          ) : state.readbackRefusals ? (
            <p className="text-base text-amber-200">
              Refused {state.readbackRefusals === 1 ? "once" : `${state.readbackRefusals} times`} before.
            </p>
          ) : null}
        </Block>
      ) : null}
      {state.rootCauseTags.length ? (
        <Block title="Root causes">
          <p className="text-lg text-slate-100">{state.rootCauseTags.map(tagLabel).join(", ")}</p>
          {state.preventionNote ? <p className="text-base text-slate-300">{state.preventionNote}</p> : null}
        </Block>
      ) : null}
      {state.phase === "abandoned" ? <p className="text-lg text-rose-200">The customer left: {state.abandonReason}</p> : null}
    </section>
  );
}
