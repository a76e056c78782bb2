import type { Metadata } from "next";
import Link from "next/link";
import { AcknowledgeButton } from "@/components/feedback/acknowledge-button";
import { RubricList } from "@/components/trainer/rubric-list";
import { ScoreBadge } from "@/components/trainer/score-badge";
import { AppHeader } from "@/components/ui/app-header";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { formatDateTime, formatShortDate } from "@/lib/display/format";
import { CATEGORY_LABELS, type Category } from "@/lib/playbook";
import { listMyFeedback, type MyFeedbackCase } from "@/lib/training/list-my-feedback";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My feedback · Complaint Coach" };

export default async function FeedbackPage() {
  const actor = await requirePageActor("feedback.own");
  const feedback = await listMyFeedback(await getDb(), actor);
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} />
      <main className="mx-auto flex max-w-5xl flex-col gap-5 px-4 py-6 md:px-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-3xl font-bold text-slate-50">My feedback</h1>
            <p className="text-lg text-slate-300">Your cases, scored against the playbook, and what your trainer noticed.</p>
          </div>
          <div className="flex items-center gap-3 text-lg text-slate-200">
            {feedback.averageScore !== null ? (
              <span className="flex items-center gap-2">
                Average <ScoreBadge score={feedback.averageScore} />
              </span>
            ) : null}
            <span data-testid="unread-count">
              {feedback.unacknowledged} new comment{feedback.unacknowledged === 1 ? "" : "s"}
            </span>
          </div>
        </div>
        {feedback.cases.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-slate-600 px-5 py-8 text-center text-lg text-slate-300">
            No finished cases yet. Scores appear here once a case is closed.
          </p>
        ) : null}
        <ul className="flex flex-col gap-4">
          {feedback.cases.map((c) => (
            <li key={c.id}>
              <FeedbackCase c={c} />
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}

function FeedbackCase({ c }: { c: MyFeedbackCase }) {
  const unread = c.comments.filter((m) => !m.acknowledgedAt).length;
  return (
    <article
      aria-labelledby={`case-${c.id}`}
      className={`flex flex-col gap-3 rounded-2xl border bg-slate-900 p-4 ${unread ? "border-violet-400" : "border-slate-700"}`}
      data-testid="feedback-case"
    >
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-col">
          <h2 id={`case-${c.id}`} className="flex flex-wrap items-center gap-2 text-xl font-bold text-slate-50">
            <Link href={`/cases/${c.id}`} className="text-sky-300 underline-offset-4 hover:underline">
              {c.reference}
            </Link>
            {c.practice ? (
              <span className="rounded-md bg-violet-800 px-2 py-0.5 text-sm font-semibold text-violet-50">Practice</span>
            ) : null}
            <span className="text-base font-normal text-slate-300">
              {c.closedAt ? formatShortDate(c.closedAt, c.timeZone) : ""} · {c.spot ?? ""} ·{" "}
              {c.category ? (CATEGORY_LABELS[c.category as Category] ?? c.category) : ""}
            </span>
          </h2>
          {c.words ? <p className="line-clamp-2 text-base text-slate-200">“{c.words}”</p> : null}
        </div>
        <ScoreBadge score={c.rubric.score} />
      </header>
      {c.comments.length ? (
        <ul aria-label="Comments from your trainer" className="flex flex-col gap-2">
          {c.comments.map((m) => (
            <li
              key={m.id}
              className="flex flex-wrap items-start justify-between gap-3 rounded-xl border-l-4 border-violet-400 bg-violet-950/60 px-4 py-3"
              data-testid="feedback-comment"
            >
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <p className="text-sm font-semibold text-violet-200">
                  Step {m.eventSequence}: {m.step}
                </p>
                <p className="text-lg text-slate-50">{m.text}</p>
                <p className="text-sm text-violet-200">
                  {m.authorName} · {formatDateTime(m.createdAt, c.timeZone)}
                  {m.acknowledgedAt ? ` · you acknowledged it ${formatDateTime(m.acknowledgedAt, c.timeZone)}` : ""}
                </p>
              </div>
              {m.acknowledgedAt ? (
                <span className="rounded-full bg-emerald-900 px-3 py-1 text-base font-semibold text-emerald-50">✓ Acknowledged</span>
              ) : (
                <AcknowledgeButton commentId={m.id} step={m.eventSequence} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="rounded-xl border border-slate-700 bg-slate-950/60">
        <summary className="flex min-h-12 cursor-pointer items-center px-4 text-base font-semibold text-sky-300">
          How this case scored ({c.rubric.met} of {c.rubric.applicable})
        </summary>
        <div className="px-4 pb-4">
          <RubricList items={c.rubric.items} />
        </div>
      </details>
    </article>
  );
}
