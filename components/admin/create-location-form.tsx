"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Outcome, SelectField, TextField } from "./fields";
import { useMutation } from "@/components/ui/use-mutation";

export function CreateLocationForm({ kinds }: { kinds: readonly string[] }) {
  const { send, busy, error, done, fieldError } = useMutation();
  const [name, setName] = useState("");
  const [kind, setKind] = useState(kinds[0]);
  const [timezone, setTimezone] = useState("Europe/London");
  return (
    <form
      aria-labelledby="add-location"
      className="flex flex-col gap-4 rounded-2xl border border-slate-700 bg-slate-900 p-5"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await send("POST", "/api/admin/locations", { name, kind, timezone }, { success: `${name.trim()} was added.` })).ok)
          setName("");
      }}
    >
      <h2 id="add-location" className="text-2xl font-semibold">
        Add a location
      </h2>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <TextField id="loc-name" label="Name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError("name")} required />
        <SelectField id="loc-kind" label="Kind" value={kind} onChange={(e) => setKind(e.target.value)} error={fieldError("kind")}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </SelectField>
        <TextField
          id="loc-tz"
          label="Time zone"
          value={timezone}
          onChange={(e) => setTimezone(e.target.value)}
          error={fieldError("timezone")}
        />
      </div>
      <Outcome error={error} done={done} />
      <Button type="submit" disabled={busy} className="self-start">
        Add location
      </Button>
    </form>
  );
}
