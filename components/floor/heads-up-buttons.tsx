"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { newClientId } from "@/lib/client/api";
import { useMutation } from "@/components/ui/use-mutation";
import type { Actor } from "@/lib/playbook";
import { checkEnd, endStep } from "@/lib/tablet/heads-up-steps";
import { CaptureStatus } from "./capture-status";
import { HeadsUpOutbox } from "./heads-up-outbox";
import { QUEUED_WORDS, useHeadsUpCapture, useHeadsUpOutbox } from "./use-heads-up-outbox";

/**
 * Ends a heads-up on record (its raiser or a manager). Kept on the tablet first and sent from there,
 * like a raise or a tick-off (docs/decisions/0036): without Wi-Fi it says so, and goes when it can.
 */
export function EndHeadsUpButton({ headsUpId, what, ended, actor }: { headsUpId: string; what: string; ended: boolean; actor: Actor }) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; text: string } | null>(null);
  const { capture, busy } = useHeadsUpCapture();
  const outbox = useHeadsUpOutbox(actor, headsUpId, "end");

  async function end() {
    setError(null);
    setDone(null);
    const checked = checkEnd(note);
    if (!checked.ok) {
      setError(Object.values(checked.fields)[0] ?? "Some details need fixing.");
      return;
    }
    const clientEventId = newClientId();
    const result = await capture(endStep(actor, headsUpId, what, checked.end, clientEventId));
    if (result.kind === "refused" || result.kind === "failed") {
      setError(result.message);
      return;
    }
    if (result.kind === "sent") {
      setDone({ id: clientEventId, text: "✓ Ended." });
      router.refresh();
    } else {
      setDone({ id: clientEventId, text: `Ending it: ${QUEUED_WORDS}.` });
    }
    setNote("");
  }
  // Once it has gone, the list below says "✓ Sent": the note about it waiting goes.
  const status = done && (done.text.startsWith("✓") || outbox.queued.some((q) => q.clientEventId === done.id)) ? done.text : null;
  // Ending it is already waiting here: a second tap would only send the same again.
  const waiting = outbox.queued.some((q) => !q.refusal);
  // Once ended only what became of an end sent from here stays (the same nodes: nothing jumps).
  return (
    <div className="flex flex-col gap-3">
      {ended ? null : (
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-1 flex-col gap-1.5 text-lg font-semibold">
            How it ended (optional)
            <input
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
              placeholder="Fresh delivery arrived"
              className="min-h-12 rounded-xl border-2 border-slate-500 bg-slate-950 px-4 text-lg font-normal text-slate-50"
            />
          </label>
          <Button variant="secondary" onClick={() => void end()} disabled={busy || waiting}>
            It&apos;s over: end the heads-up
          </Button>
        </div>
      )}
      {error ? (
        <p role="alert" className="text-base text-rose-300">
          {error}
        </p>
      ) : null}
      {ended ? null : <CaptureStatus note={status} />}
      <HeadsUpOutbox title="Ending on this tablet" queued={outbox.queued} sent={outbox.sent} discard={outbox.discard} />
    </div>
  );
}

/** A heads-up for one table or room (not the whole floor): walks Notice → … → Prevent. */
export function OpenHeadsUpCaseButton() {
  const router = useRouter();
  const { send, busy, error } = useMutation();
  function open() {
    return send<{ caseId: string }>(
      "POST",
      "/api/heads-up-cases",
      { clientEventId: newClientId() },
      { then: (data) => router.push(`/heads-up-cases/${data.caseId}`) },
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <Button variant="secondary" onClick={() => void open()} disabled={busy}>
        Tell one table or room about something
      </Button>
      {error ? (
        <p role="alert" className="text-base text-rose-300">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

/** The customer complains after all: a complaint case opens at Listen with this heads-up's context. */
export function StartComplaintButton({ headsUpCaseId }: { headsUpCaseId: string }) {
  const { send, busy, error } = useMutation();
  function start() {
    return send<{ caseId: string }>(
      "POST",
      `/api/heads-up-cases/${headsUpCaseId}/complaint`,
      { clientEventId: newClientId() },
      // A full page load: the live coach's page carries no router script.
      { then: (data) => window.location.assign(`/cases/${data.caseId}`) },
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <Button variant="danger" onClick={() => void start()} disabled={busy}>
        They want to complain: open a complaint
      </Button>
      {error ? (
        <p role="alert" className="text-base text-rose-300">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
