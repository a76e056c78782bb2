"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckField, TextInput } from "@/components/ui/field";
import { HEADS_UP_CHOICE_LABELS, type HeadsUpChoice } from "@/lib/playbook/heads-up/vocabulary";
import { newClientId } from "@/lib/client/api";
import { useMutation } from "@/components/ui/use-mutation";

type Option = { choice: HeadsUpChoice; text: string };

/** Tick a table or room off: where, what they chose. Who told them is whoever holds the tablet. */
export function TellTableForm({ headsUpId, options }: { headsUpId: string; options: Option[] }) {
  const [spot, setSpot] = useState("");
  const [picked, setPicked] = useState<number | "other" | null>(null);
  const [other, setOther] = useState("");
  const [askedFirst, setAskedFirst] = useState(false);
  const [unpicked, setUnpicked] = useState(false);
  const { send, busy, error, done } = useMutation();

  async function tell(e: React.FormEvent) {
    e.preventDefault();
    setUnpicked(picked === null);
    if (picked === null) return;
    const choice =
      picked === "other" ? { choice: "other" as const, option: other } : { choice: options[picked].choice, option: options[picked].text };
    const result = await send(
      "POST",
      `/api/heads-ups/${headsUpId}/tables`,
      { clientEventId: newClientId(), spot, ...choice, customerAskedFirst: askedFirst },
      { success: `${spot} ticked off.` },
    );
    if (!result.ok) return;
    setSpot("");
    setPicked(null);
    setOther("");
    setAskedFirst(false);
  }
  const message = unpicked ? "Pick what they chose." : error?.message;

  return (
    <form
      onSubmit={(e) => void tell(e)}
      aria-labelledby="tell-heading"
      className="flex flex-col gap-4 rounded-2xl border border-slate-600 bg-slate-900 p-5"
    >
      <h2 id="tell-heading" className="text-2xl font-semibold">
        Tick off a table or room
      </h2>
      <TextInput label="Table or room" value={spot} onChange={(e) => setSpot(e.target.value)} placeholder="Table 4" maxLength={80} />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-lg font-semibold">What they chose</legend>
        <div className="flex flex-wrap gap-2">
          {options.map((o, i) => (
            <button
              key={o.text}
              type="button"
              aria-pressed={picked === i}
              onClick={() => setPicked(i)}
              className={`min-h-12 rounded-xl border-2 px-4 text-left text-lg ${picked === i ? "border-sky-300 bg-sky-900 text-sky-50" : "border-slate-500 bg-slate-800 text-slate-100"}`}
            >
              <span className="font-semibold">{HEADS_UP_CHOICE_LABELS[o.choice]}:</span> {o.text}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={picked === "other"}
            onClick={() => setPicked("other")}
            className={`min-h-12 rounded-xl border-2 px-4 text-lg ${picked === "other" ? "border-sky-300 bg-sky-900 text-sky-50" : "border-slate-500 bg-slate-800 text-slate-100"}`}
          >
            Something else
          </button>
        </div>
        {picked === "other" ? (
          <TextInput label="What they chose instead" value={other} onChange={(e) => setOther(e.target.value)} maxLength={200} />
        ) : null}
      </fieldset>
      <CheckField label="They asked before we told them" checked={askedFirst} onChange={setAskedFirst} />
      {message ? (
        <p role="alert" className="text-lg font-medium text-rose-300">
          {message}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-lg text-emerald-300">
          ✓ {done}
        </p>
      ) : null}
      <Button type="submit" disabled={busy}>
        Told them
      </Button>
    </form>
  );
}
