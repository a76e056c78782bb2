"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckField, TextInput } from "@/components/ui/field";
import type { Actor } from "@/lib/playbook";
import { HEADS_UP_CHOICE_LABELS, type HeadsUpChoice } from "@/lib/playbook/heads-up/vocabulary";
import { newClientId } from "@/lib/client/api";
import { checkTell, tellStep } from "@/lib/tablet/heads-up-steps";
import { CaptureStatus } from "./capture-status";
import { HeadsUpOutbox } from "./heads-up-outbox";
import { QUEUED_WORDS, useHeadsUpCapture, useHeadsUpOutbox } from "./use-heads-up-outbox";

type Option = { choice: HeadsUpChoice; text: string };

/**
 * Tick a table or room off: where, what they chose. Who told them is whoever holds the tablet.
 * Kept on the tablet first and sent from there (docs/decisions/0034-heads-ups-offline.md).
 */
export function TellTableForm({ headsUpId, options, actor }: { headsUpId: string; options: Option[]; actor: Actor }) {
  const router = useRouter();
  const [spot, setSpot] = useState("");
  const [picked, setPicked] = useState<number | "other" | null>(null);
  const [other, setOther] = useState("");
  const [askedFirst, setAskedFirst] = useState(false);
  const [unpicked, setUnpicked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; text: string } | null>(null);
  const { capture, busy } = useHeadsUpCapture();
  const outbox = useHeadsUpOutbox(actor, headsUpId, "tell");

  async function tell(e: React.FormEvent) {
    e.preventDefault();
    setUnpicked(picked === null);
    setError(null);
    setDone(null);
    if (picked === null) return;
    const choice =
      picked === "other" ? { choice: "other" as const, option: other } : { choice: options[picked].choice, option: options[picked].text };
    const checked = checkTell({ spot, ...choice, customerAskedFirst: askedFirst });
    if (!checked.ok) {
      setError(Object.values(checked.fields)[0] ?? "Some details need fixing.");
      return;
    }
    const clientEventId = newClientId();
    const result = await capture(tellStep(actor, headsUpId, checked.tell, clientEventId));
    if (result.kind === "refused" || result.kind === "failed") {
      setError(result.message);
      return;
    }
    if (result.kind === "sent") {
      setDone({ id: clientEventId, text: `✓ ${checked.tell.spot} ticked off.` });
      router.refresh();
    } else {
      setDone({ id: clientEventId, text: `${checked.tell.spot}: ${QUEUED_WORDS}.` });
    }
    setSpot("");
    setPicked(null);
    setOther("");
    setAskedFirst(false);
  }
  const message = unpicked ? "Pick what they chose." : error;
  // Once it has gone, the list below says "✓ Sent": the note about it waiting goes.
  const note = done && (done.text.startsWith("✓") || outbox.queued.some((q) => q.clientEventId === done.id)) ? done.text : null;

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
      <CaptureStatus note={note} />
      <Button type="submit" disabled={busy}>
        Told them
      </Button>
      <HeadsUpOutbox title="Tables ticked off on this tablet" queued={outbox.queued} sent={outbox.sent} discard={outbox.discard} />
    </form>
  );
}
