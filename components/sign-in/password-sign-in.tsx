"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { postJson } from "@/lib/client/api";
import { finishSignIn } from "./finish-sign-in";

const inputClass = "min-h-12 rounded-xl border border-slate-500 bg-slate-800 px-4 text-lg text-slate-50";

/** Managers, trainers and admins: email and password, on their own device or the shared tablet. */
export function PasswordSignIn() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    const result = await postJson("/api/session/password", { email, password });
    if (result.ok) {
      const problem = await finishSignIn();
      if (problem) {
        setBusy(false);
        setError(problem);
      }
      return;
    }
    setBusy(false);
    setPassword("");
    setError(result.error.message);
  }

  return (
    <section aria-labelledby="password-sign-in" className="mx-auto flex w-full max-w-md flex-col gap-4">
      <h2 id="password-sign-in" className="text-2xl font-semibold">
        Manager, trainer and admin sign-in
      </h2>
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="email" className="text-base font-medium text-slate-200">
            Email
          </label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="password" className="text-base font-medium text-slate-200">
            Password
          </label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={inputClass}
          />
        </div>
        {error ? (
          <p role="alert" className="rounded-lg bg-rose-950 px-4 py-3 text-rose-200">
            {error}
          </p>
        ) : null}
        <Button type="submit" className="min-h-14" disabled={busy || !email || !password}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </section>
  );
}
