import type { Metadata } from "next";
import Link from "next/link";
import { ImprovementForm, ImprovementStatusButton } from "@/components/manager/improvement-forms";
import { Panel } from "@/components/manager/panel";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { listFilterOptions } from "@/lib/manager/filter-options";
import { formatDate } from "@/lib/display/format";
import { listImprovements } from "@/lib/manager/list-improvements";
import { addDays, localDate } from "@/lib/manager/time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Improvements · Complaint Coach" };

export default async function ImprovementsPage() {
  const actor = await requirePageActor("manager.desk");
  const db = await getDb();
  const [items, options] = await Promise.all([listImprovements(db, actor), listFilterOptions(db, actor)]);
  const open = items.filter((i) => i.status === "open");
  const done = items.filter((i) => i.status === "done");

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold text-slate-50">Improvements</h1>
        <p className="text-lg text-slate-300">
          {open.length} open · {done.length} done
        </p>
      </div>
      <p className="max-w-3xl text-lg text-slate-300">
        A root cause that keeps coming back becomes an improvement with an owner and a date. Spot them on{" "}
        <Link href="/manager/insights" className="font-semibold text-sky-300 underline underline-offset-4">
          Insights
        </Link>
        ; “since” counts the cases with the same root cause at the same place after it was created.
      </p>

      <section aria-labelledby="open-heading" className="flex flex-col gap-3">
        <h2 id="open-heading" className="text-2xl font-semibold">
          Open
        </h2>
        {open.length ? <ImprovementList items={open} /> : <p className="text-lg text-slate-300">Nothing open.</p>}
      </section>

      <Panel id="new-improvement" title="New improvement">
        {options.locations.length ? (
          <ImprovementForm
            locations={options.locations}
            tags={options.tags.filter((t) => t.active)}
            draft={{ title: "", due: addDays(localDate(new Date()), 14), locationId: options.locations[0].id }}
          />
        ) : (
          <p className="text-base text-slate-300">You are not on the team at any location.</p>
        )}
      </Panel>

      {done.length ? (
        <section aria-labelledby="done-heading" className="flex flex-col gap-3">
          <h2 id="done-heading" className="text-2xl font-semibold">
            Done
          </h2>
          <ImprovementList items={done} />
        </section>
      ) : null}
    </>
  );
}

function ImprovementList({ items }: { items: Awaited<ReturnType<typeof listImprovements>> }) {
  return (
    <ul className="flex flex-col gap-3">
      {items.map((i) => (
        <li
          key={i.id}
          className={`grid grid-cols-1 items-center gap-3 rounded-2xl border p-4 md:grid-cols-[1fr_auto] ${
            i.overdue ? "border-rose-400 bg-rose-950/40" : "border-slate-700 bg-slate-800/70"
          }`}
        >
          <div className="flex flex-col gap-1">
            <p className={`text-lg font-semibold ${i.status === "done" ? "text-slate-300" : "text-slate-50"}`}>{i.title}</p>
            <p className="text-base text-slate-300">
              {i.locationName}
              {i.tag ? ` · ${i.tag.label}` : ""} · owner {i.owner} ·{" "}
              {i.status === "done" && i.completedAt ? (
                `done ${formatDate(i.completedAt, i.timeZone)}`
              ) : (
                <span className={i.overdue ? "font-semibold text-rose-200" : ""}>
                  {i.overdue ? "overdue since" : "due"} {formatDate(i.dueAt, i.timeZone)}
                </span>
              )}
            </p>
            <p className="text-base text-slate-400">
              {i.linkedCases} linked case{i.linkedCases === 1 ? "" : "s"}
              {i.casesSince !== null ? ` · ${i.casesSince} since it was created` : ""} · by {i.createdBy}
              {i.tag ? (
                <>
                  {" · "}
                  <Link
                    href={`/manager/cases?tag=${i.tag.slug}${i.locationId ? `&location=${i.locationId}` : ""}`}
                    className="font-semibold text-sky-300 underline underline-offset-4"
                  >
                    cases with this root cause
                  </Link>
                </>
              ) : null}
            </p>
          </div>
          <ImprovementStatusButton id={i.id} status={i.status} title={i.title} />
        </li>
      ))}
    </ul>
  );
}
