"use client";

import { useState } from "react";
import type { FloorView } from "@/lib/heads-ups/list-floor";
import { newClientId, postJson } from "@/lib/client/api";

type LatePromise = FloorView["latePromises"][number];

const NEW_TIMES = [
  { label: "No new time", minutes: 0 },
  { label: "In 15 minutes", minutes: 15 },
  { label: "In 30 minutes", minutes: 30 },
  { label: "In an hour", minutes: 60 },
] as const;

/**
 * A promise running late: the words for going back before the customer has to ask, and one tap to
 * record that they were told (a step on the case), with a new time if one was agreed.
 */
export function LatePromiseCard({
  promise,
  compact = false,
  onTold,
}: {
  promise: LatePromise;
  compact?: boolean;
  /** Told: the banner keeps this card (and its confirmation) a while after the floor stops listing it. */
  onTold?: (promise: LatePromise) => void;
}) {
  const [minutes, setMinutes] = useState<number>(0);
  const [state, setState] = useState<"idle" | "sending" | "told">("idle");
  const [error, setError] = useState<string | null>(null);

  async function told() {
    setState("sending");
    setError(null);
    const newDueAt = minutes ? new Date(Date.now() + minutes * 60_000).toISOString() : undefined;
    const result = await postJson(`/api/cases/${promise.caseId}/events`, {
      clientEventId: newClientId(),
      event: { type: "promise_update_told", data: { actionId: promise.actionId, words: promise.words.join(" ").slice(0, 500), newDueAt } },
    });
    if (result.ok) {
      onTold?.(promise);
      setState("told");
    } else {
      setState("idle");
      setError(result.error.message);
    }
  }

  if (state === "told") {
    return (
      <p role="status" className="rounded-2xl border border-emerald-400 bg-emerald-950 px-5 py-3 text-lg text-emerald-100">
        ✓ Recorded: you told them about “{promise.description}”.
      </p>
    );
  }
  return (
    <div
      data-testid="late-promise"
      className="flex flex-col gap-2 rounded-2xl border-2 border-rose-400 bg-rose-950/80 px-5 py-3 text-rose-50"
    >
      <p className="text-xl font-semibold">
        <span className="mr-2 rounded-full bg-rose-400 px-2.5 py-0.5 text-sm font-bold uppercase tracking-wide text-slate-950">
          Go back and tell them
        </span>
        “{promise.description}” was due {promise.due}
      </p>
      <p className="text-base text-rose-100">
        <a href={`/cases/${promise.caseId}`} className="underline">
          {promise.reference}
        </a>
        {promise.spot ? ` · ${promise.spot}` : ""} · {promise.owner} · {promise.minutesLate} min late
      </p>
      {compact ? null : (
        <ul className="flex flex-col gap-0.5 text-base text-rose-100">
          {promise.words.map((line) => (
            <li key={line}>“{line}”</li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-base">
          New time agreed
          <select
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
            className="min-h-12 rounded-xl border-2 border-rose-300 bg-slate-950 px-3 text-lg text-slate-50"
          >
            {NEW_TIMES.map((t) => (
              <option key={t.minutes} value={t.minutes}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => void told()}
          disabled={state === "sending"}
          className="min-h-12 rounded-xl bg-rose-300 px-5 text-lg font-semibold text-slate-950 hover:bg-rose-200 disabled:opacity-60"
        >
          I&apos;ve told them
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-base font-medium text-rose-200">
          {error}
        </p>
      ) : null}
    </div>
  );
}
