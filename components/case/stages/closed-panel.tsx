import type { ReactNode } from "react";
import Link from "next/link";
import { BREATHER } from "@/lib/playbook/guidance";
import { remedyText } from "@/lib/playbook/readback";
import { remedyStatusText } from "@/lib/playbook/remedy-status";
import { settledCompensation, type CaseState } from "@/lib/playbook/state";
import { CATEGORY_LABELS, FEELING_LABELS, SEVERITY_LABELS } from "@/lib/playbook/vocabulary";
import { isHardCase } from "../hard-case";
import type { RootCauseOption } from "../types";
import { formatElapsed } from "../use-now";
import { StagePanelFrame } from "./panel-frame";

const HOME_LINK =
  "inline-flex min-h-12 items-center justify-center self-start rounded-xl bg-sky-400 px-6 text-lg font-semibold text-slate-950 hover:bg-sky-300";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-300">{label}</dt>
      <dd className="text-slate-50">{children}</dd>
    </>
  );
}

/** The whole case on one screen, and a word of support after a hard one. */
export function ClosedPanel({ state, rootCauses }: { state: CaseState; rootCauses: RootCauseOption[] }) {
  const compensation = settledCompensation(state);
  const took = state.openedAt && state.closedAt ? formatElapsed(state.closedAt.getTime() - state.openedAt.getTime()) : null;
  // The figure managers and trainers see too: how soon the customer heard "sorry".
  const firstSorry =
    state.openedAt && state.firstApologyAt ? formatElapsed(state.firstApologyAt.getTime() - state.openedAt.getTime()) : null;
  const causeLabel = (slug: string) => rootCauses.find((c) => c.slug === slug)?.label ?? slug;
  return (
    <StagePanelFrame testId="closed" title="Case closed" intro="Well done: the customer agreed what happens next.">
      {isHardCase(state) ? (
        <section
          aria-label="Take a breather"
          className="rounded-2xl border-2 border-emerald-500 bg-emerald-950/60 p-5"
          data-testid="breather"
        >
          <h3 className="text-2xl font-bold text-emerald-100">{BREATHER.title}</h3>
          <ul className="mt-2 flex flex-col gap-1 text-lg text-emerald-50">
            {BREATHER.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="mt-3 border-t border-emerald-700 pt-3 text-base text-emerald-100" data-testid="breather-why">
            {BREATHER.why}
          </p>
        </section>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-lg" data-testid="case-summary">
        {took ? <Row label="Time taken">{took}</Row> : null}
        {firstSorry ? <Row label="First apology after">{firstSorry}</Row> : null}
        {state.complaint ? (
          <>
            <Row label="Complaint">“{state.complaint.customerWords}”</Row>
            <Row label="About">
              {CATEGORY_LABELS[state.complaint.category]} · {SEVERITY_LABELS[state.complaint.severity]} · {state.complaint.spot}
            </Row>
          </>
        ) : null}
        {state.feeling ? <Row label="They felt">{FEELING_LABELS[state.feeling.feeling]}</Row> : null}
        {state.chosenOption ? <Row label="Agreed">{state.chosenOption}</Row> : null}
        <Row label="To make up for it">
          {compensation ? (
            <span data-testid="closed-remedy">
              {remedyText(compensation.kind, compensation.valueCents)} · {compensation.description}{" "}
              <span className="text-slate-300">({remedyStatusText(compensation, state)})</span>
            </span>
          ) : (
            (state.compensationSkippedReason ?? "None")
          )}
        </Row>
        {state.actions.length > 0 ? (
          <Row label="Actions">
            <ul>
              {state.actions.map((action) => (
                <li key={action.id}>
                  {action.description} · {action.owner}
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
        {state.rootCauseTags.length > 0 ? <Row label="Root causes">{state.rootCauseTags.map(causeLabel).join(", ")}</Row> : null}
        {state.preventionNote ? <Row label="Prevention">{state.preventionNote}</Row> : null}
      </dl>
      <Link href="/" className={HOME_LINK}>
        Back to home
      </Link>
    </StagePanelFrame>
  );
}

/** The customer left before the end; what was recorded still counts. */
export function AbandonedPanel({ state }: { state: CaseState }) {
  return (
    <StagePanelFrame testId="abandoned" title="Case ended" intro="The customer left before the case was finished.">
      <p className="text-lg text-slate-100">
        <span className="text-slate-300">Reason: </span>
        {state.abandonReason}
      </p>
      <Link href="/" className={HOME_LINK}>
        Back to home
      </Link>
    </StagePanelFrame>
  );
}
