import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

export const inputClass =
  "min-h-12 w-full rounded-xl border border-slate-500 bg-slate-800 px-4 text-lg text-slate-50 aria-[invalid=true]:border-rose-400";

/** A labelled input; the label is always visible (no placeholder-as-label on a tablet). */
export function TextField({
  label,
  id,
  error,
  hint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; id: string; error?: string; hint?: string }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-base font-medium text-slate-200">
        {label}
      </label>
      <input id={id} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...props} />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  label,
  id,
  error,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; id: string; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-base font-medium text-slate-200">
        {label}
      </label>
      <select id={id} className={inputClass} aria-invalid={error ? true : undefined} {...props}>
        {children}
      </select>
      {error ? <p className="text-sm text-rose-300">{error}</p> : null}
    </div>
  );
}

/** Big tick boxes: each row is a 48 px target. */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  options: { id: string; label: string }[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-base font-medium text-slate-200">{legend}</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <label
            key={o.id}
            className="flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border border-slate-600 bg-slate-800 px-4 text-lg"
          >
            <input
              type="checkbox"
              className="size-6 accent-sky-400"
              checked={value.includes(o.id)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((v) => v !== o.id))}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? <p className="text-sm text-rose-300">{error}</p> : null}
    </fieldset>
  );
}

export function Outcome({ error, done }: { error: { message: string } | null; done: string | null }) {
  if (error)
    return (
      <p role="alert" className="rounded-lg bg-rose-950 px-4 py-3 text-rose-200">
        {error.message}
      </p>
    );
  if (done)
    return (
      <p role="status" className="rounded-lg bg-emerald-950 px-4 py-3 text-emerald-200">
        {done}
      </p>
    );
  return null;
}
