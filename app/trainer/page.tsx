import type { Metadata } from "next";
import Link from "next/link";
import { CaseColumn, CaseLinkCell, CaseRow, CaseTable } from "@/components/ui/case-table";
import { SeverityBadge, StagePill } from "@/components/manager/pills";
import { ScoreBadge } from "@/components/trainer/score-badge";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { pageResult } from "@/lib/page-errors";
import { queryString, searchParamsToObject } from "@/lib/manager/filters";
import { formatClock, formatCount, formatShortDate } from "@/lib/display/format";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "@/lib/playbook";
import { RUBRIC_ITEMS, RUBRIC_LABELS } from "@/lib/playbook/rubric";
import { listReplayCases, type ReplayList } from "@/lib/training/list-replay-cases";
import { listHeadsUpReplays } from "@/lib/heads-ups/get-heads-up-replay";
import { FILTER_FIELD, FILTER_LABEL, FilterSelect } from "@/components/ui/filter-select";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Case replay · Complaint Coach" };

const field = FILTER_FIELD;
const label = FILTER_LABEL;

export default async function TrainerCasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("trainer.replay");
  const values = searchParamsToObject(await searchParams);
  const loaded = await pageResult(listReplayCases(await getDb(), actor, values), { show: ["invalid_input", "forbidden"] });
  const list: ReplayList | null = loaded.ok ? loaded.value : null;
  const problem = loaded.ok ? null : loaded.error.message;
  const headsUps = await listHeadsUpReplays(await getDb(), actor, 8);
  const { page: _page, ...filters } = values;
  void _page;
  const v = (key: string) => values[key] ?? "";

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold text-slate-50">Case replay</h1>
          <p className="text-lg text-slate-300">Ended cases, step by step. Customer contact details are removed.</p>
        </div>
        {list ? (
          <p className="text-lg text-slate-300" aria-live="polite">
            {formatCount(list.total)} case{list.total === 1 ? "" : "s"}
          </p>
        ) : null}
      </div>
      <form
        method="get"
        action="/trainer"
        role="search"
        aria-label="Find a case"
        className="grid grid-cols-2 gap-3 rounded-2xl border border-slate-700 bg-slate-800/70 p-4 md:grid-cols-5"
      >
        <label className={`${label} col-span-2`}>
          Search
          <input
            type="search"
            name="q"
            defaultValue={v("q")}
            maxLength={100}
            placeholder="Reference, what was said, table, person"
            className={field}
          />
        </label>
        <FilterSelect
          label="Missed"
          name="missed"
          value={v("missed")}
          anyLabel="Any item"
          options={RUBRIC_ITEMS.map((id) => ({ value: id, label: RUBRIC_LABELS[id] }))}
        />
        <label className={label}>
          Score from
          <input
            type="number"
            name="minScore"
            min={0}
            max={100}
            inputMode="numeric"
            defaultValue={v("minScore")}
            placeholder="0"
            className={field}
          />
        </label>
        <label className={label}>
          Score to
          <input
            type="number"
            name="maxScore"
            min={0}
            max={100}
            inputMode="numeric"
            defaultValue={v("maxScore")}
            placeholder="100"
            className={field}
          />
        </label>
        <label className={label}>
          Order
          <select name="sort" defaultValue={v("sort")} className={field}>
            <option value="">Newest first</option>
            <option value="score_low">Lowest score first</option>
            <option value="score_high">Highest score first</option>
          </select>
        </label>
        <FilterSelect
          label="Person"
          name="staff"
          value={v("staff")}
          anyLabel="Anyone"
          options={(list?.options.staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          label="Category"
          name="category"
          value={v("category")}
          anyLabel="Any"
          options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        />
        <label className={label}>
          Ended
          <select name="status" defaultValue={v("status")} className={field}>
            <option value="">Closed or abandoned</option>
            <option value="closed">Closed</option>
            <option value="abandoned">Abandoned</option>
          </select>
        </label>
        {list && list.options.locations.length > 1 ? (
          <label className={`${label} col-span-2`}>
            Location
            <select name="location" defaultValue={v("location")} className={field}>
              <option value="">All my locations</option>
              {list.options.locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="col-span-2 flex items-end gap-3 md:col-span-3 md:justify-end">
          <Link
            href="/trainer"
            className="inline-flex min-h-12 items-center rounded-xl border border-slate-500 px-4 text-lg font-semibold text-slate-200 hover:bg-slate-700"
          >
            Clear
          </Link>
          <button type="submit" className="min-h-12 rounded-xl bg-sky-400 px-6 text-lg font-semibold text-slate-950 hover:bg-sky-300">
            Find cases
          </button>
        </div>
      </form>
      {problem ? (
        <p role="alert" className="rounded-xl bg-rose-950 px-4 py-3 text-lg text-rose-100">
          {problem}{" "}
          <Link href="/trainer" className="font-semibold underline">
            Clear the filters
          </Link>
        </p>
      ) : null}
      {list && list.rows.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-600 px-5 py-8 text-center text-lg text-slate-300">
          No ended case matches.
        </p>
      ) : null}
      {list && list.rows.length ? (
        <CaseTable
          caption={`Ended cases, ${list.query.sort === "newest" ? "newest first" : list.query.sort === "score_low" ? "lowest score first" : "highest score first"}, with their rubric scores`}
          testId="replay-cases"
          head={
            <>
              <CaseColumn>Case</CaseColumn>
              <CaseColumn>Ended</CaseColumn>
              <CaseColumn>Handled by</CaseColumn>
              <CaseColumn wide>Complaint</CaseColumn>
              <CaseColumn>Score</CaseColumn>
            </>
          }
        >
          {list.rows.map((row) => (
            <CaseRow key={row.id}>
              <CaseLinkCell href={`/trainer/cases/${row.id}`} reference={row.reference} spot={row.spot} />
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-200">
                {row.closedAt ? formatShortDate(row.closedAt, row.timeZone) : "—"}
                <span className="block text-sm text-slate-400">{row.closedAt ? formatClock(row.closedAt, row.timeZone) : ""}</span>
                <span className="mt-1 block">
                  <StagePill stage={row.status} status={row.status} compact />
                </span>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-200">
                {row.staffName}
                <span className="block text-sm text-slate-400">{row.locationName}</span>
              </td>
              <td className="min-w-56 px-3 py-2 text-slate-100">
                <span className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-300">
                  {row.category ? (CATEGORY_LABELS[row.category as Category] ?? row.category) : "Not recorded"}
                  <SeverityBadge severity={row.severity} />
                </span>
                <span className="line-clamp-2">{row.words ? `“${row.words}”` : "—"}</span>
                {row.staffSaid ? (
                  <span className="mt-1 block text-sm text-amber-100" data-testid="staff-said">
                    Staff said: “{row.staffSaid}”
                  </span>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                <ScoreBadge score={row.score} />
                {row.missed.length ? (
                  <span className="mt-1 block max-w-48 whitespace-normal text-sm text-rose-200">
                    Missed: {row.missed.map((id) => RUBRIC_LABELS[id].toLowerCase()).join("; ")}
                  </span>
                ) : null}
                {row.comments ? (
                  <span className="mt-1 block text-sm text-slate-300">
                    {row.comments} comment{row.comments === 1 ? "" : "s"}
                  </span>
                ) : null}
              </td>
            </CaseRow>
          ))}
        </CaseTable>
      ) : null}
      {list && list.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-center gap-3">
          {list.page > 1 ? (
            <Link
              className="inline-flex min-h-12 items-center rounded-xl border border-slate-500 px-4 text-lg font-semibold text-slate-100 hover:bg-slate-700"
              href={`/trainer${queryString(filters, { page: list.page - 1 })}`}
              rel="prev"
            >
              Previous
            </Link>
          ) : null}
          <span className="px-2 text-lg text-slate-300">
            Page {list.page} of {formatCount(list.pageCount)}
          </span>
          {list.page < list.pageCount ? (
            <Link
              className="inline-flex min-h-12 items-center rounded-xl border border-slate-500 px-4 text-lg font-semibold text-slate-100 hover:bg-slate-700"
              href={`/trainer${queryString(filters, { page: list.page + 1 })}`}
              rel="next"
            >
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
      <section aria-labelledby="heads-ups" className="flex flex-col gap-2">
        <h2 id="heads-ups" className="text-2xl font-semibold text-slate-50">
          Heads-ups
        </h2>
        <p className="text-slate-300">
          Customers told before they had to ask: scored on telling early, a true reason, options and their choice.
        </p>
        {headsUps.length === 0 ? <p className="text-slate-400">No ended heads-ups yet.</p> : null}
        <ul className="flex flex-col gap-2">
          {headsUps.map((h) => (
            <li key={h.id}>
              <Link
                href={`/trainer/heads-up-cases/${h.id}`}
                className="flex min-h-12 items-center justify-between gap-3 rounded-xl border border-slate-700 bg-slate-800 px-4 py-2 hover:border-sky-400"
              >
                <span className="text-lg">
                  {h.reference} · {h.staffName} · {h.locationName} · {h.status}
                </span>
                <span className="text-lg font-semibold">{h.score === null ? "—" : `${h.score}%`}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
