import type { Metadata } from "next";
import Link from "next/link";
import { SeverityBadge } from "@/components/manager/pills";
import { CreateCollectionForm, RemoveFromCollectionButton } from "@/components/trainer/library-forms";
import { PublishCollectionButton } from "@/components/trainer/practice-forms";
import { ScoreBadge } from "@/components/trainer/score-badge";
import { requirePageActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { pageResult } from "@/lib/page-errors";
import { queryString, searchParamsToObject } from "@/lib/manager/filters";
import { formatShortDate } from "@/lib/display/format";
import { CATEGORY_LABELS, type Category } from "@/lib/playbook";
import { listLibrary, type Library } from "@/lib/training/list-library";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Case library · Complaint Coach" };

const field = "min-h-12 w-full rounded-xl border border-slate-500 bg-slate-900 px-3 text-lg text-slate-50";

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("trainer.replay");
  const values = searchParamsToObject(await searchParams);
  const loaded = await pageResult(listLibrary(await getDb(), actor, values), { show: ["invalid_input"] });
  const library: Library | null = loaded.ok ? loaded.value : null;
  const problem = loaded.ok ? null : loaded.error.message;
  const canCoach = can(actor, "trainer.coach");
  const filtering = Boolean(values.q || values.tag);

  return (
    <>
      <div>
        <h1 className="text-3xl font-bold text-slate-50">Case library</h1>
        <p className="text-lg text-slate-300">
          Collections of real cases to teach from. A new collection is a draft: staff see it on their practice list once you publish it.
        </p>
      </div>
      {canCoach ? <CreateCollectionForm /> : null}
      <form
        method="get"
        action="/trainer/library"
        role="search"
        aria-label="Search the library"
        className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-800/70 p-4"
      >
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex min-w-64 flex-1 flex-col gap-1 text-base font-semibold text-slate-200">
            Search
            <input
              type="search"
              name="q"
              defaultValue={values.q ?? ""}
              maxLength={100}
              placeholder="Words, tags, notes, reference"
              className={field}
            />
          </label>
          {values.tag ? <input type="hidden" name="tag" value={values.tag} /> : null}
          <button type="submit" className="min-h-12 rounded-xl bg-sky-400 px-6 text-lg font-semibold text-slate-950 hover:bg-sky-300">
            Search
          </button>
          {filtering ? (
            <Link
              href="/trainer/library"
              className="inline-flex min-h-12 items-center rounded-xl border border-slate-500 px-4 text-lg font-semibold text-slate-200 hover:bg-slate-700"
            >
              Clear
            </Link>
          ) : null}
        </div>
        {library && library.tags.length ? (
          <ul aria-label="Tags" className="flex flex-wrap gap-2">
            {library.tags.map((t) => {
              const on = values.tag === t.tag;
              return (
                <li key={t.tag}>
                  <Link
                    href={`/trainer/library${queryString({ q: values.q }, { tag: on ? undefined : t.tag })}`}
                    aria-current={on ? "true" : undefined}
                    className={`inline-flex min-h-11 items-center gap-1 rounded-full border-2 px-3 text-base font-semibold ${
                      on ? "border-sky-300 bg-sky-400 text-slate-950" : "border-slate-600 text-slate-100 hover:border-slate-400"
                    }`}
                  >
                    {on ? <span aria-hidden="true">✓</span> : null}#{t.tag} <span className="font-normal">({t.count})</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : null}
      </form>
      {problem ? (
        <p role="alert" className="rounded-xl bg-rose-950 px-4 py-3 text-lg text-rose-100">
          {problem}
        </p>
      ) : null}
      {library && library.collections.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-600 px-5 py-8 text-center text-lg text-slate-300">
          {filtering ? "Nothing in the library matches." : "No collections yet. Create one above, then add cases from their replay."}
        </p>
      ) : null}
      {library?.collections.map((collection) => (
        <section
          key={collection.id}
          aria-labelledby={`col-${collection.id}`}
          className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900 p-4"
          data-testid="collection"
        >
          <header className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`col-${collection.id}`} className="flex flex-wrap items-center gap-2 text-2xl font-bold text-slate-50">
              {collection.name}
              <span
                className={`rounded-full px-2 py-0.5 text-sm font-semibold ${collection.publishedAt ? "bg-emerald-800 text-emerald-50" : "bg-amber-700 text-amber-50"}`}
                data-testid="collection-state"
              >
                {collection.publishedAt ? "Published to staff" : "Draft"}
              </span>
            </h2>
            {canCoach ? (
              <PublishCollectionButton collectionId={collection.id} name={collection.name} published={collection.publishedAt !== null} />
            ) : null}
            <p className="text-base text-slate-300">
              {filtering ? `${collection.items.length} of ${collection.total}` : collection.total} case{collection.total === 1 ? "" : "s"}
            </p>
            {collection.description ? <p className="w-full text-lg text-slate-300">{collection.description}</p> : null}
          </header>
          {collection.items.length === 0 ? <p className="text-base text-slate-400">No cases in it yet.</p> : null}
          <ul className="flex flex-col gap-2">
            {collection.items.map((item) => (
              <li key={item.itemId} className="flex flex-wrap items-start gap-3 rounded-xl bg-slate-800/70 px-4 py-3">
                <div className="flex min-w-0 flex-1 flex-col gap-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/trainer/cases/${item.caseId}`}
                      className="text-lg font-semibold text-sky-300 underline-offset-4 hover:underline"
                    >
                      {item.reference}
                    </Link>
                    <span className="text-base text-slate-300">
                      {item.staffName} · {item.locationName}
                      {item.closedAt ? ` · ${formatShortDate(item.closedAt, item.timeZone)}` : ""}
                    </span>
                    <SeverityBadge severity={item.severity} />
                    <span className="text-sm text-slate-300">
                      {item.category ? (CATEGORY_LABELS[item.category as Category] ?? item.category) : ""}
                    </span>
                  </p>
                  {item.words ? <p className="line-clamp-2 text-base text-slate-100">“{item.words}”</p> : null}
                  {item.note ? <p className="text-base text-amber-100">Note: {item.note}</p> : null}
                  {item.tags.length ? (
                    <p className="flex flex-wrap gap-1.5">
                      {item.tags.map((t) => (
                        <span key={t} className="rounded-full bg-slate-700 px-2 py-0.5 text-sm text-slate-100">
                          #{t}
                        </span>
                      ))}
                    </p>
                  ) : null}
                </div>
                <div className="flex items-center gap-3">
                  <ScoreBadge score={item.score} />
                  {canCoach ? (
                    <RemoveFromCollectionButton
                      collectionId={collection.id}
                      caseId={item.caseId}
                      reference={item.reference}
                      collectionName={collection.name}
                    />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
