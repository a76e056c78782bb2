"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { newClientId, postJson } from "@/lib/client/api";

/** Opens a practice case on the live coach's own page, with this case's customer. */
export function StartPracticeButton({ sourceCaseId, again }: { sourceCaseId: string; again: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One id per attempt: a double tap or a retry after a lost answer opens one practice case.
  const clientEventId = useRef<string | null>(null);
  async function start() {
    setBusy(true);
    setError(null);
    clientEventId.current ??= newClientId();
    const result = await postJson<{ practiceCaseId: string }>(`/api/practice/${encodeURIComponent(sourceCaseId)}`, { clientEventId: clientEventId.current });
    if (result.ok) {
      router.push(`/cases/${result.data.practiceCaseId}`);
      return;
    }
    setBusy(false);
    if (result.error.status !== 0 && result.error.status < 500) clientEventId.current = null;
    setError(result.error.message);
  }
  return (
    <div className="flex flex-col gap-2">
      <Button onClick={() => void start()} disabled={busy} className="min-h-16 self-start px-8 text-xl">
        {busy ? "Opening…" : again ? "Practise it again" : "Start practice"}
      </Button>
      {error ? (
        <p role="alert" className="text-base text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
