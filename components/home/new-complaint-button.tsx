"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { newCaseId, newClientId } from "@/lib/client/api";
import { localSession, requestFlush, tabletStore } from "@/lib/tablet/tablet";
import type { Role } from "@/lib/playbook";

export type OpenContext = {
  actor: { id: string; name: string; role: Role };
  locationId: string;
  locationName: string;
  timeZone?: string;
  authorityLimitCents: number;
};

const SEND_WAIT_MS = 5000;

/**
 * One tap opens a case and lands on Listen: the customer is talking right now. The case gets its
 * id here and is recorded on the tablet first, so it opens the same with or without Wi-Fi; with
 * a connection the opening is sent at once and the case page comes from the server.
 */
export function NewComplaintButton({ context }: { context: OpenContext }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function open() {
    setBusy(true);
    setError(null);
    const caseId = newCaseId();
    const { actor, locationId, locationName, timeZone, authorityLimitCents } = context;
    try {
      const store = await tabletStore();
      await (
        await localSession()
      ).captureStep(
        store,
        {
          caseId,
          clientEventId: newClientId(),
          actor: { id: actor.id, role: actor.role },
          capturedAt: new Date().toISOString(),
          body: { kind: "open", locationId, practice: false, authorityLimitCents },
        },
        {
          id: caseId,
          reference: null,
          locationId,
          locationName,
          timeZone,
          openedByName: actor.name,
          log: [],
          updatedAt: new Date().toISOString(),
        },
      );
      if (navigator.onLine) {
        await Promise.race([requestFlush(store), new Promise((resolve) => setTimeout(resolve, SEND_WAIT_MS))]);
        if ((await store.getCase(caseId))?.log.length) {
          router.push(`/cases/${caseId}`);
          return;
        }
      }
      if (!store.durable) {
        // Without IndexedDB the case lives in this page only: a full page load would lose it.
        setBusy(false);
        setError("No connection, and this browser cannot keep a case on the tablet. Try again when the Wi-Fi is back.");
        return;
      }
      // The case shell (cached by the service worker) reads the case from the tablet.
      window.location.assign(`/cases/offline?id=${encodeURIComponent(caseId)}`);
    } catch (error) {
      console.error("Opening a case on this tablet failed", error);
      setBusy(false);
      setError("The case could not be opened on this tablet. Try again.");
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        disabled={busy}
        onClick={() => void open()}
        className="flex min-h-32 w-full flex-col items-center justify-center rounded-2xl bg-sky-400 px-6 text-slate-950 shadow-lg hover:bg-sky-300 disabled:opacity-60"
      >
        <span className="text-3xl font-bold">{busy ? "Opening…" : "New complaint"}</span>
        <span className="text-lg">Start listening — the coach walks you through</span>
      </button>
      {error ? (
        <p role="alert" className="text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
