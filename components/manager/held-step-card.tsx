import Link from "next/link";
import { formatDateTime } from "@/lib/display/format";
import { DEFAULT_TIME_ZONE } from "@/lib/playbook/readback";
import type { HeldStepView } from "@/lib/manager/list-held-steps";
import { HeldStepReviewForm } from "./held-step-review";

const OUTCOME_LABELS = { recorded_by_hand: "Recorded by hand", not_needed: "No longer needed" } as const;

/** One held step: whose, which case, what it was in plain words, why it was held, and its review. */
export function HeldStepCard({
  step,
  showCase = true,
  reviewable = true,
}: {
  step: HeldStepView;
  showCase?: boolean;
  reviewable?: boolean;
}) {
  const tz = step.location?.timeZone ?? DEFAULT_TIME_ZONE;
  const caseLabel = step.case.reference ? `Case ${step.case.reference}` : "A case that was never opened";
  return (
    <li
      data-testid="held-step"
      className={`flex flex-col gap-3 rounded-xl border p-4 ${step.review ? "border-slate-700 bg-slate-900/60" : "border-amber-300 bg-amber-950/30"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          {showCase ? (
            <p className="text-lg font-semibold text-slate-50">
              {step.case.linkable ? (
                <Link href={`/manager/cases/${step.case.id}`} className="text-sky-300 underline-offset-4 hover:underline">
                  {caseLabel}
                </Link>
              ) : (
                caseLabel
              )}
              {step.location ? <span className="font-normal text-slate-300"> · {step.location.name}</span> : null}
            </p>
          ) : null}
          <p className="text-lg text-slate-100">
            <span className="font-semibold">{step.author}</span> — {step.what}
          </p>
          {step.detail ? <p className="whitespace-pre-line pl-4 text-base text-slate-300">{step.detail}</p> : null}
          <p className="text-base text-slate-400">
            Captured {formatDateTime(step.capturedAt, tz)} · held {formatDateTime(step.heldAt, tz)}
          </p>
        </div>
        <span
          className={`shrink-0 rounded-full px-3 py-1 text-sm font-bold ${step.review ? "bg-emerald-300 text-slate-950" : "bg-amber-300 text-slate-950"}`}
        >
          {step.review ? "Reviewed" : "To review"}
        </span>
      </div>
      <p className="rounded-lg bg-slate-950/60 px-3 py-2 text-base text-slate-200">
        <span className="font-semibold text-amber-200">Not recorded because:</span> {step.reason}
      </p>
      {step.review ? (
        <p className="text-base text-slate-200" data-testid="held-step-review">
          <span className="font-semibold">{OUTCOME_LABELS[step.review.outcome]}</span> — {step.review.by},{" "}
          {formatDateTime(step.review.at, tz)}
          {step.review.note ? <span className="block whitespace-pre-line text-slate-300">{step.review.note}</span> : null}
        </p>
      ) : reviewable ? (
        <HeldStepReviewForm heldStepId={step.id} label={`${step.author}: ${step.what}`} />
      ) : null}
    </li>
  );
}
