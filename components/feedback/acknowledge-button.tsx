"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { postJson } from "@/lib/client/api";

/** "Got it": tells the trainer the comment was read. */
export function AcknowledgeButton({ commentId, step }: { commentId: string; step: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function acknowledge() {
    setBusy(true);
    setError(null);
    const result = await postJson(`/api/feedback/comments/${encodeURIComponent(commentId)}/acknowledge`, {});
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.error.message);
  }
  return (
    <span className="flex flex-col gap-1">
      <Button variant="secondary" onClick={() => void acknowledge()} disabled={busy} aria-label={`Acknowledge the comment on step ${step}`}>
        {busy ? "Saving…" : "Got it"}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-rose-300">
          {error}
        </span>
      ) : null}
    </span>
  );
}
