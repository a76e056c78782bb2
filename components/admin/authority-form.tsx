"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Outcome, TextField } from "./fields";
import { useMutation } from "@/components/ui/use-mutation";

export function AuthorityForm({ role, limitCents }: { role: string; limitCents: number }) {
  const { send, busy, error, done, fieldError } = useMutation();
  const current = (limitCents / 100).toFixed(2);
  const [pounds, setPounds] = useState(current);
  return (
    <form
      className="flex flex-col gap-2 rounded-2xl border border-slate-700 bg-slate-800 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        void send("PUT", `/api/admin/authority/${role}`, { pounds }, { success: `The ${role} limit is now £${pounds}.` });
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <TextField
            id={`limit-${role}`}
            label={`${role[0].toUpperCase()}${role.slice(1)} limit (£)`}
            inputMode="decimal"
            value={pounds}
            onChange={(e) => setPounds(e.target.value)}
            error={fieldError("pounds")}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={busy || pounds === current}>
          Save<span className="sr-only"> {role} limit</span>
        </Button>
      </div>
      <Outcome error={error} done={done} />
    </form>
  );
}
