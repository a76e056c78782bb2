import type { Metadata } from "next";
import Link from "next/link";
import { SeverityBadge } from "@/components/manager/pills";
import { ScoreBadge } from "@/components/trainer/score-badge";
import { AppHeader } from "@/components/ui/app-header";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { formatShortDate, STATUS_LABELS } from "@/lib/display/format";
import { CATEGORY_LABELS, STAGE_LABELS, type Category, type Stage } from "@/lib/playbook";
import { listMyDrills } from "@/lib/training/list-my-drills";
import { listPracticeCases, type PracticeCases } from "@/lib/training/list-practice-cases";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Practice · Complaint Coach" };

type PracticeCase = PracticeCases["recent"][number];

function CaseLink({ c, tags = [] }: { c: PracticeCase; tags?: string[] }) {
  return (
    <Link
      href={`/practice/${c.id}`}
      className="flex min-h-16 flex-col gap-1 rounded-xl border border-slate-700 bg-slate-800 px-4 py-3 hover:border-sky-400"
      data-testid="practice-case"
    >
      <span className="flex flex-wrap items-center gap-2">
        <span className="text-lg font-semibold text-sky-300">
          {c.category ? (CATEGORY_LABELS[c.category as Category] ?? c.category) : "Complaint"}
        </span>
        <SeverityBadge severity={c.severity} />
        <span className="text-sm text-slate-300">
          {c.mood ? `${c.mood} customer · ` : ""}
          {c.locationName}
        </span>
      </span>
      {c.words ? <span className="line-clamp-2 text-base text-slate-100">“{c.words}”</span> : null}
      {tags.length ? <span className="text-sm text-slate-300">{tags.map((t) => `#${t}`).join(" ")}</span> : null}
    </Link>
  );
}

export default async function PracticeListPage() {
  const actor = await requirePageActor("practice.run");
  const db = await getDb();
  const [list, drills] = await Promise.all([listPracticeCases(db, actor), listMyDrills(db, actor)]);
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} />
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6 md:px-6">
        <div>
          <h1 className="text-3xl font-bold text-slate-50">Practice</h1>
          <p className="text-lg text-slate-300">
            Work a real past complaint on the coach, with the app playing the customer. Nothing you do here is a real case: your trainer
            sees your runs, marked apart from real cases.
          </p>
        </div>
        {drills.length ? (
          <section aria-labelledby="drills" className="flex flex-col gap-2" data-testid="my-drills">
            <h2 id="drills" className="text-2xl font-semibold">
              Drills set for you
            </h2>
            <ul className="flex flex-col gap-2">
              {drills.map((d) => (
                <li
                  key={d.id}
                  className={`flex flex-wrap items-center justify-between gap-3 rounded-xl border-2 px-4 py-3 ${d.overdue ? "border-rose-400 bg-rose-950/40" : d.done ? "border-emerald-600 bg-slate-900" : "border-violet-400 bg-violet-950/40"}`}
                  data-testid="my-drill"
                >
                  <span className="flex flex-col gap-0.5">
                    <span className="text-lg font-semibold text-slate-50">
                      {d.category ? (CATEGORY_LABELS[d.category as Category] ?? d.category) : "Complaint"} · case {d.reference}
                      {d.forTeam ? <span className="ml-2 text-base font-normal text-slate-300">(for the whole team)</span> : null}
                    </span>
                    <span className="text-base text-slate-300">
                      Set by {d.assignedBy} · due {formatShortDate(d.dueAt, d.timeZone)}
                      {d.overdue ? " · overdue" : ""}
                      {d.done ? ` · done (${d.runs} run${d.runs === 1 ? "" : "s"}, best ${d.best ?? "—"})` : ""}
                    </span>
                    {d.note ? <span className="text-base text-slate-200">“{d.note}”</span> : null}
                  </span>
                  <Link
                    href={`/practice/${d.sourceCaseId}`}
                    className="inline-flex min-h-12 items-center rounded-xl bg-violet-300 px-4 text-lg font-semibold text-slate-950 hover:bg-violet-200"
                  >
                    {d.done ? "Practise again" : "Start the drill"}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {list.runs.length ? (
          <section aria-labelledby="runs" className="flex flex-col gap-2">
            <h2 id="runs" className="text-2xl font-semibold">
              Your practice runs
            </h2>
            <ul className="flex flex-col gap-2">
              {list.runs.map((r) => {
                const ended = r.status === "closed" || r.status === "abandoned";
                return (
                  <li
                    key={r.practiceCaseId}
                    className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-700 bg-slate-900 px-4 py-3"
                  >
                    <span className="text-lg text-slate-100">
                      {formatShortDate(r.startedAt, r.timeZone)} · from case {r.sourceReference} ·{" "}
                      <span className="text-slate-300">
                        {ended ? STATUS_LABELS[r.status] : `at ${STAGE_LABELS[r.stage as Stage] ?? r.stage}`}
                      </span>
                    </span>
                    <span className="flex items-center gap-3">
                      {ended ? <ScoreBadge score={r.score} /> : null}
                      <Link
                        href={ended ? `/practice/${r.sourceCaseId}?run=${r.practiceCaseId}` : `/cases/${r.practiceCaseId}`}
                        className="inline-flex min-h-12 items-center rounded-xl border border-slate-500 px-4 text-lg font-semibold text-sky-200 hover:bg-slate-800"
                      >
                        {ended ? "See the comparison" : "Carry on"}
                      </Link>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        {list.collections.map((collection) => (
          <section key={collection.id} aria-labelledby={`col-${collection.id}`} className="flex flex-col gap-2">
            <h2 id={`col-${collection.id}`} className="text-2xl font-semibold">
              {collection.name}
            </h2>
            {collection.description ? <p className="text-lg text-slate-300">{collection.description}</p> : null}
            <ul className="grid gap-2 md:grid-cols-2">
              {collection.cases.map((c) => (
                <li key={c.id}>
                  <CaseLink c={c} tags={c.tags} />
                </li>
              ))}
            </ul>
          </section>
        ))}
        <section aria-labelledby="recent" className="flex flex-col gap-2">
          <h2 id="recent" className="text-2xl font-semibold">
            Recent cases at your location
          </h2>
          {list.recent.length === 0 ? <p className="text-lg text-slate-300">No closed cases yet.</p> : null}
          <ul className="grid gap-2 md:grid-cols-2">
            {list.recent.map((c) => (
              <li key={c.id}>
                <CaseLink c={c} />
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}
