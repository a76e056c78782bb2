import type { Metadata } from "next";
import Link from "next/link";
import { SeverityBadge } from "@/components/manager/pills";
import { StartPracticeButton } from "@/components/practice/start-practice-button";
import { OutcomeMark } from "@/components/trainer/rubric-list";
import { ScoreBadge } from "@/components/trainer/score-badge";
import { AppHeader } from "@/components/ui/app-header";
import { CaseColumn, CaseRow, CaseTable } from "@/components/ui/case-table";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { pageData } from "@/lib/page-errors";
import type { HistoryLine } from "@/lib/manager/describe-event";
import { searchParamsToObject } from "@/lib/manager/filters";
import { formatDateTime, STATUS_LABELS } from "@/lib/display/format";
import { CATEGORY_LABELS, STAGE_LABELS, type Category, type Stage } from "@/lib/playbook";
import { getPractice, type PracticeView } from "@/lib/training/get-practice";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Practice · Complaint Coach" };

function Path({ title, lines, testId }: { title: string; lines: HistoryLine[]; testId: string }) {
  return (
    <section
      aria-label={title}
      className="flex min-w-0 flex-col gap-2 rounded-2xl border border-slate-700 bg-slate-900 p-4"
      data-testid={testId}
    >
      <h3 className="text-xl font-semibold text-slate-50">{title}</h3>
      <ol className="flex flex-col gap-1.5">
        {lines.map((l) => (
          <li key={l.sequence} className="text-base text-slate-100">
            <span className="tabular-nums text-slate-400">{l.sequence}.</span> {l.what}
            {l.detail ? <span className="block whitespace-pre-line pl-5 text-sm text-slate-300">{l.detail}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export default async function PracticeCasePage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("practice.run");
  const { caseId } = await params;
  const view: PracticeView = await pageData(getPractice(await getDb(), actor, caseId, searchParamsToObject(await searchParams)), {
    notFound: ["not_found", "invalid_input"],
    deniedTo: "/?denied=1",
  });
  const { source, facts, runs, comparison } = view;
  const finished = runs.filter((r) => r.status === "closed" || r.status === "abandoned");
  const inProgress = runs.filter((r) => r.status !== "closed" && r.status !== "abandoned");

  return (
    <>
      <AppHeader name={actor.name} role={actor.role} locationName={source.locationName} />
      <main className="mx-auto flex max-w-6xl flex-col gap-5 px-4 py-6 md:px-6">
        <div className="flex flex-col gap-1">
          <Link href="/practice" className="text-base font-semibold text-sky-300 underline-offset-4 hover:underline">
            ← All practice cases
          </Link>
          <h1 className="text-3xl font-bold text-slate-50">
            Practice: {source.category ? (CATEGORY_LABELS[source.category as Category] ?? source.category) : "a complaint"}
          </h1>
          <p className="flex flex-wrap items-center gap-2 text-lg text-slate-300">
            From a real case at {source.locationName}, customer details removed <SeverityBadge severity={source.severity} />
          </p>
        </div>

        {!source.practisable || !facts ? (
          <p className="rounded-2xl border border-slate-700 bg-slate-900 p-5 text-lg text-slate-200">
            This case is still open: it can be practised once it has ended.
          </p>
        ) : (
          <section
            aria-labelledby="brief"
            className="flex flex-col gap-4 rounded-2xl border-2 border-violet-500 bg-violet-950/40 p-5"
            data-testid="practice-brief"
          >
            <h2 id="brief" className="text-2xl font-bold text-violet-50">
              The customer you will meet
            </h2>
            <p className="text-xl text-slate-50">
              At {facts.spot}, a customer wants a word with you. They will tell you what happened when you start.
            </p>
            <ul className="list-disc pl-6 text-lg text-violet-50">
              <li>The coach opens a practice case. Work it stage by stage, exactly as on the floor, and type what you would say.</li>
              <li>
                The customer answers what you say: excuses, a bare no or “calm down” make them angrier, and they may vent again, refuse the
                read-back or walk out. Naming how they feel, a sincere apology, real options and a fair remedy calm them.
              </li>
              <li>When you close it, your run is scored with the same rubric and shown beside what really happened.</li>
            </ul>
            <div className="flex flex-wrap items-center gap-4">
              <StartPracticeButton sourceCaseId={source.id} again={finished.length > 0} />
              {inProgress.map((r) => (
                <Link
                  key={r.practiceCaseId}
                  href={`/cases/${r.practiceCaseId}`}
                  className="inline-flex min-h-12 items-center rounded-xl border border-violet-300 px-4 text-lg font-semibold text-violet-100 hover:bg-violet-900"
                >
                  Carry on the run from {formatDateTime(r.startedAt, r.timeZone)} (at {STAGE_LABELS[r.stage as Stage] ?? r.stage})
                </Link>
              ))}
            </div>
          </section>
        )}

        {comparison ? (
          <section aria-labelledby="result" className="flex flex-col gap-4" data-testid="practice-result">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <h2 id="result" className="text-2xl font-bold text-slate-50">
                Your run beside the real one
              </h2>
              {finished.length > 1 ? (
                <nav aria-label="Your finished runs" className="flex flex-wrap gap-2">
                  {finished.map((r, i) => (
                    <Link
                      key={r.practiceCaseId}
                      href={`/practice/${source.id}?run=${r.practiceCaseId}`}
                      aria-current={r.practiceCaseId === comparison.runId ? "true" : undefined}
                      className={`inline-flex min-h-11 items-center gap-2 rounded-full border-2 px-3 text-base font-semibold ${
                        r.practiceCaseId === comparison.runId
                          ? "border-sky-300 bg-sky-400 text-slate-950"
                          : "border-slate-600 text-slate-100"
                      }`}
                    >
                      Run {finished.length - i} · {r.score ?? "—"}
                    </Link>
                  ))}
                </nav>
              ) : null}
            </div>
            <CaseTable
              testId="comparison"
              caption="Each rubric item for your practice run and for the original case"
              head={
                <>
                  <CaseColumn>Rubric</CaseColumn>
                  <CaseColumn>
                    <span className="flex items-center gap-2">
                      You <ScoreBadge score={comparison.run.rubric.score} />
                    </span>
                  </CaseColumn>
                  <CaseColumn>
                    <span className="flex items-center gap-2">
                      {comparison.original.handledByYou ? "You, for real" : "The original"}{" "}
                      <ScoreBadge score={comparison.original.rubric.score} />
                    </span>
                  </CaseColumn>
                </>
              }
            >
              {comparison.run.rubric.items.map((mine, i) => {
                const theirs = comparison.original.rubric.items[i];
                return (
                  <CaseRow key={mine.id}>
                    <th scope="row" className="px-3 py-2 font-semibold text-slate-50">
                      {mine.label}
                    </th>
                    <td className="px-3 py-2">
                      <span className="flex items-start gap-2">
                        <OutcomeMark outcome={mine.outcome} />
                        <span className="text-slate-200">{mine.reason}</span>
                      </span>
                    </td>
                    <td className="px-3 py-2">
                      <span className="flex items-start gap-2">
                        <OutcomeMark outcome={theirs.outcome} />
                        <span className="text-slate-200">{theirs.reason}</span>
                      </span>
                    </td>
                  </CaseRow>
                );
              })}
            </CaseTable>
            <div className="grid gap-4 md:grid-cols-2">
              <Path title="Your path" lines={comparison.run.lines} testId="your-path" />
              <Path
                title={comparison.original.handledByYou ? "Your path on the real case" : "The original staff member's path"}
                lines={comparison.original.lines}
                testId="original-path"
              />
            </div>
          </section>
        ) : finished.length === 0 && source.practisable ? (
          <p className="text-lg text-slate-300">Finish a run to see it scored beside the original.</p>
        ) : null}
        {runs.length ? (
          <p className="text-base text-slate-400">
            {runs.length} run{runs.length === 1 ? "" : "s"} so far: {runs.map((r) => STATUS_LABELS[r.status] ?? r.status).join(", ")}.
          </p>
        ) : null}
      </main>
    </>
  );
}
