"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";

const field =
  "min-h-12 w-full rounded-xl border-2 border-slate-500 bg-slate-950 px-3 text-lg text-slate-50 placeholder:text-slate-400 focus:border-sky-300";

/** A new named collection for the case library. */
export function CreateCollectionForm() {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const { send, busy, error, done } = useMutation();
  const message = error ? { ok: false, text: error.message } : done ? { ok: true, text: done } : null;
  const ids = { name: useId(), description: useId() };

  async function create() {
    const result = await send<{ name: string }>(
      "POST",
      "/api/trainer/library",
      { name, description },
      {
        success: (created) => `Created “${created.name}”. Add cases to it from their replay.`,
      },
    );
    if (result.ok) {
      setName("");
      setDescription("");
    }
  }

  return (
    <form
      aria-label="Create a collection"
      className="grid gap-3 rounded-2xl border border-slate-700 bg-slate-800/70 p-4 md:grid-cols-[1fr_2fr_auto] md:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.name} className="text-base font-semibold text-slate-200">
          New collection name
        </label>
        <input
          id={ids.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={60}
          placeholder="Great recoveries"
          className={field}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.description} className="text-base font-semibold text-slate-200">
          What it teaches <span className="font-normal text-slate-400">(optional)</span>
        </label>
        <input
          id={ids.description}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={300}
          placeholder="Cases that were turned round"
          className={field}
        />
      </div>
      <Button type="submit" disabled={busy || name.trim() === ""}>
        {busy ? "Creating…" : "Create"}
      </Button>
      <p
        aria-live="polite"
        className={`md:col-span-3 ${message ? (message.ok ? "text-base text-emerald-300" : "text-base text-rose-300") : ""}`}
      >
        {message?.text}
      </p>
    </form>
  );
}

/** Takes one case out of a collection. */
export function RemoveFromCollectionButton({
  collectionId,
  caseId,
  reference,
  collectionName,
}: {
  collectionId: string;
  caseId: string;
  reference: string;
  collectionName: string;
}) {
  const { send, busy, error } = useMutation();
  async function remove() {
    await send("DELETE", `/api/trainer/library/${encodeURIComponent(collectionId)}/cases/${encodeURIComponent(caseId)}`, {});
  }
  return (
    <span className="flex flex-col items-end gap-1">
      <Button
        variant="ghost"
        onClick={() => void remove()}
        disabled={busy}
        aria-label={`Remove ${reference} from ${collectionName}`}
        className="min-h-11 px-3 text-base"
      >
        Remove
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-rose-300">
          {error.message}
        </span>
      ) : null}
    </span>
  );
}
