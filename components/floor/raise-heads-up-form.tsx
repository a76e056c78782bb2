"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CoachedTextarea } from "@/components/case/coached-textarea";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import type { HeadsUpKind } from "@/lib/playbook/heads-up/vocabulary";
import { newClientId } from "@/lib/client/api";
import type { Actor } from "@/lib/playbook";
import { checkRaise, raiseStep, type FieldErrors } from "@/lib/tablet/heads-up-steps";
import { CaptureStatus } from "./capture-status";
import { HeadsUpOutbox } from "./heads-up-outbox";
import { HeadsUpKindField, OptionRows, type OptionRow } from "./option-rows";
import { QUEUED_WORDS, useHeadsUpCapture, useHeadsUpOutbox } from "./use-heads-up-outbox";

const START: OptionRow[] = [
  { choice: "wait", text: "" },
  { choice: "change", text: "" },
  { choice: "cancel", text: "" },
];

/**
 * Raise a heads-up for the whole venue: what is happening, the true reason, and the options. Kept
 * on the tablet first and sent from there (docs/decisions/0034-heads-ups-offline.md): without
 * Wi-Fi it waits, "Saved on this tablet, will send when online", and goes when the connection returns.
 */
export function RaiseHeadsUpForm({ actor }: { actor: Actor }) {
  const router = useRouter();
  const [kind, setKind] = useState<HeadsUpKind>("sold_out");
  const [what, setWhat] = useState("");
  const [reason, setReason] = useState("");
  const [options, setOptions] = useState<OptionRow[]>(START);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [queuedNote, setQueuedNote] = useState<{ id: string; text: string } | null>(null);
  const [leaving, setLeaving] = useState(false);
  const { capture, busy } = useHeadsUpCapture();
  const outbox = useHeadsUpOutbox(actor);
  const fieldError = (name: string) => fields[name];
  // Once it has gone, the list below says "✓ Sent": the note about it waiting goes.
  const note =
    queuedNote && (queuedNote.text.startsWith("✓") || outbox.queued.some((q) => q.clientEventId === queuedNote.id))
      ? queuedNote.text
      : null;

  async function raise(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setQueuedNote(null);
    const checked = checkRaise({ kind, what, reason, options });
    setFields(checked.ok ? {} : checked.fields);
    if (!checked.ok) return;
    const clientEventId = newClientId();
    const result = await capture(raiseStep(actor, checked.raise, clientEventId));
    if (result.kind === "refused" || result.kind === "failed") {
      setError(result.message);
      return;
    }
    if (result.kind === "sent" && result.data && "id" in result.data) {
      setLeaving(true); // stays busy while the next page loads: a second tap cannot raise it twice
      router.push(`/heads-ups/${result.data.id}`);
      return;
    }
    // Kept for later (or sent and its id not known here): the form is free for the next one.
    setQueuedNote({
      id: clientEventId,
      text: result.kind === "queued" ? `${checked.raise.what}: ${QUEUED_WORDS}.` : `✓ Sent: ${checked.raise.what}.`,
    });
    setWhat("");
    setReason("");
    setOptions(START);
  }

  return (
    <form
      onSubmit={(e) => void raise(e)}
      aria-labelledby="raise-heading"
      className="flex flex-col gap-4 rounded-2xl border border-slate-600 bg-slate-900 p-5"
    >
      <h2 id="raise-heading" className="text-2xl font-semibold">
        Raise a heads-up
      </h2>
      <p className="text-slate-300">
        Every tablet here shows it within seconds, with the words to use. Tell customers before they find out.
      </p>
      <HeadsUpKindField value={kind} onChange={setKind} />
      <TextInput
        label="What is happening"
        value={what}
        onChange={(e) => setWhat(e.target.value)}
        placeholder="Salmon sold out · Kitchen 30 min behind · Lift out of order"
        maxLength={200}
        error={fieldError("what")}
      />
      <CoachedTextarea
        label="The plain, true reason"
        hint="One sentence the customer can hear. No excuses, no blaming suppliers or colleagues."
        value={reason}
        onChange={setReason}
        placeholder="It has been more popular than ever tonight"
        maxLength={300}
        error={fieldError("reason")}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-lg font-semibold">Options to offer (at least two)</legend>
        <OptionRows rows={options} onChange={setOptions} placeholders />
        {fieldError("options") ? <p className="text-base text-rose-300">{fieldError("options")}</p> : null}
      </fieldset>
      {error ? (
        <p role="alert" className="text-lg font-medium text-rose-300">
          {error}
        </p>
      ) : null}
      <CaptureStatus note={note} />
      <Button type="submit" disabled={busy || leaving}>
        Raise for the whole venue
      </Button>
      <HeadsUpOutbox title="Heads-ups raised on this tablet" queued={outbox.queued} sent={outbox.sent} discard={outbox.discard} />
    </form>
  );
}
