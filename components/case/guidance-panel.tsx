"use client";

import { useId, useState } from "react";
import type { StageGuidance } from "@/lib/playbook/guidance";
import { STAGE_LABELS, type Stage } from "@/lib/playbook/vocabulary";

/**
 * What to do right now, readable at a glance: the goal first, then do / avoid / what to say
 * and a checklist. Ticks are a private memory aid on this screen, never recorded.
 * On a portrait tablet only the goal shows until "Show tips" is tapped, leaving room for the inputs.
 * The words come from the server page (lib/playbook/guidance.ts), as content rather than script.
 */
export function GuidancePanel({ stage, guidance }: { stage: Stage; guidance: StageGuidance }) {
  const [expanded, setExpanded] = useState(false);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const titleId = useId();
  const detailsId = useId();

  const toggleTick = (id: string) =>
    setTicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <aside
      aria-labelledby={titleId}
      data-testid="guidance"
      className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900 p-4"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id={titleId} className="text-base font-semibold uppercase tracking-wide text-sky-300">
          Coach · {STAGE_LABELS[stage]}
        </h2>
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={detailsId}
          onClick={() => setExpanded((open) => !open)}
          className="min-h-11 rounded-lg border border-slate-600 px-3 text-base font-semibold text-slate-100 lg:hidden"
        >
          {expanded ? "Hide tips" : "Show tips"}
        </button>
      </div>
      <p className="text-xl font-semibold leading-snug text-slate-50">{guidance.goal}</p>

      <div id={detailsId} className={`${expanded ? "flex" : "hidden"} flex-col gap-4 lg:flex`}>
        <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-1">
          <section aria-label="Do">
            <h3 className="mb-1 text-base font-semibold text-emerald-300">Do</h3>
            <ul className="flex flex-col gap-1 text-base text-slate-100">
              {guidance.do.map((line) => (
                <li key={line} className="flex gap-2">
                  <span aria-hidden="true" className="text-emerald-400">
                    ✓
                  </span>
                  {line}
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="Avoid">
            <h3 className="mb-1 text-base font-semibold text-rose-300">Avoid</h3>
            <ul className="flex flex-col gap-1 text-base text-slate-100">
              {guidance.avoid.map((line) => (
                <li key={line} className="flex gap-2">
                  <span aria-hidden="true" className="text-rose-400">
                    ✗
                  </span>
                  {line}
                </li>
              ))}
            </ul>
          </section>
        </div>

        <section aria-label="You could say">
          <h3 className="mb-1 text-base font-semibold text-sky-300">You could say</h3>
          <ul className="flex flex-col gap-1.5">
            {guidance.phrases.map((phrase) => (
              <li key={phrase} className="rounded-lg bg-slate-800 px-3 py-2 text-base italic text-slate-50">
                “{phrase}”
              </li>
            ))}
          </ul>
        </section>

        <section aria-label="Checklist">
          <h3 className="mb-1 text-base font-semibold text-slate-200">Checklist</h3>
          <ul className="flex flex-col gap-1">
            {guidance.checklist.map((item) => (
              <li key={item.id}>
                {/* A toggle, not a form field: a private memory aid that no form or label search should pick up. */}
                <button
                  type="button"
                  role="checkbox"
                  aria-checked={ticked.has(item.id)}
                  onClick={() => toggleTick(item.id)}
                  className="flex min-h-11 w-full items-center gap-3 rounded-lg px-2 text-left text-base text-slate-100"
                >
                  <span
                    aria-hidden="true"
                    className={`flex size-6 shrink-0 items-center justify-center rounded border-2 text-sm font-bold ${
                      ticked.has(item.id) ? "border-emerald-400 bg-emerald-400 text-slate-950" : "border-slate-400"
                    }`}
                  >
                    {ticked.has(item.id) ? "✓" : ""}
                  </span>
                  <span className={ticked.has(item.id) ? "text-slate-400 line-through" : ""}>{item.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </aside>
  );
}
