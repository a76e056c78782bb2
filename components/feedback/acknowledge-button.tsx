"use client";

import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";

/** "Got it": tells the trainer the comment was read. */
export function AcknowledgeButton({ commentId, step }: { commentId: string; step: number }) {
  const { send, busy, error } = useMutation();
  async function acknowledge() {
    await send("POST", `/api/feedback/comments/${encodeURIComponent(commentId)}/acknowledge`, {});
  }
  return (
    <span className="flex flex-col gap-1">
      <Button variant="secondary" onClick={() => void acknowledge()} disabled={busy} aria-label={`Acknowledge the comment on step ${step}`}>
        {busy ? "Saving…" : "Got it"}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-rose-300">
          {error.message}
        </span>
      ) : null}
    </span>
  );
}
