"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson, newClientId } from "@/lib/client/api";
import type { AppendResult } from "@/lib/cases/client-event";

/** One tap opens a case and lands on Listen: the customer is talking right now. */
export function NewComplaintButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await postJson<AppendResult>("/api/cases", { clientEventId: newClientId() });
          if (result.ok) router.push(`/cases/${result.data.caseId}`);
          else {
            setBusy(false);
            setError(result.error.message);
          }
        }}
        className="flex min-h-32 w-full flex-col items-center justify-center rounded-2xl bg-sky-400 px-6 text-slate-950 shadow-lg hover:bg-sky-300 disabled:opacity-60"
      >
        <span className="text-3xl font-bold">{busy ? "Opening…" : "New complaint"}</span>
        <span className="text-lg">Start listening — the coach walks you through</span>
      </button>
      {error ? <p role="alert" className="text-rose-300">{error}</p> : null}
    </div>
  );
}
