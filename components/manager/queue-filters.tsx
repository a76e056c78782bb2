import Link from "next/link";
import { QUEUE_SORT_LABELS, QUEUE_SORTS, QUEUE_STATE_LABELS, QUEUE_STATES } from "@/lib/display/queue-options";
import type { FilterOptions } from "@/lib/manager/filter-options";
import { CATEGORIES, CATEGORY_LABELS, SEVERITIES, SEVERITY_LABELS } from "@/lib/playbook/vocabulary";
import { FILTER_FIELD, FILTER_LABEL, FilterSelect } from "@/components/ui/filter-select";

const field = FILTER_FIELD;
const label = FILTER_LABEL;

/**
 * A plain GET form: the filters live in the URL, so a filtered queue is a link to share, and
 * it works before (and without) JavaScript.
 */
export function QueueFilters({ values, options, csvHref }: { values: Record<string, string>; options: FilterOptions; csvHref: string }) {
  const v = (key: string) => values[key] ?? "";
  return (
    <form
      method="get"
      action="/manager/cases"
      role="search"
      aria-label="Filter cases"
      className="flex flex-col gap-4 rounded-2xl border border-slate-700 bg-slate-800/70 p-4"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <label className={`${label} col-span-2`}>
          Search what the customer said
          <input type="search" name="q" defaultValue={v("q")} maxLength={100} placeholder="e.g. cold, wine, lift" className={field} />
        </label>
        <label className={label}>
          From
          <input type="date" name="from" defaultValue={v("from")} className={field} />
        </label>
        <label className={label}>
          To
          <input type="date" name="to" defaultValue={v("to")} className={field} />
        </label>
        {options.locations.length > 1 ? (
          <FilterSelect
            label="Location"
            name="location"
            value={v("location")}
            anyLabel="All my locations"
            options={options.locations.map((l) => ({ value: l.id, label: l.name }))}
          />
        ) : null}
        <FilterSelect
          label="Stage or status"
          name="state"
          value={v("state")}
          anyLabel="Any"
          options={QUEUE_STATES.map((s) => ({ value: s, label: QUEUE_STATE_LABELS[s] }))}
        />
        <FilterSelect
          label="Severity"
          name="severity"
          value={v("severity")}
          anyLabel="Any"
          options={SEVERITIES.map((s) => ({
            value: String(s),
            label: (
              <>
                {s} · {SEVERITY_LABELS[s]}
              </>
            ),
          }))}
        />
        <FilterSelect
          label="Category"
          name="category"
          value={v("category")}
          anyLabel="Any"
          options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        />
        <FilterSelect
          label="Root cause"
          name="tag"
          value={v("tag")}
          anyLabel="Any"
          options={options.tags.map((t) => ({ value: t.slug, label: t.label }))}
        />
        <FilterSelect
          label="Staff member"
          name="staff"
          value={v("staff")}
          anyLabel="Anyone"
          options={options.staff.map((s) => ({ value: s.id, label: s.name }))}
        />
        <label className={label}>
          Agreed actions
          <select name="actions" defaultValue={v("actions")} className={field}>
            <option value="">Any</option>
            <option value="open">Has open actions</option>
            <option value="overdue">Has overdue actions</option>
          </select>
        </label>
        <label className={label}>
          Sort by
          <select name="sort" defaultValue={v("sort") || "opened"} className={field}>
            {QUEUE_SORTS.map((s) => (
              <option key={s} value={s}>
                {QUEUE_SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Order
          <select name="dir" defaultValue={v("dir") || "desc"} className={field}>
            <option value="desc">Descending</option>
            <option value="asc">Ascending</option>
          </select>
        </label>
      </div>
      {values.size ? <input type="hidden" name="size" value={values.size} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="inline-flex min-h-12 items-center rounded-xl bg-sky-400 px-6 text-lg font-semibold text-slate-950 hover:bg-sky-300"
        >
          Apply filters
        </button>
        <Link
          href="/manager/cases"
          className="inline-flex min-h-12 items-center rounded-xl border border-slate-500 px-5 text-lg font-semibold text-slate-100 hover:bg-slate-700"
        >
          Clear
        </Link>
        <a
          href={csvHref}
          download
          className="ml-auto inline-flex min-h-12 items-center gap-2 rounded-xl border border-slate-500 px-5 text-lg font-semibold text-slate-100 hover:bg-slate-700"
        >
          <span aria-hidden="true">⤓</span> Export CSV
        </a>
      </div>
    </form>
  );
}
