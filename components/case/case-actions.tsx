"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { CaseState } from "@/lib/playbook/state";
import { AddNote, CustomerLeft, VentAgain } from "./coach-parts";
import type { SendStep } from "@/lib/tablet/step-types";

type Open = "vent" | "note" | "left" | null;

/**
 * Things that can happen at any moment of a live complaint. Kept apart from, and quieter
 * than, the stage's main button so they never compete with it.
 */
export function CaseActions({ state, send }: { state: CaseState; send: SendStep }) {
  const [open, setOpen] = useState<Open>(null);
  const [savedNote, setSavedNote] = useState(false);
  const titleId = useId();
  // Not while a manager is awaited: the playbook would move the case to Listen, where the
  // manager's decision cannot be recorded, leaving it stuck until someone ends it.
  const canVent = state.phase !== "listen" && !state.pendingManager;
  const toggle = (which: Exclude<Open, null>) => {
    setSavedNote(false);
    setOpen((current) => (current === which ? null : which));
  };

  return (
    <section
      aria-labelledby={titleId}
      className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-950 p-3"
      data-testid="case-actions"
    >
      <h2 id={titleId} className="text-base font-semibold uppercase tracking-wide text-slate-400">
        At any time
      </h2>
      <div className="flex flex-wrap gap-2">
        {canVent ? (
          <Button variant="ghost" aria-expanded={open === "vent"} onClick={() => toggle("vent")}>
            Customer is venting again
          </Button>
        ) : null}
        <Button variant="ghost" aria-expanded={open === "note"} onClick={() => toggle("note")}>
          Add note
        </Button>
        <Button variant="ghost" aria-expanded={open === "left"} onClick={() => toggle("left")} className="text-rose-200">
          Customer left
        </Button>
        <p aria-live="polite" className="self-center text-base text-emerald-300">
          {savedNote ? "Note saved" : ""}
        </p>
      </div>
      {open === "vent" && canVent ? <VentAgain state={state} send={send} onDone={() => setOpen(null)} /> : null}
      {open === "note" ? (
        <AddNote
          send={send}
          onDone={() => {
            setOpen(null);
            setSavedNote(true);
          }}
        />
      ) : null}
      {open === "left" ? <CustomerLeft send={send} onCancel={() => setOpen(null)} /> : null}
      {state.notes.length > 0 ? (
        <details className="text-base text-slate-300">
          <summary className="flex min-h-11 cursor-pointer items-center">Notes ({state.notes.length})</summary>
          <ul className="ml-5 list-disc">
            {state.notes.map((note, index) => (
              <li key={index}>{note.text}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
