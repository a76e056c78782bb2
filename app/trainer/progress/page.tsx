import type { Metadata } from "next";
import Link from "next/link";
import { ScoreBadge } from "@/components/trainer/score-badge";
import { ScoreLineChart } from "@/components/trainer/score-line-chart";
import { CaseColumn, CaseTable } from "@/components/ui/case-table";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { pageResult } from "@/lib/page-errors";
import { queryString, searchParamsToObject } from "@/lib/manager/filters";
import { formatDay } from "@/lib/display/format";
import { RUBRIC_LABELS } from "@/lib/playbook/rubric";
import { getProgress, type Progress } from "@/lib/training/get-progress";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Progress · Complaint Coach" };

const WEEK_CHOICES = [8, 12, 26, 52] as const;

function Trend({ value }: { value: number | null }) {
  if (value === null) return <span className="text-slate-400">—</span>;
  if (value === 0) return <span className="text-slate-200">level</span>;
  return (
    <span className={value > 0 ? "text-emerald-300" : "text-rose-300"}>
      <span aria-hidden="true">{value > 0 ? "▲" : "▼"} </span>
      {value > 0 ? "up" : "down"} {Math.abs(value)}
    </span>
  );
}

export default async function ProgressPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("trainer.progress");
  const values = searchParamsToObject(await searchParams);
  const loaded = await pageResult(getProgress(await getDb(), actor, values), { show: ["invalid_input", "forbidden"] });
  const progress: Progress | null = loaded.ok ? loaded.value : null;
  const problem = loaded.ok ? null : loaded.error.message;
  const weeks = progress?.weeks.map(formatDay) ?? [];

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold text-slate-50">Progress</h1>
          <p className="text-lg text-slate-300">
            Each person&apos;s rubric score on real cases, averaged per week. Practice runs are shown beside them, marked apart, and never
            mixed in.
          </p>
        </div>
        <nav aria-label="Weeks shown" className="flex flex-wrap gap-2">
          {WEEK_CHOICES.map((w) => {
            const on = (progress?.query.weeks ?? 12) === w;
            return (
              <Link
                key={w}
                href={`/trainer/progress${queryString({ location: values.location }, { weeks: w })}`}
                aria-current={on ? "true" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border-2 px-3 text-base font-semibold ${on ? "border-sky-300 bg-sky-400 text-slate-950" : "border-slate-600 text-slate-100"}`}
              >
                {w} weeks
              </Link>
            );
          })}
        </nav>
      </div>
      {progress && progress.locations.length > 1 ? (
        <nav aria-label="Location" className="flex flex-wrap gap-2">
          {[{ id: "", name: "All my locations" }, ...progress.locations].map((l) => {
            const on = (values.location ?? "") === l.id;
            return (
              <Link
                key={l.id || "all"}
                href={`/trainer/progress${queryString({ weeks: values.weeks }, { location: l.id || undefined })}`}
                aria-current={on ? "true" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border-2 px-3 text-base font-semibold ${on ? "border-sky-300 bg-sky-400 text-slate-950" : "border-slate-600 text-slate-100"}`}
              >
                {l.name}
              </Link>
            );
          })}
        </nav>
      ) : null}
      {problem ? (
        <p role="alert" className="rounded-xl bg-rose-950 px-4 py-3 text-lg text-rose-100">
          {problem}
        </p>
      ) : null}
      {progress && progress.people.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-600 px-5 py-8 text-center text-lg text-slate-300">
          No scored cases in these weeks.
        </p>
      ) : null}
      {progress && progress.people.length ? (
        <>
          <CaseTable
            testId="progress-table"
            caption={`Scores per person over the last ${progress.query.weeks} weeks`}
            head={
              <>
                <CaseColumn>Person</CaseColumn>
                <CaseColumn align="right">Cases</CaseColumn>
                <CaseColumn>Average</CaseColumn>
                <CaseColumn>Trend</CaseColumn>
                <th scope="col" className="px-3 py-2 text-violet-200">
                  Practice (apart)
                </th>
                <CaseColumn>Coach next</CaseColumn>
              </>
            }
          >
            {progress.people.map((p) => (
              <tr key={p.id} className="border-t border-slate-700 odd:bg-slate-900 even:bg-slate-800/40">
                <th scope="row" className="px-3 py-2 font-semibold text-slate-50">
                  <Link href={`#person-${p.id}`} className="underline-offset-4 hover:underline">
                    {p.name}
                  </Link>
                </th>
                <td className="px-3 py-2 text-right tabular-nums text-slate-100">{p.cases}</td>
                <td className="px-3 py-2">
                  <ScoreBadge score={p.average} />
                </td>
                <td className="px-3 py-2">
                  <Trend value={p.trend} />
                </td>
                <td className="px-3 py-2 text-violet-100" data-testid="practice-cell">
                  {p.practice.runs ? (
                    <span className="flex items-center gap-2">
                      <ScoreBadge score={p.practice.average} />
                      <span className="text-sm">
                        {p.practice.runs} run{p.practice.runs === 1 ? "" : "s"}
                      </span>
                    </span>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
                <td className="px-3 py-2 text-slate-100">
                  {p.focus ? (
                    <>
                      {RUBRIC_LABELS[p.focus]}
                      <span className="block text-sm text-slate-400">
                        missed {p.items[p.focus].missed} of {p.items[p.focus].met + p.items[p.focus].missed}
                      </span>
                    </>
                  ) : (
                    "Nothing missed"
                  )}
                </td>
              </tr>
            ))}
          </CaseTable>
          <div className="grid gap-4 md:grid-cols-2">
            {progress.people.map((p) => (
              <div key={p.id} id={`person-${p.id}`} className="scroll-mt-4">
                <ScoreLineChart id={`chart-${p.id}`} title={p.name} weeks={weeks} values={p.weekly} counts={p.counts} />
              </div>
            ))}
          </div>
        </>
      ) : null}
    </>
  );
}
