"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Outcome, TextField } from "./fields";
import { useMutation } from "@/components/ui/use-mutation";

export function AddRootCauseForm() {
  const { send, busy, error, done, fieldError } = useMutation();
  const [label, setLabel] = useState("");
  return (
    <form
      aria-labelledby="add-cause"
      className="flex flex-col gap-4 rounded-2xl border border-slate-700 bg-slate-900 p-5"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await send("POST", "/api/admin/root-causes", { label }, { success: `“${label.trim()}” was added.` })).ok) setLabel("");
      }}
    >
      <h2 id="add-cause" className="text-2xl font-semibold">
        Add a root cause
      </h2>
      <TextField
        id="cause-label"
        label="Label"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        error={fieldError("label")}
        required
        maxLength={60}
      />
      <Outcome error={error} done={done} />
      <Button type="submit" disabled={busy} className="self-start">
        Add root cause
      </Button>
    </form>
  );
}

/** Root causes are never deleted (cases point at them): they are retired and can come back. */
export function RootCauseToggle({ tag }: { tag: { id: string; label: string; active: boolean } }) {
  const { send, busy, error } = useMutation();
  const url = `/api/admin/root-causes/${encodeURIComponent(tag.id)}/${tag.active ? "deactivate" : "reactivate"}`;
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant={tag.active ? "ghost" : "secondary"}
        disabled={busy}
        onClick={() => void send("POST", url, {}, { success: "Saved." })}
      >
        {tag.active ? "Retire" : "Bring back"}
        <span className="sr-only"> {tag.label}</span>
      </Button>
      {error ? (
        <p role="alert" className="text-rose-300">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
