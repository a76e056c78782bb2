"use client";

import {
  HEADS_UP_CHOICES,
  HEADS_UP_CHOICE_LABELS,
  HEADS_UP_KIND_LABELS,
  HEADS_UP_KINDS,
  type HeadsUpChoice,
  type HeadsUpKind,
} from "@/lib/playbook/heads-up/vocabulary";

export type OptionRow = { choice: HeadsUpChoice; text: string };

export const SELECT_CLASS = "min-h-12 rounded-xl border-2 border-slate-500 bg-slate-950 px-3 text-lg text-slate-50";

/** What kind of problem a heads-up is about: the raise form and the coach's first step. */
export function HeadsUpKindField({ value, onChange }: { value: HeadsUpKind; onChange: (kind: HeadsUpKind) => void }) {
  return (
    <label className="flex flex-col gap-1.5 text-lg font-semibold">
      What kind of problem
      <select value={value} onChange={(e) => onChange(e.target.value as HeadsUpKind)} className={SELECT_CLASS}>
        {HEADS_UP_KINDS.map((k) => (
          <option key={k} value={k}>
            {HEADS_UP_KIND_LABELS[k]}
          </option>
        ))}
      </select>
    </label>
  );
}

const PLACEHOLDERS: Record<HeadsUpChoice, string> = {
  wait: "Wait about 20 minutes",
  change: "The sea bass, cooked the same way",
  cancel: "Cancel, no charge",
  other: "Something else",
};

/** The options a customer is offered, one row each: what kind of choice, and its words. */
export function OptionRows({
  rows,
  onChange,
  placeholders = false,
}: {
  rows: OptionRow[];
  onChange: (update: (rows: OptionRow[]) => OptionRow[]) => void;
  /** Show an example for each kind of choice (the raise form, where nothing is written yet). */
  placeholders?: boolean;
}) {
  const edit = (i: number, change: Partial<OptionRow>) => onChange((all) => all.map((x, j) => (j === i ? { ...x, ...change } : x)));
  return rows.map((row, i) => (
    <div key={i} className="flex gap-2">
      <select
        aria-label={`Option ${i + 1} is to`}
        value={row.choice}
        onChange={(e) => edit(i, { choice: e.target.value as HeadsUpChoice })}
        className={SELECT_CLASS}
      >
        {HEADS_UP_CHOICES.map((c) => (
          <option key={c} value={c}>
            {HEADS_UP_CHOICE_LABELS[c]}
          </option>
        ))}
      </select>
      <input
        aria-label={`Option ${i + 1}`}
        value={row.text}
        maxLength={200}
        onChange={(e) => edit(i, { text: e.target.value })}
        placeholder={placeholders ? PLACEHOLDERS[row.choice] : undefined}
        className="min-h-12 flex-1 rounded-xl border-2 border-slate-500 bg-slate-950 px-4 text-lg text-slate-50 placeholder:text-slate-400"
      />
    </div>
  ));
}
