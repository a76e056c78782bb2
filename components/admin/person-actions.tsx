"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Outcome, TextField } from "./fields";
import { useMutation } from "@/components/ui/use-mutation";

/** Deactivate / reactivate, and reset a forgotten PIN or password. */
export function PersonActions({
  person,
  canHavePassword,
  isSelf,
}: {
  person: { id: string; name: string; active: boolean };
  canHavePassword: boolean;
  isSelf: boolean;
}) {
  const { send, busy, error, done, fieldError } = useMutation();
  const [resetting, setResetting] = useState(false);
  const [pin, setPin] = useState("");
  const [password, setPassword] = useState("");
  const base = `/api/admin/users/${encodeURIComponent(person.id)}`;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        {person.active ? (
          <Button
            variant="danger"
            disabled={busy || isSelf}
            title={isSelf ? "You cannot deactivate yourself" : undefined}
            onClick={() => void send("POST", `${base}/deactivate`, {}, { success: `${person.name} can no longer sign in.` })}
          >
            Deactivate<span className="sr-only"> {person.name}</span>
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => void send("POST", `${base}/reactivate`, {}, { success: `${person.name} can sign in again.` })}
          >
            Reactivate<span className="sr-only"> {person.name}</span>
          </Button>
        )}
        <Button variant="ghost" aria-expanded={resetting} onClick={() => setResetting(!resetting)}>
          Reset PIN{canHavePassword ? " / password" : ""}
          <span className="sr-only"> for {person.name}</span>
        </Button>
      </div>
      {resetting ? (
        <form
          className="flex flex-col gap-3"
          onSubmit={async (e) => {
            e.preventDefault();
            const ok = (
              await send("PUT", `${base}/credentials`, { pin, password }, { success: `New sign-in details saved for ${person.name}.` })
            ).ok;
            if (ok) {
              setPin("");
              setPassword("");
              setResetting(false);
            }
          }}
        >
          <TextField
            id={`pin-${person.id}`}
            label="New PIN"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, "").slice(0, 8))}
            error={fieldError("pin")}
          />
          {canHavePassword ? (
            <TextField
              id={`pw-${person.id}`}
              label="New password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldError("password")}
            />
          ) : null}
          <Button type="submit" disabled={busy} className="self-start">
            Save
          </Button>
        </form>
      ) : null}
      <Outcome error={error} done={done} />
    </div>
  );
}
