"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { postJson } from "@/lib/client/api";
import { finishSignIn } from "./finish-sign-in";

type Person = { id: string; name: string; role: string };

/**
 * A paired tablet's sign-in: the people of its venue (and only them), then a PIN. The server
 * decides everything again (lib/auth/sign-in-with-pin.ts); this list only saves typing.
 */
export function PinSignIn({ people }: { people: Person[] }) {
  const [person, setPerson] = useState<Person | null>(null);
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(code: string) {
    if (!person) return;
    setBusy(true);
    setError(null);
    const result = await postJson("/api/session/pin", { userId: person.id, pin: code });
    if (result.ok) {
      const problem = await finishSignIn();
      if (problem) {
        setBusy(false);
        setPin("");
        setError(problem);
      }
      return;
    }
    setBusy(false);
    setPin("");
    setError(result.error.message);
  }

  function press(digit: string) {
    setPin((pin + digit).slice(0, 8));
  }

  if (!person) {
    return (
      <section aria-labelledby="who" className="flex flex-col gap-4">
        <h2 id="who" className="text-2xl font-semibold">
          Who are you?
        </h2>
        {people.length === 0 ? (
          <p className="text-lg text-slate-300">Nobody at this venue signs in with a PIN yet: an admin adds people under Admin → People.</p>
        ) : null}
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-3">
          {people.map((p) => (
            <li key={p.id}>
              <Button variant="secondary" className="min-h-20 w-full flex-col gap-0 text-xl" onClick={() => setPerson(p)}>
                <span>{p.name}</span>
                <span className="text-sm font-normal capitalize text-slate-300">{p.role}</span>
              </Button>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <section aria-labelledby="pin" className="mx-auto flex w-full max-w-sm flex-col gap-4">
      <h2 id="pin" className="text-2xl font-semibold">
        Hi {person.name.split(" ")[0]}, enter your PIN
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(pin);
        }}
        className="flex flex-col gap-4"
      >
        <label className="sr-only" htmlFor="pin-input">
          PIN
        </label>
        <input
          id="pin-input"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, "").slice(0, 8))}
          inputMode="numeric"
          type="password"
          autoComplete="off"
          className="min-h-14 rounded-xl border border-slate-500 bg-slate-800 px-4 text-center text-3xl tracking-[0.5em]"
        />
        {error ? (
          <p role="alert" className="rounded-lg bg-rose-950 px-4 py-3 text-rose-200">
            {error}
          </p>
        ) : null}
        <div className="grid grid-cols-3 gap-3">
          {["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((d) => (
            <Button key={d} variant="secondary" className="min-h-16 text-2xl" onClick={() => press(d)}>
              {d}
            </Button>
          ))}
          <Button variant="ghost" className="min-h-16" onClick={() => setPin(pin.slice(0, -1))} aria-label="Delete last digit">
            ⌫
          </Button>
          <Button variant="secondary" className="min-h-16 text-2xl" onClick={() => press("0")}>
            0
          </Button>
          <Button type="submit" className="min-h-16" disabled={busy || pin.length < 4}>
            Go
          </Button>
        </div>
        <Button
          variant="ghost"
          onClick={() => {
            setPerson(null);
            setPin("");
            setError(null);
          }}
        >
          Not you?
        </Button>
      </form>
    </section>
  );
}
