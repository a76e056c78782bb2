import type { ReactNode } from "react";

/** Shared look of the filter forms (queue, trainer's cases, insights). */
export const FILTER_FIELD = "min-h-12 w-full rounded-xl border border-slate-500 bg-slate-900 px-3 text-lg text-slate-50";
export const FILTER_LABEL = "flex flex-col gap-1 text-base font-semibold text-slate-200";

type Option = { value: string; label: ReactNode };

/** A labelled select for a GET filter form: "any" first, then the options. */
export function FilterSelect({
  label,
  name,
  value,
  anyLabel,
  options,
  className = FILTER_LABEL,
}: {
  label: string;
  name: string;
  value: string;
  anyLabel: string;
  options: readonly Option[];
  className?: string;
}) {
  return (
    <label className={className}>
      {label}
      <select name={name} defaultValue={value} className={FILTER_FIELD}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
