import type { RubricItem, RubricOutcome } from "@/lib/playbook/rubric";

export const OUTCOME_MARK: Record<RubricOutcome, { mark: string; word: string; tone: string }> = {
  met: { mark: "✓", word: "Met", tone: "bg-emerald-400 text-slate-950" },
  missed: { mark: "✗", word: "Missed", tone: "bg-rose-400 text-slate-950" },
  not_applicable: { mark: "–", word: "Not applicable", tone: "border border-slate-500 text-slate-300" },
};

export function OutcomeMark({ outcome }: { outcome: RubricOutcome }) {
  const o = OUTCOME_MARK[outcome];
  return (
    <span className={`inline-flex size-7 shrink-0 items-center justify-center rounded-full text-base font-bold ${o.tone}`}>
      <span aria-hidden="true">{o.mark}</span>
      <span className="sr-only">{o.word}</span>
    </span>
  );
}

/** The rubric as a read-only list: each item, its outcome and its one-line reason. */
export function RubricList({ items, testId }: { items: RubricItem[]; testId?: string }) {
  return (
    <ul className="flex flex-col gap-2" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} className="flex items-start gap-3" data-outcome={item.outcome}>
          <OutcomeMark outcome={item.outcome} />
          <span className="flex flex-col">
            <span className="font-semibold text-slate-50">{item.label}</span>
            <span className="text-base text-slate-300">
              {item.reason}
              {item.sequence ? <span className="text-slate-400"> (step {item.sequence})</span> : null}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
