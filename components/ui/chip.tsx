import type { ReactNode } from "react";

/**
 * A big tappable choice. A real <button aria-pressed> so screen readers announce it as a
 * toggle and tests can find it by its label.
 */
export function Chip({
  pressed,
  onPress,
  disabled,
  children,
  className = "",
}: {
  pressed: boolean;
  onPress: () => void;
  disabled?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onPress}
      className={`inline-flex min-h-12 items-center justify-center gap-2 rounded-full border-2 px-4 text-lg font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${
        pressed ? "border-sky-300 bg-sky-400 text-slate-950" : "border-slate-500 bg-slate-800 text-slate-100 hover:border-slate-300"
      } ${className}`}
    >
      {pressed ? <span aria-hidden="true">✓</span> : null}
      {children}
    </button>
  );
}

/** A labelled set of chips: a <fieldset> whose <legend> names the group for screen readers. */
export function ChipGroup({
  legend,
  hint,
  error,
  errorId,
  children,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Lets the group point at its error message. */
  errorId: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-2 text-lg font-semibold text-slate-100">{legend}</legend>
      {hint ? <p className="-mt-1 text-base text-slate-300">{hint}</p> : null}
      <div className="flex flex-wrap gap-2">{children}</div>
      {error ? (
        <p id={errorId} className="text-base font-medium text-rose-300">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
