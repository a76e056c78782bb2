import Link from "next/link";
import { AppHeader } from "@/components/ui/app-header";
import { NewComplaintButton } from "@/components/home/new-complaint-button";
import { requirePageActor } from "@/lib/auth/current";
import { listMyCasesToday } from "@/lib/cases/list-open-cases";
import { getDb } from "@/lib/db/client";
import { CATEGORY_LABELS, STAGE_LABELS, type Category, type Stage } from "@/lib/playbook";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const [cases, location] = await Promise.all([
    listMyCasesToday(db, actor),
    actor.currentLocationId ? db.location.findUnique({ where: { id: actor.currentLocationId }, select: { name: true } }) : null,
  ]);
  const canOpen = actor.role !== "trainer";
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} locationName={location?.name} />
      <main className="mx-auto flex max-w-5xl flex-col gap-8 px-6 py-8">
        {canOpen ? <NewComplaintButton /> : null}
        <section aria-labelledby="mine" className="flex flex-col gap-3">
          <h2 id="mine" className="text-2xl font-semibold">My cases today</h2>
          {cases.length === 0 ? (
            <p className="text-lg text-slate-400">No cases yet today.</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {cases.map((c) => (
                <li key={c.id}>
                  <Link
                    href={`/cases/${c.id}`}
                    className="flex min-h-16 items-center justify-between gap-4 rounded-xl border border-slate-700 bg-slate-800 px-5 py-3 hover:border-sky-400"
                  >
                    <span className="flex flex-col">
                      <span className="text-lg font-semibold">
                        {c.reference} · {c.spot ?? "Just opened"}
                      </span>
                      <span className="line-clamp-1 text-slate-300">
                        {c.category ? CATEGORY_LABELS[c.category as Category] : "Listening"}
                        {c.customerWords ? ` — “${c.customerWords}”` : ""}
                      </span>
                    </span>
                    <StatusPill stage={c.stage} status={c.status} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}

function StatusPill({ stage, status }: { stage: string; status: string }) {
  const label =
    status === "awaiting_manager" ? "Waiting for manager" : status === "closed" ? "Closed" : status === "abandoned" ? "Abandoned" : STAGE_LABELS[stage as Stage];
  const tone = status === "awaiting_manager" ? "bg-amber-300 text-slate-950" : status === "open" ? "bg-sky-400 text-slate-950" : "bg-slate-600 text-slate-100";
  return <span className={`shrink-0 rounded-full px-3 py-1 text-sm font-semibold ${tone}`}>{label}</span>;
}
