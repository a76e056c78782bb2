"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { newClientId } from "@/lib/client/api";
import { useMutation } from "@/components/ui/use-mutation";

/** Ends a heads-up on record (its raiser or a manager). */
export function EndHeadsUpButton({ headsUpId }: { headsUpId: string }) {
  const [note, setNote] = useState("");
  const { send, busy, error } = useMutation();
  function end() {
    return send("POST", `/api/heads-ups/${headsUpId}/end`, { note: note || undefined });
  }
  return (
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
      <Button variant="secondary" onClick={() => void end()} disabled={busy}>
        It&apos;s over: end the heads-up
      </Button>
      {error ? (
        <p role="alert" className="w-full text-base text-rose-300">
          {error.message}
        </p>
      ) : null}
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
