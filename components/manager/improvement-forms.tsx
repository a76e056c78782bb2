"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";

const input = "min-h-12 w-full rounded-xl border border-slate-500 bg-slate-900 px-3 text-lg text-slate-50 placeholder:text-slate-400";
const label = "flex flex-col gap-1 text-base font-semibold text-slate-200";

type Option = { id: string; name: string };
type Tag = { slug: string; label: string };

export type ImprovementDraft = {
  title: string;
  due: string;
  locationId: string;
  tag?: string;
  linkFrom?: string;
  linkTo?: string;
  /** How many cases the link range covers, to say so on the checkbox. */
  caseCount?: number;
};

/**
 * Creates an improvement. From a repeat row on insights it comes prefilled (location, root
 * cause, the period's cases to link); on the improvements page it starts empty.
 */
export function ImprovementForm({
  draft,
  locations,
  tags,
  compact = false,
  submitLabel = "Create improvement",
}: {
  draft: ImprovementDraft;
  locations: Option[];
  tags: Tag[];
  compact?: boolean;
  submitLabel?: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(!compact);
  const [title, setTitle] = useState(draft.title);
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState(draft.due);
  const [locationId, setLocationId] = useState(draft.locationId);
  const [tag, setTag] = useState(draft.tag ?? "");
  const [link, setLink] = useState(Boolean(draft.linkFrom));
  const { send, busy, error, done } = useMutation();

  if (!open) {
    return (
      <Button
        variant="secondary"
        className="self-start text-base"
        aria-label={`Track as improvement: ${draft.title}`}
        onClick={() => setOpen(true)}
      >
        Track as improvement
      </Button>
    );
  }

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const result = await send<{ id: string; linkedCases: number }>(
          "POST",
          "/api/manager/improvements",
          {
            title,
            owner,
            due,
            locationId,
            tag: tag || undefined,
            linkFrom: link ? draft.linkFrom : undefined,
            linkTo: link ? draft.linkTo : undefined,
          },
          {
            success: (made) =>
              `Created “${title}”${made.linkedCases ? ` with ${made.linkedCases} linked case${made.linkedCases === 1 ? "" : "s"}` : ""}.`,
          },
        );
        if (result.ok && !compact) {
          setTitle("");
          setOwner("");
        }
      }}
    >
      <div className={`grid grid-cols-1 gap-3 ${compact ? "md:grid-cols-3" : "md:grid-cols-2"}`}>
        <label className={`${label} ${compact ? "md:col-span-3" : "md:col-span-2"}`} htmlFor={`${id}-title`}>
          What will change
          <input
            id={`${id}-title`}
            className={input}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            minLength={3}
            maxLength={200}
          />
        </label>
        <label className={label} htmlFor={`${id}-owner`}>
          Owner
          <input
            id={`${id}-owner`}
            className={input}
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
            required
            maxLength={80}
            placeholder="e.g. Head chef"
          />
        </label>
        <label className={label} htmlFor={`${id}-due`}>
          Due
          <input id={`${id}-due`} type="date" className={input} value={due} onChange={(e) => setDue(e.target.value)} required />
        </label>
        {compact ? null : (
          <>
            <label className={label} htmlFor={`${id}-loc`}>
              Location
              <select id={`${id}-loc`} className={input} value={locationId} onChange={(e) => setLocationId(e.target.value)} required>
                {locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
            <label className={label} htmlFor={`${id}-tag`}>
              Root cause
              <select id={`${id}-tag`} className={input} value={tag} onChange={(e) => setTag(e.target.value)}>
                <option value="">None</option>
                {tags.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {draft.linkFrom ? (
          <label className="flex min-h-12 items-center gap-3 text-base text-slate-100" htmlFor={`${id}-link`}>
            <input
              id={`${id}-link`}
              type="checkbox"
              className="h-6 w-6 accent-sky-400"
              checked={link}
              onChange={(e) => setLink(e.target.checked)}
            />
            Link {draft.caseCount ? `the ${draft.caseCount} cases` : "its cases"} from this period
          </label>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-950 px-3 py-2 text-base text-rose-100">
          {error.message}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded-lg bg-emerald-950 px-3 py-2 text-base text-emerald-100">
          {done}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </Button>
        {compact ? (
          <Button variant="ghost" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export function ImprovementStatusButton({ id, status, title }: { id: string; status: "open" | "done"; title: string }) {
  const { send, busy, error } = useMutation();
  const next = status === "done" ? "open" : "done";
  return (
    <div className="flex flex-col gap-1">
      <Button
        variant={status === "done" ? "ghost" : "primary"}
        className="text-base"
        disabled={busy}
        aria-label={`${status === "done" ? "Reopen" : "Mark done"}: ${title}`}
        onClick={async () => {
          await send("POST", `/api/manager/improvements/${id}/status`, { status: next });
        }}
      >
        {status === "done" ? "Reopen" : "Mark done"}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-rose-200">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
