"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Outcome, TextField } from "./fields";
import { useMutation } from "@/components/ui/use-mutation";

/** One-field rename, for locations ({ name }) and root causes ({ label }). */
export function RenameForm({
  id,
  url,
  field,
  label,
  current,
}: {
  id: string;
  url: string;
  field: "name" | "label";
  label: string;
  current: string;
}) {
  const { send, busy, error, done, fieldError } = useMutation();
  const [value, setValue] = useState(current);
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void send("PATCH", url, { [field]: value }, { success: "Saved." });
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <TextField id={id} label={label} value={value} onChange={(e) => setValue(e.target.value)} error={fieldError(field)} required />
        </div>
        <Button type="submit" variant="secondary" disabled={busy || value.trim() === current}>
          Rename
        </Button>
      </div>
      <Outcome error={error} done={done} />
    </form>
  );
}
