"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";

/** The tablet side of pairing: the code from the manager's desk (filled in when the link or QR was used). */
export function PairForm({ initialCode, again }: { initialCode: string; again: boolean }) {
  const [code, setCode] = useState(initialCode);
  const { send, busy, error } = useMutation();

  async function submit() {
    await send(
      "POST",
      "/api/devices/pair",
      { code },
      {
        // A full load: the sign-in page now lists this venue's people (or says the cookie was not kept).
        then: () => window.location.assign("/sign-in?paired=1"),
      },
    );
  }

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="pairing-code" className="text-lg font-medium text-slate-200">
          Pairing code
        </label>
        <input
          id="pairing-code"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase().slice(0, 12))}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="ABCD-EFGH"
          className="min-h-16 rounded-xl border border-slate-500 bg-slate-800 px-4 text-center font-mono text-3xl tracking-[0.3em] text-slate-50"
        />
        <p className="text-slate-400">Eight letters and digits, from the manager&apos;s desk → Tablets. It works once, for ten minutes.</p>
      </div>
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-950 px-4 py-3 text-rose-200">
          {error.message}
        </p>
      ) : null}
      <Button type="submit" className="min-h-14" disabled={busy || code.replace(/[\s-]/g, "").length < 8}>
        {busy ? "Pairing…" : again ? "Pair again with this code" : "Pair this tablet"}
      </Button>
    </form>
  );
}
