"use client";

import { useEffect, useMemo, useState } from "react";
import type { HeadsUpReplayView } from "@/lib/heads-ups/get-heads-up-replay";
import { buildHeadsUpReadback } from "@/lib/playbook/heads-up/readback";
import { foldHeadsUpSteps } from "@/lib/playbook/heads-up/machine";
import type { RecordedHeadsUpEvent } from "@/lib/playbook/heads-up/events";
import { HEADS_UP_PHASE_NAMES } from "@/lib/playbook/heads-up/machine";
import { HEADS_UP_CHOICE_LABELS, HEADS_UP_STAGE_LABELS, HEADS_UP_STAGES } from "@/lib/playbook/heads-up/vocabulary";

const OUTCOME_STYLE = {
  met: "border-emerald-500 text-emerald-200",
  missed: "border-rose-400 text-rose-200",
  not_applicable: "border-slate-600 text-slate-400",
} as const;

/** One step in plain words. */
function describe(e: RecordedHeadsUpEvent): string {
  switch (e.type) {
    case "heads_up_opened":
      return "Opened the heads-up";
    case "issue_noticed":
      return `Noticed: ${e.data.what} (${e.data.spot})${e.data.customerAskedFirst ? " — the customer asked first" : ""}`;
    case "reason_explained":
      return `Told them why: “${e.data.reason}”`;
    case "options_offered":
      return `Offered: ${e.data.options.map((o) => `${HEADS_UP_CHOICE_LABELS[o.choice]} — ${o.text}`).join("; ")}`;
    case "customer_decided":
      return `They chose ${HEADS_UP_CHOICE_LABELS[e.data.choice].toLowerCase()}: “${e.data.option}”`;
    case "gesture_offered":
      return `Offered a gesture: ${e.data.description}`;
    case "choice_confirmed":
      return e.data.accepted ? "Read back their choice: they agreed" : "Read back their choice: “not quite”";
    case "prevention_noted":
      return `Prevention: ${[...e.data.tags, e.data.note ?? ""].filter(Boolean).join(" · ")}`;
    case "heads_up_closed":
      return "Closed the heads-up";
    case "complaint_started":
      return `They complained: handed on to ${e.data.complaintReference}`;
    case "heads_up_abandoned":
      return `Abandoned: ${e.data.reason}`;
    case "heads_up_note_added":
      return `Note: ${e.data.text}`;
  }
}

/** A heads-up case played back step by step (← and →), folded by the heads-up playbook, with its rubric. */
export function HeadsUpReplay({ replay }: { replay: HeadsUpReplayView }) {
  const log = useMemo<RecordedHeadsUpEvent[]>(
    () => replay.log.map((e) => ({ ...e, at: new Date(e.at) }) as RecordedHeadsUpEvent),
    [replay.log],
  );
  const states = useMemo(() => foldHeadsUpSteps(log), [log]);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "ArrowRight") setIndex((i) => Math.min(log.length - 1, i + 1));
      if (e.key === "ArrowLeft") setIndex((i) => Math.max(0, i - 1));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [log.length]);
  const state = states[index];
  const readback = buildHeadsUpReadback(state);
  const started = log[0]?.at.getTime() ?? 0;
  return (
    <div className="flex flex-col gap-5">
      <header>
        <p className="text-base uppercase tracking-wide text-amber-300">Heads-up replay · {replay.locationName}</p>
        <h1 className="text-3xl font-bold">
          {replay.reference} · {replay.staffName}
        </h1>
        <p className="text-lg text-slate-300">
          Score {replay.rubric.score ?? "—"}% · {replay.rubric.met} of {replay.rubric.applicable} met
        </p>
      </header>
      <ol aria-label="Stages" className="flex flex-wrap gap-2">
        {HEADS_UP_STAGES.map((s) => (
          <li
            key={s}
            aria-current={state.phase === s ? "step" : undefined}
            className={`rounded-full border px-3 py-1 ${state.phase === s ? "border-sky-300 bg-sky-900 text-sky-50" : "border-slate-600 text-slate-300"}`}
          >
            {HEADS_UP_STAGE_LABELS[s]}
          </li>
        ))}
      </ol>
      <div className="grid gap-5 md:grid-cols-[1fr_22rem]">
        <section aria-label="Step" className="flex flex-col gap-3 rounded-2xl border border-slate-600 bg-slate-900 p-5">
          <div className="flex items-center gap-3">
            <button
              type="button"
              onClick={() => setIndex((i) => Math.max(0, i - 1))}
              className="min-h-12 rounded-xl border border-slate-500 px-4 text-lg"
            >
              ← Back
            </button>
            <span data-testid="heads-up-replay-step" className="text-lg">
              Step {index + 1} of {log.length} · +{Math.round((log[index].at.getTime() - started) / 1000)} s ·{" "}
              {HEADS_UP_PHASE_NAMES[state.phase]}
            </span>
            <button
              type="button"
              onClick={() => setIndex((i) => Math.min(log.length - 1, i + 1))}
              className="min-h-12 rounded-xl border border-slate-500 px-4 text-lg"
            >
              Next →
            </button>
          </div>
          <p className="text-xl">
            <span className="font-semibold">{replay.log[index].actorName}:</span> {describe(log[index])}
          </p>
          <ul className="rounded-xl bg-slate-50 p-4 text-lg text-slate-950">
            {readback.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </section>
        <section aria-label="Rubric" className="flex flex-col gap-2">
          <h2 className="text-xl font-semibold">Rubric</h2>
          {replay.rubric.items.map((item) => (
            <button
              key={item.id}
              type="button"
              disabled={item.eventIndex === null}
              onClick={() => item.eventIndex !== null && setIndex(item.eventIndex)}
              className={`rounded-xl border-2 px-4 py-2 text-left ${OUTCOME_STYLE[item.outcome]}`}
            >
              <span className="font-semibold">
                {item.outcome === "met" ? "✓" : item.outcome === "missed" ? "✗" : "–"} {item.label}
              </span>
              <span className="block text-sm">{item.reason}</span>
            </button>
          ))}
        </section>
      </div>
    </div>
  );
}
