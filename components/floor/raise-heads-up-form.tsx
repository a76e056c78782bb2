"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CoachedTextarea } from "@/components/case/coached-textarea";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import type { HeadsUpKind } from "@/lib/playbook/heads-up/vocabulary";
import { newClientId } from "@/lib/client/api";
import { useMutation } from "@/components/ui/use-mutation";
import { HeadsUpKindField, OptionRows, type OptionRow } from "./option-rows";

const START: OptionRow[] = [
  { choice: "wait", text: "" },
  { choice: "change", text: "" },
  { choice: "cancel", text: "" },
];

/** Raise a heads-up for the whole venue: what is happening, the true reason, and the options. */
export function RaiseHeadsUpForm() {
  const router = useRouter();
  const [kind, setKind] = useState<HeadsUpKind>("sold_out");
  const [what, setWhat] = useState("");
  const [reason, setReason] = useState("");
  const [options, setOptions] = useState<OptionRow[]>(START);
  const { send, busy, error, fieldError } = useMutation();

  async function raise(e: React.FormEvent) {
    e.preventDefault();
    const filled = options.filter((o) => o.text.trim());
    await send<{ id: string }>(
      "POST",
      "/api/heads-ups",
      { clientEventId: newClientId(), kind, what, reason, options: filled },
      { then: (data) => router.push(`/heads-ups/${data.id}`) },
    );
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
          {error.message}
        </p>
      ) : null}
      <Button type="submit" disabled={busy}>
        Raise for the whole venue
      </Button>
    </form>
  );
}
