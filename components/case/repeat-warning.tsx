"use client";

import { useEffect, useState } from "react";
import { getJson } from "@/lib/client/api";

const POLL_MS = 15_000;

/**
 * During a live case: the same problem has come up repeatedly today at this venue. Polled, so
 * it appears once the complaint's category (or root cause) is recorded; silent when offline.
 */
export function RepeatWarning({ caseId }: { caseId: string }) {
  const [messages, setMessages] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const result = await getJson<{ messages: string[] }>(`/api/cases/${encodeURIComponent(caseId)}/repeat-warning`);
      if (alive && result.ok) setMessages(result.data.messages);
    };
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [caseId]);
  if (messages.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="repeat-warning"
      className="mx-4 mt-3 rounded-xl border border-amber-400 bg-amber-950 px-4 py-3 text-lg text-amber-100"
    >
      {messages.map((m) => (
        <p key={m}>↻ {m} Worth telling the manager on shift.</p>
      ))}
    </div>
  );
}
