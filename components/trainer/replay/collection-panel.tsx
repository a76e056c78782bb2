"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";

const field =
  "min-h-12 w-full rounded-xl border-2 border-slate-500 bg-slate-950 px-3 text-lg text-slate-50 placeholder:text-slate-400 focus:border-sky-300";

/** Puts the case in a library collection, with tags and a note. */
export function CollectionPanel({
  caseId,
  collections,
}: {
  caseId: string;
  collections: { id: string; name: string; contains: boolean }[];
}) {
  const first = collections.find((c) => !c.contains) ?? collections[0];
  const [collectionId, setCollectionId] = useState(first?.id ?? "");
  const [tags, setTags] = useState("");
  const [note, setNote] = useState("");
  const { send, busy, error, done } = useMutation();
  const message = error ? { ok: false, text: error.message } : done ? { ok: true, text: done } : null;
  const ids = { collection: useId(), tags: useId(), note: useId() };
  const inIt = collections.filter((c) => c.contains);

  async function add() {
    const result = await send<{ collectionName: string; tags: string[] }>(
      "POST",
      `/api/trainer/library/${encodeURIComponent(collectionId)}/cases`,
      { caseId, tags, note },
      {
        success: (added) => `In “${added.collectionName}”${added.tags.length ? ` with ${added.tags.join(", ")}` : ""}.`,
      },
    );
    if (result.ok) {
      setTags("");
      setNote("");
    }
  }

  return (
    <section
      aria-labelledby="library-heading"
      className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900 p-4"
      data-testid="collection-panel"
    >
      <h2 id="library-heading" className="text-xl font-bold text-slate-50">
        Library
      </h2>
      {inIt.length ? <p className="text-base text-slate-200">In: {inIt.map((c) => c.name).join(", ")}</p> : null}
      {collections.length === 0 ? (
        <p className="text-base text-slate-300">
          No collections yet.{" "}
          <Link href="/trainer/library" className="font-semibold text-sky-300 underline">
            Create one in the library
          </Link>
          .
        </p>
      ) : (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label htmlFor={ids.collection} className="text-base font-semibold text-slate-200">
            Collection
          </label>
          <select id={ids.collection} value={collectionId} onChange={(e) => setCollectionId(e.target.value)} className={field}>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.contains ? " (already in it)" : ""}
              </option>
            ))}
          </select>
          <label htmlFor={ids.tags} className="text-base font-semibold text-slate-200">
            Tags <span className="font-normal text-slate-400">(separated by commas)</span>
          </label>
          <input id={ids.tags} value={tags} onChange={(e) => setTags(e.target.value)} placeholder="furious, birthday" className={field} />
          <label htmlFor={ids.note} className="text-base font-semibold text-slate-200">
            Note <span className="font-normal text-slate-400">(optional)</span>
          </label>
          <input
            id={ids.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            placeholder="What to look out for"
            className={field}
          />
          <Button type="submit" variant="secondary" disabled={busy || !collectionId} className="self-start">
            {busy ? "Adding…" : "Add to collection"}
          </Button>
          <p aria-live="polite" className={message ? (message.ok ? "text-base text-emerald-300" : "text-base text-rose-300") : ""}>
            {message?.text}
          </p>
        </form>
      )}
    </section>
  );
}
