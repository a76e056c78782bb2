import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";

const CONTROL = "w-full rounded-xl border-2 bg-slate-950 px-4 py-3 text-lg text-slate-50 placeholder:text-slate-400 disabled:opacity-60";
const controlBorder = (error?: string) => (error ? "border-rose-400" : "border-slate-500 focus:border-sky-300");

type FieldChrome = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Rendered under the control (e.g. the phrase coach). */
  below?: ReactNode;
};

/** Label, hint and error wired to the control, so every input has a visible, spoken name. */
function FieldShell({ id, label, hint, error, below, children }: FieldChrome & { id: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-lg font-semibold text-slate-100">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-base text-slate-300">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-base font-medium text-rose-300">
          {error}
        </p>
      ) : null}
      {below}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function TextInput({
  label,
  hint,
  error,
  below,
  describedById,
  className = "",
  ...props
}: FieldChrome & { describedById?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} below={below}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, describedById)}
        {...props}
        className={`${CONTROL} min-h-12 ${controlBorder(error)} ${className}`}
      />
    </FieldShell>
  );
}

export function TextArea({
  label,
  hint,
  error,
  below,
  describedById,
  className = "",
  rows = 3,
  ...props
}: FieldChrome & { describedById?: string } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} below={below}>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, describedById)}
        {...props}
        className={`${CONTROL} ${controlBorder(error)} ${className}`}
      />
    </FieldShell>
  );
}

/**
 * A large tick box. `asSwitch` announces it as an on/off toggle ("It was our fault")
 * while keeping the native checkbox, so keyboard and tests work as usual.
 */
export function CheckField({
  label,
  description,
  checked,
  onChange,
  disabled,
  asSwitch = false,
  error,
}: {
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  asSwitch?: boolean;
  error?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label
        htmlFor={id}
        className={`flex min-h-14 cursor-pointer items-center gap-4 rounded-xl border-2 px-4 py-2 ${
          checked ? "border-emerald-400 bg-emerald-950/60" : error ? "border-rose-400 bg-slate-900" : "border-slate-500 bg-slate-900"
        }`}
      >
        <input
          id={id}
          type="checkbox"
          role={asSwitch ? "switch" : undefined}
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-labelledby={`${id}-label`}
          aria-describedby={[description ? `${id}-desc` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
          className="size-7 shrink-0 accent-emerald-400"
        />
        <span className="flex flex-col">
          <span id={`${id}-label`} className="text-lg font-semibold text-slate-50">
            {label}
          </span>
          {description ? (
            <span id={`${id}-desc`} className="text-base text-slate-300">
              {description}
            </span>
          ) : null}
        </span>
      </label>
      {error ? (
        <p id={`${id}-error`} className="text-base font-medium text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
