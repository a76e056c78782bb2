"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { newClientId } from "@/lib/client/api";
import { useMutation } from "@/components/ui/use-mutation";
import type { AppendResult } from "@/lib/cases/client-event";
import { formatMoney } from "@/lib/playbook/money";
import { COMPENSATION_KINDS, COMPENSATION_LABELS, type CompensationKind } from "@/lib/playbook/vocabulary";

const FIELD = "min-h-12 rounded-xl border border-slate-500 bg-slate-900 px-3 text-lg text-slate-50 placeholder:text-slate-400";

/** "60", "60.5", "£60.50" → pence; null when it is not an amount. */
function pence(text: string): number | null {
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.replace(/[£,\s]/g, ""));
  return match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : null;
}

/**
 * Approve or decline a request from the floor, or approve another remedy (up to the manager's
 * own limit, with a note). One client id per form: a double tap, or a retry after a dropped
 * connection, records the decision once.
 */
export function DecisionForm({
  caseId,
  kind,
  asked,
  myLimitCents,
  staffName,
  onDecided,
}: {
  caseId: string;
  kind: "authority" | "remedy";
  /** The remedy asked for, when the request is a remedy above the staff member's limit. */
  asked?: { description: string; kindKey: CompensationKind; valueCents: number } | null;
  /** The most this manager may approve on their own. */
  myLimitCents: number;
  staffName: string;
  onDecided: (message: string) => void;
}) {
  const id = useId();
  const [clientEventId] = useState(newClientId);
  const [note, setNote] = useState("");
  const [option, setOption] = useState("");
  const [other, setOther] = useState(false);
  const [otherKind, setOtherKind] = useState<CompensationKind>(asked?.kindKey ?? "discount");
  const [otherWords, setOtherWords] = useState("");
  const [otherPounds, setOtherPounds] = useState("");
  // Which button was pressed, for its "…ing" label; the hook keeps the request's own state.
  const [pressed, setPressed] = useState<"approved" | "declined" | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const mutation = useMutation();
  const busy = mutation.busy ? pressed : null;
  const error = invalid ?? mutation.error?.message ?? null;
  const first = staffName.split(" ")[0];
  const aboveMyLimit = kind === "remedy" && asked != null && asked.valueCents > myLimitCents;

  async function decide(decision: "approved" | "declined", counter = false) {
    const value = pence(otherPounds);
    if (counter && (value === null || !otherWords.trim())) {
      setInvalid(
        value === null
          ? "Enter the value you approve in pounds, like 60 or 60.50."
          : "Say what you approve, in words the customer will read.",
      );
      return;
    }
    setInvalid(null);
    setPressed(decision);
    const result = await mutation.send<AppendResult>(
      "POST",
      `/api/manager/cases/${caseId}/decision`,
      {
        clientEventId,
        decision,
        note: note.trim() || undefined,
        option: decision === "approved" && option.trim() ? option.trim() : undefined,
        remedy: counter && value !== null ? { kind: otherKind, description: otherWords.trim(), valueCents: value } : undefined,
      },
      // The live board polls for the change; nothing to refresh here.
      { refresh: false },
    );
    if (result.ok) {
      const what = counter && value !== null ? `Approved ${formatMoney(value)} instead` : decision === "approved" ? "Approved" : "Declined";
      onDecided(`${what} — ${first} sees it on the tablet now.`);
    }
  }

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void decide("approved", other);
      }}
    >
      {kind === "remedy" ? (
        <p className="text-base text-slate-300" data-testid="my-limit">
          You can approve up to {formatMoney(myLimitCents)}.
          {aboveMyLimit ? (
            <span className="block font-semibold text-amber-200">
              This is above your limit: approve something up to it, or decline so someone with a higher limit can be asked.
            </span>
          ) : null}
        </p>
      ) : null}
      <label htmlFor={`${id}-note`} className="text-base font-semibold text-slate-100">
        Note to {first}{" "}
        <span className="font-normal text-slate-300">
          ({kind === "remedy" ? "needed to decline or approve something else" : "needed to decline"})
        </span>
      </label>
      <textarea
        id={`${id}-note`}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
        rows={2}
        placeholder={kind === "remedy" ? "e.g. Fine — apologise from me too." : "e.g. I'm on my way over."}
        className="min-h-12 rounded-xl border border-slate-500 bg-slate-900 px-3 py-2 text-lg text-slate-50 placeholder:text-slate-400"
      />
      {kind === "authority" ? (
        <>
          <label htmlFor={`${id}-option`} className="text-base font-semibold text-slate-100">
            An option you can offer <span className="font-normal text-slate-300">(optional, with an approval)</span>
          </label>
          <input
            id={`${id}-option`}
            value={option}
            onChange={(e) => setOption(e.target.value)}
            maxLength={200}
            placeholder="e.g. A table for two next week, on us"
            className={FIELD}
          />
        </>
      ) : null}
      {kind === "remedy" && other ? (
        <fieldset className="flex flex-col gap-3 rounded-xl border border-slate-600 p-3">
          <legend className="px-1 text-base font-semibold text-slate-100">What you approve instead</legend>
          <label htmlFor={`${id}-kind`} className="text-base font-semibold text-slate-100">
            Kind
          </label>
          <select id={`${id}-kind`} value={otherKind} onChange={(e) => setOtherKind(e.target.value as CompensationKind)} className={FIELD}>
            {COMPENSATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {COMPENSATION_LABELS[k]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-words`} className="text-base font-semibold text-slate-100">
            In words the customer will read
          </label>
          <input
            id={`${id}-words`}
            value={otherWords}
            onChange={(e) => setOtherWords(e.target.value)}
            maxLength={200}
            placeholder="e.g. £60 off the table's bill"
            className={FIELD}
          />
          <label htmlFor={`${id}-value`} className="text-base font-semibold text-slate-100">
            Value (£) <span className="font-normal text-slate-300">up to {formatMoney(myLimitCents)}</span>
          </label>
          <input
            id={`${id}-value`}
            value={otherPounds}
            onChange={(e) => setOtherPounds(e.target.value)}
            inputMode="decimal"
            placeholder="0.00"
            className={`${FIELD} max-w-48`}
          />
        </fieldset>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-950 px-3 py-2 text-base text-rose-100">
          {error}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <button
          type="submit"
          disabled={busy !== null || (aboveMyLimit && !other)}
          className="inline-flex min-h-12 items-center justify-center rounded-xl bg-emerald-400 px-5 text-lg font-semibold text-slate-950 hover:bg-emerald-300 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {busy === "approved" ? "Approving…" : kind === "remedy" ? (other ? "Approve this instead" : "Approve as asked") : "Approve"}
        </button>
        <Button
          variant="ghost"
          className="border-rose-400 text-rose-100 hover:bg-rose-950"
          disabled={busy !== null}
          onClick={() => void decide("declined")}
        >
          {busy === "declined" ? "Declining…" : "Decline"}
        </Button>
        {kind === "remedy" ? (
          <Button variant="secondary" className="col-span-2" aria-expanded={other} onClick={() => setOther((v) => !v)}>
            {other ? "Back to what was asked" : "Approve another amount or remedy"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
