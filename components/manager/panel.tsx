import type { ReactNode } from "react";

export function Panel({ title, children, id, className = "" }: { title: string; children: ReactNode; id: string; className?: string }) {
  return (
    <section aria-labelledby={id} className={`flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-800/70 p-4 ${className}`}>
      <h2 id={id} className="text-xl font-semibold text-slate-50">
        {title}
      </h2>
      {children}
    </section>
  );
}
