"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";

const field = "min-h-12 w-full rounded-xl border-2 border-slate-500 bg-slate-950 px-3 text-lg text-slate-50 focus:border-sky-300";

type Source = { id: string; reference: string; label: string };
type Person = { id: string; name: string };
type Team = { id: string; name: string };

/** The local date `days` from now, as yyyy-mm-dd for a date input. */
function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Assigns a drill: one case to practise, for one person or a whole team, by a date. */
export function AssignDrillForm({
  sources,
  people,
  teams,
  initialSource,
}: {
  sources: Source[];
  people: Person[];
  teams: Team[];
  initialSource?: string;
}) {
  const [sourceCaseId, setSource] = useState(initialSource ?? sources[0]?.id ?? "");
  const [who, setWho] = useState(people[0] ? `person:${people[0].id}` : teams[0] ? "team" : "");
  const [due, setDue] = useState(inDays(7));
  const [note, setNote] = useState("");
  const { send, busy, error, done } = useMutation();
  const ids = { source: useId(), who: useId(), due: useId(), note: useId() };

  async function assign() {
    // Due at the end of the chosen day, on this device's clock.
    const dueAt = new Date(`${due}T23:59:00`).toISOString();
    const target = who.startsWith("person:") ? { assigneeId: who.slice("person:".length) } : { team: true };
    const result = await send<{ reference: string; assignee: string }>(
      "POST",
      "/api/trainer/drills",
      { sourceCaseId, dueAt, note, ...target },
      { success: (data) => `Drill on case ${data.reference} set for ${data.assignee}.` },
    );
    if (result.ok) setNote("");
  }

  return (
    <form
      aria-label="Assign a drill"
      data-testid="assign-drill"
      className="grid gap-3 rounded-2xl border border-slate-700 bg-slate-800/70 p-4 md:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        void assign();
      }}
    >
      <div className="flex flex-col gap-1 md:col-span-2">
        <label htmlFor={ids.source} className="text-base font-semibold text-slate-200">
          Case to practise
        </label>
        <select id={ids.source} value={sourceCaseId} onChange={(e) => setSource(e.target.value)} className={field}>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.who} className="text-base font-semibold text-slate-200">
          For
        </label>
        <select id={ids.who} value={who} onChange={(e) => setWho(e.target.value)} className={field}>
          <optgroup label="A person">
            {people.map((p) => (
              <option key={p.id} value={`person:${p.id}`}>
                {p.name}
              </option>
            ))}
          </optgroup>
          {teams.length === 1 ? <option value="team">The whole team at {teams[0].name}</option> : null}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.due} className="text-base font-semibold text-slate-200">
          Due by
        </label>
        <input id={ids.due} type="date" value={due} min={inDays(0)} onChange={(e) => setDue(e.target.value)} className={field} />
      </div>
      <div className="flex flex-col gap-1 md:col-span-2">
        <label htmlFor={ids.note} className="text-base font-semibold text-slate-200">
          Note for them <span className="font-normal text-slate-400">(optional)</span>
        </label>
        <input
          id={ids.note}
          value={note}
          maxLength={300}
          onChange={(e) => setNote(e.target.value)}
          placeholder="Try saying no with two alternatives"
          className={field}
        />
      </div>
      <Button type="submit" disabled={busy || !sourceCaseId || !who} className="self-start">
        {busy ? "Assigning…" : "Assign drill"}
      </Button>
      <p aria-live="polite" className={`md:col-span-2 text-base ${error ? "text-rose-300" : "text-emerald-300"}`}>
        {error ? error.message : done}
      </p>
    </form>
  );
}

/** Publishes a library collection to staff practice lists, or takes it back to a draft. */
export function PublishCollectionButton({ collectionId, name, published }: { collectionId: string; name: string; published: boolean }) {
  const { send, busy, error } = useMutation();
  function toggle() {
    return send("POST", `/api/trainer/library/${encodeURIComponent(collectionId)}/publish`, { published: !published });
  }
  return (
    <span className="flex flex-col items-end gap-1">
      <Button
        variant={published ? "ghost" : "secondary"}
        onClick={() => void toggle()}
        disabled={busy}
        aria-label={`${published ? "Unpublish" : "Publish"} ${name}`}
        className="min-h-11 px-3 text-base"
      >
        {published ? "Back to draft" : "Publish to staff"}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-rose-300">
          {error.message}
        </span>
      ) : null}
    </span>
  );
}
