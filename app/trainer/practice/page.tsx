import type { Metadata } from "next";
import Link from "next/link";
import { AssignDrillForm } from "@/components/trainer/practice-forms";
import { ScoreBadge } from "@/components/trainer/score-badge";
import { CaseColumn, CaseTable } from "@/components/ui/case-table";
import { requirePageActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { queryString, searchParamsToObject } from "@/lib/manager/filters";
import { formatShortDate, STATUS_LABELS } from "@/lib/display/format";
import { CATEGORY_LABELS, STAGE_LABELS, type Category, type Stage } from "@/lib/playbook";
import { getPracticeDesk, type PracticeDesk } from "@/lib/training/get-practice-desk";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Practice desk · Complaint Coach" };

const categoryLabel = (c: string | null) => (c ? (CATEGORY_LABELS[c as Category] ?? c) : "Complaint");

export default async function PracticeDeskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("trainer.replay");
  const values = searchParamsToObject(await searchParams);
  let desk: PracticeDesk | null = null;
  let problem: string | null = null;
  try {
    desk = await getPracticeDesk(await getDb(), actor, values);
  } catch (error) {
    if (!isAppError(error) || (error.code !== "invalid_input" && error.code !== "forbidden")) throw error;
    problem = error.message;
  }
  const canCoach = can(actor, "trainer.coach");
  const trainees = desk ? [...new Map(desk.runs.map((r) => [r.traineeId, r.traineeName])).entries()] : [];

  return (
    <>
      <div>
        <h1 className="text-3xl font-bold text-slate-50">Practice desk</h1>
        <p className="text-lg text-slate-300">
          Each trainee&apos;s practice runs against the simulated customer, and the drills you have set. Practice is marked apart from real
          cases.
        </p>
      </div>
      {problem ? (
        <p role="alert" className="rounded-xl bg-rose-950 px-4 py-3 text-lg text-rose-100">
          {problem}
        </p>
      ) : null}
      {desk ? (
        <>
          {canCoach && desk.sources.length ? (
            <AssignDrillForm
              initialSource={values.source}
              sources={desk.sources.map((s) => ({
                id: s.id,
                reference: s.reference,
                label: `${s.reference} · ${categoryLabel(s.category)} · ${s.locationName}${s.words ? ` · “${s.words.slice(0, 60)}${s.words.length > 60 ? "…" : ""}”` : ""}`,
              }))}
              people={desk.people}
              teams={desk.locations}
            />
          ) : null}
          <section aria-labelledby="drills" className="flex flex-col gap-2" data-testid="drills">
            <h2 id="drills" className="text-2xl font-semibold">
              Drills
            </h2>
            {desk.drills.length === 0 ? <p className="text-lg text-slate-300">No drills set yet.</p> : null}
            <ul className="flex flex-col gap-2">
              {desk.drills.map((d) => (
                <li
                  key={d.id}
                  className={`flex flex-col gap-2 rounded-xl border-2 px-4 py-3 ${d.overdue ? "border-rose-400" : "border-slate-700"} bg-slate-900`}
                  data-testid="drill"
                >
                  <p className="flex flex-wrap items-center gap-2 text-lg text-slate-50">
                    <Link
                      href={`/trainer/cases/${d.sourceCaseId}`}
                      className="font-semibold text-sky-300 underline-offset-4 hover:underline"
                    >
                      {d.sourceReference}
                    </Link>
                    <span>{categoryLabel(d.category)}</span>
                    <span className="text-slate-300">
                      · {d.assignee} · due {formatShortDate(d.dueAt, d.timeZone)}
                    </span>
                    {d.overdue ? (
                      <span className="rounded-full bg-rose-800 px-2 py-0.5 text-sm font-semibold text-rose-50">Overdue</span>
                    ) : null}
                  </p>
                  {d.note ? <p className="text-base text-slate-300">“{d.note}”</p> : null}
                  <ul className="flex flex-wrap gap-2">
                    {d.status.map((s) => (
                      <li
                        key={s.id}
                        className={`rounded-full px-3 py-1 text-base ${s.done ? "bg-emerald-900 text-emerald-50" : "bg-slate-800 text-slate-200"}`}
                      >
                        {s.name}: {s.done ? `done, best ${s.best ?? "—"}` : "not yet"}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="runs" className="flex flex-col gap-3" data-testid="practice-runs">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <h2 id="runs" className="text-2xl font-semibold">
                Practice runs
              </h2>
              {trainees.length > 1 || values.person ? (
                <nav aria-label="Trainee" className="flex flex-wrap gap-2">
                  {[["", "Everyone"] as const, ...trainees].map(([id, name]) => {
                    const on = (values.person ?? "") === id;
                    return (
                      <Link
                        key={id || "all"}
                        href={`/trainer/practice${queryString({ location: values.location }, { person: id || undefined })}`}
                        aria-current={on ? "true" : undefined}
                        className={`inline-flex min-h-11 items-center rounded-full border-2 px-3 text-base font-semibold ${on ? "border-sky-300 bg-sky-400 text-slate-950" : "border-slate-600 text-slate-100"}`}
                      >
                        {name}
                      </Link>
                    );
                  })}
                </nav>
              ) : null}
            </div>
            {desk.runs.length === 0 ? <p className="text-lg text-slate-300">No practice runs yet.</p> : null}
            {desk.runs.length ? (
              <CaseTable
                testId="runs-table"
                caption="Practice runs, newest first"
                head={
                  <>
                    <CaseColumn>Trainee</CaseColumn>
                    <CaseColumn>Practised</CaseColumn>
                    <CaseColumn>Score</CaseColumn>
                    <CaseColumn>Missed</CaseColumn>
                    <CaseColumn>Comments</CaseColumn>
                    <CaseColumn>
                      <span className="sr-only">Replay</span>
                    </CaseColumn>
                  </>
                }
              >
                {desk.runs.map((r) => (
                  <tr
                    key={r.practiceCaseId}
                    className="border-t border-slate-700 align-top odd:bg-slate-900 even:bg-slate-800/40"
                    data-testid="run-row"
                  >
                    <th scope="row" className="px-3 py-2 font-semibold text-slate-50">
                      {r.traineeName}
                    </th>
                    <td className="px-3 py-2 text-slate-100">
                      {formatShortDate(r.startedAt, r.timeZone)} · case {r.sourceReference}
                      <span className="block text-sm text-slate-400">
                        {categoryLabel(r.category)} ·{" "}
                        {r.ended ? STATUS_LABELS[r.status] : `still at ${STAGE_LABELS[r.stage as Stage] ?? r.stage}`}
                      </span>
                    </td>
                    <td className="px-3 py-2">{r.ended ? <ScoreBadge score={r.score} /> : <span className="text-slate-400">—</span>}</td>
                    <td className="px-3 py-2 text-slate-200">{r.missed.length ? r.missed.join("; ") : r.ended ? "Nothing" : ""}</td>
                    <td className="px-3 py-2 tabular-nums text-slate-200">{r.comments ? `${r.comments} (${r.acknowledged} seen)` : "—"}</td>
                    <td className="px-3 py-2">
                      {r.ended ? (
                        <Link
                          href={`/trainer/cases/${r.practiceCaseId}`}
                          className="inline-flex min-h-11 items-center rounded-xl border border-slate-500 px-3 font-semibold text-sky-200 hover:bg-slate-800"
                        >
                          Replay and comment
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </CaseTable>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
