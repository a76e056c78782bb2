"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";
import { newClientId } from "@/lib/client/api";
import type { CaseDetailAction } from "@/lib/manager/get-case-detail";
import { formatDateTime } from "@/lib/display/format";

const input = "min-h-12 w-full rounded-xl border border-slate-500 bg-slate-900 px-3 text-lg text-slate-50 placeholder:text-slate-400";

/**
 * Posts one follow-up step (useMutation: on success the server page re-renders). A retry after a
 * failure reuses the client id, so a step whose answer was lost on the way back is not recorded twice.
 */
function useFollowUpStep() {
  const mutation = useMutation();
  const clientEventId = useRef<string | null>(null);
  async function send(url: string, body: Record<string, unknown>): Promise<boolean> {
    clientEventId.current ??= newClientId();
    const result = await mutation.send("POST", url, { clientEventId: clientEventId.current, ...body });
    if (!result.ok) {
      // A refusal (4xx) was not recorded: the next attempt may be a different step, so a new id.
      if (result.error.status >= 400 && result.error.status < 500) clientEventId.current = null;
      return false;
    }
    clientEventId.current = null;
    return true;
  }
  return { busy: mutation.busy, error: mutation.error?.message ?? null, send };
}

function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="rounded-lg bg-rose-950 px-3 py-2 text-base text-rose-100">
      {error}
    </p>
  ) : null;
}

/** "YYYY-MM-DDTHH:mm" in this tablet's time zone, for a datetime-local input. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function ActionItem({
  caseId,
  action,
  canUpdate,
  timeZone,
}: {
  caseId: string;
  action: CaseDetailAction;
  canUpdate: boolean;
  timeZone: string;
}) {
  const id = useId();
  const { busy, error, send } = useFollowUpStep();
  const [editing, setEditing] = useState(false);
  const [owner, setOwner] = useState(action.owner);
  const [due, setDue] = useState("");
  const [note, setNote] = useState("");
  const url = `/api/manager/cases/${caseId}/actions`;
  const done = action.status === "done";

  return (
    <li
      className={`flex flex-col gap-3 rounded-xl border p-4 ${action.overdue ? "border-rose-400 bg-rose-950/40" : "border-slate-700 bg-slate-900/60"}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <p className={`text-lg font-semibold ${done ? "text-slate-300 line-through decoration-slate-500" : "text-slate-50"}`}>
            {action.description}
          </p>
          <p className="text-base text-slate-300">
            {action.owner} · due {formatDateTime(action.dueAt, timeZone)}
            {done && action.completedAt ? ` · done ${formatDateTime(action.completedAt, timeZone)}` : ""}
          </p>
        </div>
        <span
          className={`shrink-0 rounded-full px-3 py-1 text-sm font-bold ${
            done ? "bg-emerald-300 text-slate-950" : action.overdue ? "bg-rose-400 text-slate-950" : "bg-slate-600 text-slate-50"
          }`}
        >
          {done ? "Done" : action.overdue ? "Overdue" : "Open"}
        </span>
      </div>
      {canUpdate ? (
        <div className="flex flex-wrap gap-2">
          <Button
            variant={done ? "secondary" : "primary"}
            disabled={busy}
            onClick={() => void send(url, { actionId: action.id, status: done ? "open" : "done" })}
            aria-label={`${done ? "Reopen" : "Mark done"}: ${action.description}`}
          >
            {done ? "Reopen" : "Mark done"}
          </Button>
          <Button
            variant="ghost"
            aria-expanded={editing}
            onClick={() => {
              setDue(toLocalInput(action.dueAt));
              setEditing(!editing);
            }}
          >
            Reassign
          </Button>
        </div>
      ) : null}
      {editing ? (
        <form
          className="grid grid-cols-1 gap-3 sm:grid-cols-2"
          onSubmit={async (e) => {
            e.preventDefault();
            const change: Record<string, unknown> = { actionId: action.id, note: note.trim() || undefined };
            if (owner.trim() !== action.owner) change.owner = owner.trim();
            const dueIso = due ? new Date(due).toISOString() : undefined;
            if (dueIso && dueIso !== new Date(action.dueAt).toISOString()) change.dueAt = dueIso;
            if (await send(url, change)) setEditing(false);
          }}
        >
          <label className="flex flex-col gap-1 text-base font-semibold text-slate-200" htmlFor={`${id}-owner`}>
            Owner
            <input id={`${id}-owner`} className={input} value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={80} required />
          </label>
          <label className="flex flex-col gap-1 text-base font-semibold text-slate-200" htmlFor={`${id}-due`}>
            Due
            <input id={`${id}-due`} type="datetime-local" className={input} value={due} onChange={(e) => setDue(e.target.value)} required />
          </label>
          <label className="flex flex-col gap-1 text-base font-semibold text-slate-200 sm:col-span-2" htmlFor={`${id}-note`}>
            Note (optional)
            <input id={`${id}-note`} className={input} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          </label>
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" disabled={busy}>
              Save
            </Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      <ErrorLine error={error} />
    </li>
  );
}

export function ManagerNoteForm({ caseId }: { caseId: string }) {
  const id = useId();
  const { busy, error, send } = useFollowUpStep();
  const [text, setText] = useState("");
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await send(`/api/manager/cases/${caseId}/notes`, { text })) setText("");
      }}
    >
      <label htmlFor={`${id}-note`} className="text-base font-semibold text-slate-200">
        Add a manager&apos;s note
      </label>
      <textarea
        id={`${id}-note`}
        rows={3}
        className={`${input} py-2`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={2000}
        required
      />
      <ErrorLine error={error} />
      <Button type="submit" variant="secondary" disabled={busy || !text.trim()} className="self-start">
        {busy ? "Saving…" : "Add note"}
      </Button>
    </form>
  );
}

export function CloseOrReopen({
  caseId,
  canClose,
  canReopen,
  closeBlockedBecause,
}: {
  caseId: string;
  canClose: boolean;
  canReopen: boolean;
  closeBlockedBecause: string | null;
}) {
  const id = useId();
  const { busy, error, send } = useFollowUpStep();
  const [reason, setReason] = useState("");
  if (!canClose && !canReopen) {
    return (
      <p className="text-base text-slate-300">
        {closeBlockedBecause ? `Not ready to close: ${closeBlockedBecause}` : "This case cannot be closed yet."}
      </p>
    );
  }
  const reopening = canReopen;
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const url = `/api/manager/cases/${caseId}/${reopening ? "reopen" : "close"}`;
        if (await send(url, { reason: reason.trim() || undefined })) setReason("");
      }}
    >
      <label htmlFor={`${id}-reason`} className="text-base font-semibold text-slate-200">
        {reopening ? "Why reopen it?" : "Closing note (optional)"}
      </label>
      <textarea
        id={`${id}-reason`}
        rows={2}
        className={`${input} py-2`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        required={reopening}
        placeholder={reopening ? "e.g. The customer wrote in: the refund never arrived." : "e.g. Called the customer; all settled."}
      />
      <ErrorLine error={error} />
      <Button
        type="submit"
        variant={reopening ? "secondary" : "primary"}
        disabled={busy || (reopening && reason.trim().length < 3)}
        className="self-start"
      >
        {busy ? "Saving…" : reopening ? "Reopen the case" : "Close the case"}
      </Button>
    </form>
  );
}

export function LinkImprovement({ caseId, options }: { caseId: string; options: { id: string; title: string }[] }) {
  const id = useId();
  const [choice, setChoice] = useState(options[0]?.id ?? "");
  const { send, busy, error } = useMutation();
  if (!options.length) return null;
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        await send("POST", `/api/manager/improvements/${choice}/cases`, { caseIds: [caseId] });
      }}
    >
      <label htmlFor={`${id}-imp`} className="text-base font-semibold text-slate-200">
        Link to an open improvement
      </label>
      <select id={`${id}-imp`} className={input} value={choice} onChange={(e) => setChoice(e.target.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
      <ErrorLine error={error?.message ?? null} />
      <Button type="submit" variant="secondary" disabled={busy || !choice} className="self-start">
        Link
      </Button>
    </form>
  );
}
