import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-sky-400 text-slate-950 hover:bg-sky-300 disabled:bg-slate-600 disabled:text-slate-300",
  secondary: "bg-slate-700 text-slate-50 hover:bg-slate-600 border border-slate-500 disabled:opacity-50",
  ghost: "bg-transparent text-slate-200 hover:bg-slate-800 border border-slate-600 disabled:opacity-50",
  danger: "bg-rose-500 text-white hover:bg-rose-400 disabled:opacity-50",
};

/** Every control is at least 48 px tall: used with thumbs, in a hurry. */
export function Button({ variant = "primary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex min-h-12 items-center justify-center gap-2 rounded-xl px-5 text-lg font-semibold transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
    />
  );
}
