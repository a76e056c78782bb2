import type { Metadata } from "next";
import Link from "next/link";
import { ParetoChart } from "@/components/manager/charts/pareto-chart";
import { StackedBarChart } from "@/components/manager/charts/stacked-bar-chart";
import { ImprovementForm } from "@/components/manager/improvement-forms";
import { Panel } from "@/components/manager/panel";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { pageResult } from "@/lib/page-errors";
import { listFilterOptions } from "@/lib/manager/filter-options";
import { queryString, searchParamsToObject } from "@/lib/manager/filters";
import { formatCount, formatDate, formatDay, formatDuration, formatPercent } from "@/lib/display/format";
import { getInsights, REPEAT_ORDER, REPEATS_SHOWN as REPEATS_SHOWN_ON_PAGE, type Insights } from "@/lib/manager/insights";
import { addDays, localDate } from "@/lib/manager/time";
import { formatMoney } from "@/lib/playbook";
import { FILTER_FIELD, FILTER_LABEL } from "@/components/ui/filter-select";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Insights · Complaint Coach" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const field = FILTER_FIELD;
const label = FILTER_LABEL;

export default async function InsightsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("manager.desk");
  const db = await getDb();
  const values = searchParamsToObject(await searchParams);
  const options = await listFilterOptions(db, actor);
  const loaded = await pageResult(getInsights(db, actor, values), { show: ["invalid_input", "forbidden"] });
  const insights: Insights | null = loaded.ok ? loaded.value : null;
  const problem = loaded.ok ? null : loaded.error.message;
  const today = insights?.range.today ?? localDate(new Date());
  const quick = [
    { label: "7 days", from: addDays(today, -6) },
    { label: "30 days", from: addDays(today, -29) },
    { label: "90 days", from: addDays(today, -89) },
    { label: "12 months", from: addDays(today, -364) },
  ];

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold text-slate-50">Insights</h1>
        {insights ? (
          <p className="text-lg text-slate-300">
            {formatCalendarDate(insights.range.from)} – {formatCalendarDate(insights.range.to)} · {formatCount(insights.cases)} cases
          </p>
        ) : null}
      </div>

      <form
        method="get"
        action="/manager/insights"
        aria-label="Period"
        className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-800/70 p-4"
      >
        <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
          <label className={label}>
            From
            <input type="date" name="from" defaultValue={insights?.range.from ?? values.from} className={field} />
          </label>
          <label className={label}>
            To
            <input type="date" name="to" defaultValue={insights?.range.to ?? values.to} className={field} />
          </label>
          {options.locations.length > 1 ? (
            <label className={label}>
              Location
              <select name="location" defaultValue={values.location ?? ""} className={field}>
                <option value="">All my locations</option>
                {options.locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className={label}>
            Repeat within (days)
            <input type="number" name="within" min={1} max={90} defaultValue={insights?.within ?? values.within ?? 7} className={field} />
          </label>
          <div className="flex items-end">
            <button
              type="submit"
              className="inline-flex min-h-12 w-full items-center justify-center rounded-xl bg-sky-400 px-6 text-lg font-semibold text-slate-950 hover:bg-sky-300"
            >
              Show
            </button>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-base text-slate-300">Last</span>
          {quick.map((q) => (
            <Link
              key={q.label}
              href={`/manager/insights${queryString({ location: values.location, within: values.within, repeats: values.repeats }, { from: q.from, to: today })}`}
              className="inline-flex min-h-12 items-center rounded-xl border border-slate-500 px-4 text-base font-semibold text-slate-100 hover:bg-slate-700"
            >
              {q.label}
            </Link>
          ))}
        </div>
        {insights ? <VenueClocks venues={insights.venues} /> : null}
      </form>

      {problem ? (
        <p role="alert" className="rounded-xl bg-rose-950 px-4 py-3 text-lg text-rose-100">
          {problem}
        </p>
      ) : null}

      {insights ? <InsightsBody insights={insights} options={options} values={values} /> : null}
    </>
  );
}

/** A calendar date ("YYYY-MM-DD"), the same at every venue: no time zone shift. */
function formatCalendarDate(day: string): string {
  return formatDate(`${day}T12:00:00Z`, "UTC");
}

/** Which clock the days and weeks are counted on, said on the page. */
function VenueClocks({ venues }: { venues: Insights["venues"] }) {
  const zones = [...new Set(venues.map((v) => v.timeZone))];
  if (venues.length === 0) return null;
  return (
    <p className="text-base text-slate-300" data-testid="venue-clocks">
      {zones.length === 1 ? (
        <>
          Days and weeks (Monday to Sunday) are on {venues.length === 1 ? `${venues[0].name}'s` : "the venues'"} clock:{" "}
          <span className="font-semibold text-slate-100">{zones[0]}</span>.
        </>
      ) : (
        <>
          Each venue&apos;s days and weeks (Monday to Sunday) are on its own clock, so every case counts on the day it was opened where it
          happened:{" "}
          {venues.map((v, i) => (
            <span key={v.id}>
              {i > 0 ? "; " : ""}
              {v.name} <span className="font-semibold text-slate-100">{v.timeZone}</span>
            </span>
          ))}
          .
        </>
      )}
    </p>
  );
}

function Tile({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="flex flex-col gap-1 rounded-2xl border border-slate-700 bg-slate-800/70 p-4">
      <dt className="text-base text-slate-300">{label}</dt>
      <dd className="text-3xl font-bold tabular-nums text-slate-50">{value}</dd>
      {note ? <dd className="text-sm text-slate-400">{note}</dd> : null}
    </div>
  );
}

/** Next to the complaints: what was told before it became one, and promises that broke. */
function PreventionPanel({ prevention: p, cases }: { prevention: Insights["prevention"]; cases: number }) {
  return (
    <Panel id="prevention" title="Told before they complained">
      <dl data-testid="prevention-figures" className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Tile label="Heads-ups raised" value={formatCount(p.headsUpsRaised)} note="floor-wide" />
        <Tile label="Tables and rooms told" value={formatCount(p.tablesTold)} note={`next to ${formatCount(cases)} complaints`} />
        <Tile
          label="Still complained"
          value={formatCount(p.stillComplained)}
          note={p.stillComplainedShare === null ? "of those told" : `${formatPercent(p.stillComplainedShare)} of those told`}
        />
        <Tile
          label="Late promises told"
          value={formatCount(p.brokenPromises.told)}
          note={
            p.brokenPromises.toldShare === null
              ? "none broke"
              : `${formatPercent(p.brokenPromises.toldShare)} of ${formatCount(p.brokenPromises.total)} broken`
          }
        />
        <Tile label="Late promises not told" value={formatCount(p.brokenPromises.notTold)} note="the customer had to find out" />
      </dl>
    </Panel>
  );
}

/** The read-back over every round: accepted first time, after changes, or not accepted. */
function ReadbackPanel({ readback }: { readback: Insights["readback"] }) {
  const parts = [
    { key: "first", label: "Accepted first time", count: readback.acceptedFirstTime, colour: "bg-emerald-400" },
    { key: "after", label: "Accepted after changes", count: readback.acceptedAfterChanges, colour: "bg-amber-300" },
    { key: "not", label: "Said “not quite”, never accepted", count: readback.notAccepted, colour: "bg-rose-400" },
  ];
  const share = (n: number) => (readback.asked ? formatPercent(n / readback.asked) : "—");
  return (
    <Panel id="readback" title="Read-back: what customers said to what was agreed">
      {readback.asked === 0 ? (
        <p className="text-lg text-slate-300">No customer was read back an agreement in this period.</p>
      ) : (
        <>
          <div className="flex h-6 w-full overflow-hidden rounded-lg bg-slate-900" aria-hidden="true">
            {parts.map((p) =>
              p.count ? <div key={p.key} className={p.colour} style={{ width: `${(p.count / readback.asked) * 100}%` }} /> : null,
            )}
          </div>
          <dl className="grid grid-cols-1 gap-3 md:grid-cols-3">
            {parts.map((p) => (
              <div key={p.key} className="flex items-start gap-3">
                <span aria-hidden="true" className={`mt-1.5 inline-block h-4 w-4 shrink-0 rounded-sm ${p.colour}`} />
                <div>
                  <dt className="text-base text-slate-300">{p.label}</dt>
                  <dd className="text-2xl font-bold tabular-nums text-slate-50">
                    {formatCount(p.count)} <span className="text-lg font-semibold text-slate-300">({share(p.count)})</span>
                  </dd>
                </div>
              </div>
            ))}
          </dl>
          <p className="text-base text-slate-300">
            Of {formatCount(readback.asked)} cases read back at least once (abandoned ones included), {formatCount(readback.withRefusal)}{" "}
            had at least one “not quite”.
          </p>
        </>
      )}
    </Panel>
  );
}

/**
 * A week's column: on the axis, the first day it counts ("31 Aug", or "2 Sept" when the range
 * starts on a Wednesday); in the table, the days it counts ("31 Aug–6 Sept", "2–6 Sept").
 */
function weekColumn(monday: string, from: string, to: string): { label: string; detail: string } {
  const first = monday < from ? from : monday;
  const sunday = addDays(monday, 6);
  const last = sunday > to ? to : sunday;
  const sameMonth = first.slice(0, 7) === last.slice(0, 7);
  const detail = first === last ? formatDay(first) : `${sameMonth ? Number(first.slice(8)) : formatDay(first)}–${formatDay(last)}`;
  return { label: formatDay(first), detail };
}

function InsightsBody({
  insights,
  options,
  values,
}: {
  insights: Insights;
  options: Awaited<ReturnType<typeof listFilterOptions>>;
  values: Record<string, string>;
}) {
  const weekColumns = insights.weeklyByCategory.weeks.map((w) => weekColumn(w, insights.range.from, insights.range.to));
  const weeks = weekColumns.map((w) => w.label);
  const weekDetails = weekColumns.map((w) => w.detail);
  const due = addDays(insights.range.today, 14);
  const { repeats } = insights;
  const repeatsLink = (all: boolean) =>
    `/manager/insights${queryString({ ...values, from: insights.range.from, to: insights.range.to }, { repeats: all ? "all" : undefined })}#repeats`;
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Tile label="Cases" value={formatCount(insights.cases)} note={`${insights.range.days} days`} />
        <Tile
          label="Median to first apology"
          value={formatDuration(insights.firstApology.medianSeconds)}
          note={`${formatCount(insights.firstApology.cases)} cases`}
        />
        <Tile
          label="Median to resolution"
          value={formatDuration(insights.resolution.medianSeconds)}
          note={`to an accepted read-back · ${formatCount(insights.resolution.cases)} cases`}
        />
        <Tile
          label="Read-back accepted first time"
          value={formatPercent(insights.readback.firstTimeShare)}
          note={`of ${formatCount(insights.readback.asked)} read back · ${formatCount(insights.readback.withRefusal)} heard “not quite”`}
        />
        <Tile
          label="Remedies given"
          value={formatMoney(insights.remedy.totalCents)}
          note={`${formatCount(insights.remedy.compensatedCases)} cases`}
        />
        <Tile
          label="Remedy per case"
          value={insights.remedy.perCaseCents === null ? "—" : formatMoney(insights.remedy.perCaseCents)}
          note={
            insights.remedy.perCompensatedCaseCents === null
              ? undefined
              : `${formatMoney(insights.remedy.perCompensatedCaseCents)} when given`
          }
        />
      </dl>

      <PreventionPanel prevention={insights.prevention} cases={insights.cases} />

      <ReadbackPanel readback={insights.readback} />

      <ParetoChart id="pareto" title="Root causes, most common first" data={insights.pareto} />

      <StackedBarChart
        id="weekly-category"
        title="Cases per week by category"
        columns={weeks}
        columnDetails={weekDetails}
        columnHeading="Week (Monday to Sunday)"
        series={insights.weeklyByCategory.series}
      />
      {insights.weeklyByLocation.series.length > 1 ? (
        <StackedBarChart
          id="weekly-location"
          title="Cases per week by location"
          columns={weeks}
          columnDetails={weekDetails}
          columnHeading="Week (Monday to Sunday)"
          series={insights.weeklyByLocation.series}
        />
      ) : null}

      <Panel
        id="repeats"
        title={`Coming back: the same root cause at the same place within ${insights.within} day${insights.within === 1 ? "" : "s"}`}
      >
        {repeats.total === 0 ? (
          <p className="text-lg text-slate-300">No root cause came back within {insights.within} days in this period.</p>
        ) : (
          <>
            <p className="text-base text-slate-300" data-testid="repeats-count">
              {repeats.showingAll ? (
                <>
                  {repeats.total === 1
                    ? "1 root cause came back."
                    : `${formatCount(repeats.total)} root causes came back, listed ${REPEAT_ORDER}.`}
                  {repeats.total > REPEATS_SHOWN_ON_PAGE && values.repeats === "all" ? (
                    <>
                      {" "}
                      <Link href={repeatsLink(false)} className="font-semibold text-sky-300 underline underline-offset-4">
                        Show the first {REPEATS_SHOWN_ON_PAGE}
                      </Link>
                    </>
                  ) : null}
                </>
              ) : (
                <>
                  <span className="font-semibold text-slate-100">
                    {formatCount(repeats.rows.length)} of {formatCount(repeats.total)}
                  </span>{" "}
                  —{" "}
                  <Link href={repeatsLink(true)} className="font-semibold text-sky-300 underline underline-offset-4">
                    show all
                  </Link>
                  . Listed {REPEAT_ORDER}.
                </>
              )}
            </p>
            <ul className="flex flex-col gap-3">
              {repeats.rows.map((r) => (
                <li
                  key={`${r.locationId}-${r.tagId}`}
                  className="flex flex-col gap-3 rounded-xl border border-slate-700 bg-slate-900/60 p-4"
                >
                  <div className="flex flex-wrap items-center gap-3">
                    <p className="text-lg font-semibold text-slate-50">
                      {r.label} <span className="font-normal text-slate-300">at {r.locationName}</span>
                    </p>
                    <p className="text-base text-slate-200">
                      <span className="rounded-md bg-amber-300 px-2 py-0.5 font-bold text-slate-950">
                        {r.repeats} repeat{r.repeats === 1 ? "" : "s"}
                      </span>{" "}
                      in {r.cases} cases · last {formatDate(r.lastAt, r.timeZone)}
                    </p>
                    <Link
                      href={`/manager/cases${queryString({ tag: r.slug, location: options.locations.length > 1 ? r.locationId : undefined, from: insights.range.from, to: insights.range.to })}`}
                      className="ml-auto inline-flex min-h-12 items-center text-base font-semibold text-sky-300 underline underline-offset-4"
                    >
                      See the cases
                    </Link>
                  </div>
                  {r.improvement ? (
                    <p className="text-base text-emerald-200">
                      Tracked:{" "}
                      <Link href="/manager/improvements" className="font-semibold underline underline-offset-4">
                        {r.improvement.title}
                      </Link>
                    </p>
                  ) : (
                    <ImprovementForm
                      compact
                      locations={options.locations}
                      tags={options.tags}
                      draft={{
                        title: `Stop ${r.label.toLowerCase()} complaints coming back at ${r.locationName}`,
                        due,
                        locationId: r.locationId,
                        tag: r.slug,
                        linkFrom: values.from ?? insights.range.from,
                        linkTo: values.to ?? insights.range.to,
                        caseCount: r.cases,
                      }}
                    />
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>
    </>
  );
}
