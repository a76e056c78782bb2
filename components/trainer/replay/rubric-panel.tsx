"use client";

import type { RubricItemId, RubricResult } from "@/lib/playbook/rubric";
import { OutcomeMark } from "../rubric-list";
import { ScoreBadge } from "../score-badge";

/** The rubric beside the replay: tap an item to jump to the step that proves it. */
export function RubricPanel({
  rubric,
  selected,
  currentIndex,
  onSelect,
}: {
  rubric: RubricResult;
  selected: RubricItemId | null;
  currentIndex: number;
  onSelect: (id: RubricItemId, eventIndex: number) => void;
}) {
  return (
    <section
      aria-labelledby="rubric-heading"
      className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900 p-4"
      data-testid="rubric"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="rubric-heading" className="text-xl font-bold text-slate-50">
          Rubric
        </h2>
        <ScoreBadge score={rubric.score} size="lg" />
      </div>
      <p className="text-base text-slate-300">
        {rubric.met} of {rubric.applicable} met. Tap an item to see the step that shows it.
      </p>
      <ul className="flex flex-col gap-1.5">
        {rubric.items.map((item) => {
          const jumpable = item.eventIndex !== null;
          const isSelected = selected === item.id;
          const here = item.eventIndex === currentIndex;
          return (
            <li key={item.id}>
              <button
                type="button"
                disabled={!jumpable}
                aria-pressed={isSelected}
                data-item={item.id}
                onClick={() => item.eventIndex !== null && onSelect(item.id, item.eventIndex)}
                className={`flex min-h-12 w-full items-start gap-3 rounded-xl px-3 py-2 text-left disabled:cursor-default ${
                  isSelected ? "bg-amber-950 outline outline-2 outline-amber-300" : here ? "bg-slate-800" : "hover:bg-slate-800"
                }`}
              >
                <OutcomeMark outcome={item.outcome} />
                <span className="flex min-w-0 flex-col">
                  <span className="font-semibold text-slate-50">
                    {item.label}
                    {item.sequence ? <span className="font-normal text-slate-400"> · step {item.sequence}</span> : null}
                  </span>
                  <span className="text-sm text-slate-300">{item.reason}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
