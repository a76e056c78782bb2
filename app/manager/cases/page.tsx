import type { Metadata } from "next";
import Link from "next/link";
import { CaseColumn, CaseLinkCell, CaseRow, CaseTable } from "@/components/ui/case-table";
import { SeverityBadge, StagePill } from "@/components/manager/pills";
import { QueueFilters } from "@/components/manager/queue-filters";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { pageResult } from "@/lib/page-errors";
import { listFilterOptions } from "@/lib/manager/filter-options";
import type { QueueSort } from "@/lib/display/queue-options";
import { queryString, searchParamsToObject } from "@/lib/manager/filters";
import { formatClock, formatCount, formatShortDate } from "@/lib/display/format";
import { listCaseQueue, type QueuePage } from "@/lib/manager/list-queue";
import { CATEGORY_LABELS, type Category } from "@/lib/playbook";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cases · Complaint Coach" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CaseQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("manager.desk");
  const db = await getDb();
  const values = searchParamsToObject(await searchParams);
  const options = await listFilterOptions(db, actor);
  const loaded = await pageResult(listCaseQueue(db, actor, values), { show: ["invalid_input", "forbidden"] });
  const page: QueuePage | null = loaded.ok ? loaded.value : null;
  const problem = loaded.ok ? null : loaded.error.message;
  const { page: _page, ...filters } = values;
  void _page;
  const multiLocation = options.locations.length > 1;

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold text-slate-50">Cases</h1>
        {page ? (
          <p className="text-lg text-slate-300" aria-live="polite">
            {formatCount(page.total)}
            {page.totalCapped ? "+" : ""} case{page.total === 1 ? "" : "s"}
            {page.total > page.query.size ? ` · page ${page.page} of ${formatCount(page.pageCount)}${page.totalCapped ? "+" : ""}` : ""}
          </p>
        ) : null}
      </div>
      <QueueFilters values={values} options={options} csvHref={`/api/manager/cases.csv${queryString(filters)}`} />
      {problem ? (
        <p role="alert" className="rounded-xl bg-rose-950 px-4 py-3 text-lg text-rose-100">
          {problem}{" "}
          <Link href="/manager/cases" className="font-semibold underline">
            Clear the filters
          </Link>
        </p>
      ) : null}
      {page && page.rows.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-600 px-5 py-8 text-center text-lg text-slate-300">
          No case matches these filters.
        </p>
      ) : null}
      {page && page.rows.length ? (
        <CaseTable
          caption={`Cases matching the filters, sorted by ${page.query.sort}`}
          head={
            <>
              <CaseColumn>Case</CaseColumn>
              <SortHeader label="Opened" sort="opened" current={page.query.sort} dir={page.query.dir} filters={filters} />
              <CaseColumn>{multiLocation ? "Where · who" : "Staff"}</CaseColumn>
              <SortHeader label="Severity" sort="severity" current={page.query.sort} dir={page.query.dir} filters={filters} />
              <CaseColumn wide>Complaint</CaseColumn>
              <SortHeader label="Stage · last step" sort="activity" current={page.query.sort} dir={page.query.dir} filters={filters} />
            </>
          }
        >
          {page.rows.map((row) => (
            <CaseRow key={row.id}>
              <CaseLinkCell href={`/manager/cases/${row.id}`} reference={row.reference} spot={row.spot} />
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-200">
                {formatShortDate(row.openedAt, row.timeZone)}
                <span className="block text-sm text-slate-400">{formatClock(row.openedAt, row.timeZone)}</span>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-200">
                {multiLocation ? <span className="block text-sm text-slate-400">{row.locationName}</span> : null}
                {row.staffName}
              </td>
              <td className="px-3 py-2">
                <SeverityBadge severity={row.severity} />
              </td>
              <td className="min-w-56 px-3 py-2 text-slate-100">
                <span className="block text-sm font-semibold text-slate-300">
                  {row.category ? (CATEGORY_LABELS[row.category as Category] ?? row.category) : "Not yet known"}
                </span>
                <span className="line-clamp-2">{row.customerWords ? `“${row.customerWords}”` : "—"}</span>
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                <StagePill stage={row.stage} status={row.status} compact />
                <span className="mt-1 block text-sm tabular-nums text-slate-400">
                  {formatShortDate(row.lastEventAt, row.timeZone)} {formatClock(row.lastEventAt, row.timeZone)}
                </span>
                {row.overdueActions ? (
                  <span className="mt-1 inline-block rounded-md bg-rose-950 px-2 py-0.5 text-sm font-semibold text-rose-100">
                    {row.overdueActions} action{row.overdueActions === 1 ? "" : "s"} overdue
                  </span>
                ) : row.openActions ? (
                  <span className="mt-1 block text-sm text-slate-200">
                    {row.openActions} open action{row.openActions === 1 ? "" : "s"}
                  </span>
                ) : null}
              </td>
            </CaseRow>
          ))}
        </CaseTable>
      ) : null}
      {page && (page.page > 1 || page.hasNext) ? (
        <Pager page={page.page} pageCount={page.pageCount} capped={page.totalCapped} hasNext={page.hasNext} filters={filters} />
      ) : null}
    </>
  );
}

function SortHeader({
  label,
  sort,
  current,
  dir,
  filters,
}: {
  label: string;
  sort: QueueSort;
  current: QueueSort;
  dir: "asc" | "desc";
  filters: Record<string, string>;
}) {
  const active = sort === current;
  const nextDir = active && dir === "desc" ? "asc" : "desc";
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"} className="px-3 py-1">
      <Link
        href={`/manager/cases${queryString(filters, { sort, dir: nextDir })}`}
        className="flex min-h-12 items-center gap-1 whitespace-nowrap hover:text-sky-200"
      >
        {label}
        <span aria-hidden="true" className={active ? "text-sky-300" : "text-slate-500"}>
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

function Pager({
  page,
  pageCount,
  capped,
  hasNext,
  filters,
}: {
  page: number;
  pageCount: number;
  capped: boolean;
  hasNext: boolean;
  filters: Record<string, string>;
}) {
  const link = "inline-flex min-h-12 min-w-12 items-center justify-center rounded-xl border border-slate-500 px-4 text-lg font-semibold";
  return (
    <nav aria-label="Pages" className="flex items-center justify-center gap-3">
      {page > 1 ? (
        <>
          <Link
            className={`${link} text-slate-100 hover:bg-slate-700`}
            href={`/manager/cases${queryString(filters, { page: undefined })}`}
            aria-label="First page"
          >
            «
          </Link>
          <Link
            className={`${link} text-slate-100 hover:bg-slate-700`}
            href={`/manager/cases${queryString(filters, { page: page - 1 })}`}
            rel="prev"
          >
            Previous
          </Link>
        </>
      ) : null}
      <span className="px-2 text-lg text-slate-300">
        Page {page} of {formatCount(Math.max(page, pageCount))}
        {capped ? "+" : ""}
      </span>
      {hasNext ? (
        <Link
          className={`${link} text-slate-100 hover:bg-slate-700`}
          href={`/manager/cases${queryString(filters, { page: page + 1 })}`}
          rel="next"
        >
          Next
        </Link>
      ) : null}
    </nav>
  );
}
