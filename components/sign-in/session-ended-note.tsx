"use client";

import { useEffect, useState } from "react";

/** Why the last session ended, in the words the next person sees (set by lib/tablet/session-watch.ts). */
const ENDED: Record<string, string> = {
  idle: "Signed out after 30 minutes without use. Nothing of the last person's is left on this tablet.",
  server: "That session has ended (it expired, or a manager ended it). Nothing of it is left on this tablet.",
  "signed-out": "Signed out. Nothing of the last person's is left on this tablet.",
  elsewhere: "Signed out on this tablet. Nothing of the last person's is left on it.",
};

/**
 * Read from the address after the page is up, not while rendering: offline, the service worker
 * answers every /sign-in?ended=… with the one copy of the sign-in screen it keeps.
 */
export function SessionEndedNote() {
  const [reason, setReason] = useState<string | null>(null);
  useEffect(() => {
    setReason(new URLSearchParams(window.location.search).get("ended"));
  }, []);
  const text = reason ? ENDED[reason] : undefined;
  if (!text) return null;
  return (
    <p
      role="status"
      className="rounded-xl border border-slate-600 bg-slate-800 px-4 py-3 text-lg text-slate-100"
      data-testid="session-ended"
    >
      {text}
    </p>
  );
}
