"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";
import { newClientId } from "@/lib/client/api";

/** Opens a practice case on the live coach's own page, with this case's customer. */
export function StartPracticeButton({ sourceCaseId, again }: { sourceCaseId: string; again: boolean }) {
  const router = useRouter();
  const { send, busy, error } = useMutation();
  // One id per attempt: a double tap or a retry after a lost answer opens one practice case.
  const clientEventId = useRef<string | null>(null);
  async function start() {
    clientEventId.current ??= newClientId();
    const result = await send<{ practiceCaseId: string }>(
      "POST",
      `/api/practice/${encodeURIComponent(sourceCaseId)}`,
      { clientEventId: clientEventId.current },
      {
        then: (opened) => router.push(`/cases/${opened.practiceCaseId}`),
      },
    );
    if (!result.ok && result.error.status !== 0 && result.error.status < 500) clientEventId.current = null;
  }
  return (
    <div className="flex flex-col gap-2">
      <Button onClick={() => void start()} disabled={busy} className="min-h-16 self-start px-8 text-xl">
        {busy ? "Opening…" : again ? "Practise it again" : "Start practice"}
      </Button>
      {error ? (
        <p role="alert" className="text-base text-rose-300">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
