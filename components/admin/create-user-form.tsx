"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, Outcome, SelectField, TextField } from "./fields";
import { useMutation } from "@/components/ui/use-mutation";

type Props = {
  roles: readonly string[];
  /** Roles that sign in with email and password (the policy's "signIn.password"). */
  passwordRoles: readonly string[];
  /** Roles that sign in with a PIN (the policy's "signIn.pin"). */
  pinRoles: readonly string[];
  locations: { id: string; name: string }[];
};

export function CreateUserForm({ roles, passwordRoles, pinRoles, locations }: Props) {
  const { send, busy, error, done, fieldError } = useMutation();
  const [name, setName] = useState("");
  const [role, setRole] = useState("staff");
  const [email, setEmail] = useState("");
  const [pin, setPin] = useState("");
  const [password, setPassword] = useState("");
  const [locationIds, setLocationIds] = useState<string[]>(locations.length === 1 ? [locations[0].id] : []);
  const usesPassword = passwordRoles.includes(role);
  const needsPin = pinRoles.includes(role);

  return (
    <form
      aria-labelledby="add-person"
      className="flex flex-col gap-4 rounded-2xl border border-slate-700 bg-slate-900 p-5"
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = (
          await send(
            "POST",
            "/api/admin/users",
            { name, role, email, pin, password: usesPassword ? password : "", locationIds },
            { success: `${name.trim()} was added.` },
          )
        ).ok;
        if (ok) {
          setName("");
          setEmail("");
          setPin("");
          setPassword("");
        }
      }}
    >
      <h2 id="add-person" className="text-2xl font-semibold">
        Add a person
      </h2>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField
          id="new-name"
          label="Full name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError("name")}
          required
          autoComplete="off"
        />
        <SelectField id="new-role" label="Role" value={role} onChange={(e) => setRole(e.target.value)} error={fieldError("role")}>
          {roles.map((r) => (
            <option key={r} value={r} className="capitalize">
              {r}
            </option>
          ))}
        </SelectField>
        <TextField
          id="new-pin"
          label={needsPin ? "PIN (4–8 digits)" : "PIN (optional, for approving on a tablet)"}
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, "").slice(0, 8))}
          error={fieldError("pin")}
        />
        <TextField
          id="new-email"
          label={usesPassword ? "Email (to sign in)" : "Email (optional)"}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError("email")}
        />
        {usesPassword ? (
          <TextField
            id="new-password"
            label="Password (12+ characters)"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError("password")}
            hint="Tell them in person; they can ask an admin to reset it."
          />
        ) : null}
      </div>
      <CheckboxGroup
        legend="Works at"
        options={locations.map((l) => ({ id: l.id, label: l.name }))}
        value={locationIds}
        onChange={setLocationIds}
        error={fieldError("locationIds")}
      />
      <Outcome error={error} done={done} />
      <Button type="submit" disabled={busy} className="self-start">
        {busy ? "Adding…" : "Add person"}
      </Button>
    </form>
  );
}
