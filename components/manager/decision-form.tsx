"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { newClientId, postJson } from "@/lib/client/api";
import type { AppendResult } from "@/lib/cases/client-event";

/**
 * Approve or decline a request from the floor. One client id per form: a double tap, or a
 * retry after a dropped connection, records the decision once.
 */
export function DecisionForm({
  caseId,
  kind,
  staffName,
  onDecided,
}: {
  caseId: string;
  kind: "authority" | "remedy";
  staffName: string;
  onDecided: (message: string) => void;
}) {
  const id = useId();
  const [clientEventId] = useState(newClientId);
  const [note, setNote] = useState("");
  const [option, setOption] = useState("");
  const [busy, setBusy] = useState<"approved" | "declined" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = staffName.split(" ")[0];

  async function decide(decision: "approved" | "declined") {
    setBusy(decision);
    setError(null);
    const result = await postJson<AppendResult>(`/api/manager/cases/${caseId}/decision`, {
      clientEventId,
      decision,
      note: note.trim() || undefined,
      option: decision === "approved" && option.trim() ? option.trim() : undefined,
    });
    setBusy(null);
    if (result.ok) onDecided(`${decision === "approved" ? "Approved" : "Declined"} — ${first} sees it on the tablet now.`);
    else setError(result.error.message);
  }

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void decide("approved");
      }}
    >
      <label htmlFor={`${id}-note`} className="text-base font-semibold text-slate-100">
        Note to {first} <span className="font-normal text-slate-300">(needed to decline)</span>
      </label>
      <textarea
        id={`${id}-note`}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
        rows={2}
        placeholder={kind === "remedy" ? "e.g. Fine — apologise from me too." : "e.g. I'm on my way over."}
        className="min-h-12 rounded-xl border border-slate-500 bg-slate-900 px-3 py-2 text-lg text-slate-50 placeholder:text-slate-400"
      />
      {kind === "authority" ? (
        <>
          <label htmlFor={`${id}-option`} className="text-base font-semibold text-slate-100">
            An option you can offer <span className="font-normal text-slate-300">(optional, with an approval)</span>
          </label>
          <input
            id={`${id}-option`}
            value={option}
            onChange={(e) => setOption(e.target.value)}
            maxLength={200}
            placeholder="e.g. A table for two next week, on us"
            className="min-h-12 rounded-xl border border-slate-500 bg-slate-900 px-3 text-lg text-slate-50 placeholder:text-slate-400"
          />
        </>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-950 px-3 py-2 text-base text-rose-100">
          {error}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <button
          type="submit"
          disabled={busy !== null}
          className="inline-flex min-h-12 items-center justify-center rounded-xl bg-emerald-400 px-5 text-lg font-semibold text-slate-950 hover:bg-emerald-300 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {busy === "approved" ? "Approving…" : "Approve"}
        </button>
        <Button variant="ghost" className="border-rose-400 text-rose-100 hover:bg-rose-950" disabled={busy !== null} onClick={() => void decide("declined")}>
          {busy === "declined" ? "Declining…" : "Decline"}
        </Button>
      </div>
    </form>
  );
}
