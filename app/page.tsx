import Link from "next/link";
import { AppHeader } from "@/components/ui/app-header";
import { NewComplaintButton } from "@/components/home/new-complaint-button";
import { RefreshWhenSent } from "@/components/home/refresh-when-sent";
import { TabletSetup } from "@/components/tablet/tablet-setup";
import { TabletStatus } from "@/components/tablet/tablet-status";
import { FloorBanner } from "@/components/floor/floor-banner";
import { requirePageActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { listMyCasesToday } from "@/lib/cases/list-open-cases";
import { listDecidersAt } from "@/lib/cases/decide-on-tablet";
import { listRootCauseTags } from "@/lib/cases/get-case";
import { authorityLimitFor } from "@/lib/cases/open-case";
import { getDb } from "@/lib/db/client";
import { CATEGORY_LABELS, STAGE_LABELS, type Category, type Stage } from "@/lib/playbook";

export const dynamic = "force-dynamic";

/** Where each role goes from home, besides the live coach; each shows only with its permission. */
const ENTRY_POINTS = [
  {
    permission: "headsUp.tell",
    href: "/heads-ups",
    title: "Heads-ups",
    hint: "Tell tables before they find out: sold out, running late, out of order",
  },
  { permission: "manager.desk", href: "/manager", title: "Manager's desk", hint: "Approvals, follow-ups and what keeps going wrong" },
  { permission: "trainer.replay", href: "/trainer", title: "Case replay", hint: "Walk through past cases, customer details removed" },
  { permission: "feedback.own", href: "/feedback", title: "My feedback", hint: "Your scored cases and your trainer's comments" },
  { permission: "practice.run", href: "/practice", title: "Practice", hint: "Work a real past complaint, the app plays the customer" },
  {
    permission: "trainer.replay",
    href: "/trainer/practice",
    title: "Practice desk",
    hint: "Set drills; see every trainee's practice runs",
  },
  { permission: "trainer.progress", href: "/trainer/progress", title: "Team progress", hint: "Everyone's scores over time" },
  { permission: "admin.manage", href: "/admin", title: "Admin", hint: "People, locations, root causes and authority limits" },
] as const;

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const denied = (await searchParams).denied !== undefined;
  const db = await getDb();
  const canOpen = can(actor, "case.open");
  const locationId = actor.currentLocationId ?? actor.locationIds[0] ?? null;
  const [cases, location, authorityLimitCents, rootCauses, deciders] = await Promise.all([
    canOpen ? listMyCasesToday(db, actor) : [],
    locationId ? db.location.findUnique({ where: { id: locationId }, select: { name: true, timezone: true } }) : null,
    canOpen ? authorityLimitFor(db, actor.role) : 0,
    canOpen ? listRootCauseTags(db) : [],
    canOpen && locationId ? listDecidersAt(db, locationId) : [],
  ]);
  // What this tablet keeps so a complaint can be opened and coached without Wi-Fi.
  const context =
    canOpen && locationId
      ? {
          actor: { id: actor.id, name: actor.name, role: actor.role },
          locationId,
          locationName: location?.name ?? "",
          timeZone: location?.timezone,
          authorityLimitCents,
          rootCauses,
          deciders,
        }
      : null;
  const entries = ENTRY_POINTS.filter((e) => can(actor, e.permission));
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} locationName={location?.name} sessionId={actor.sessionId} />
      {can(actor, "headsUp.tell") ? <FloorBanner /> : null}
      <main className="mx-auto flex max-w-5xl flex-col gap-8 px-6 py-8">
        {denied ? (
          <p role="alert" className="rounded-xl border border-amber-400 bg-amber-950 px-5 py-4 text-lg text-amber-100">
            That page is not open to your role ({actor.role}). Here is what you can use.
          </p>
        ) : null}
        {context ? (
          <>
            <TabletSetup context={context} />
            <NewComplaintButton context={context} />
            <TabletStatus />
            <RefreshWhenSent />
          </>
        ) : null}
        {entries.length ? (
          <nav aria-label="Your tools" className="grid grid-cols-1 gap-3 md:grid-cols-2">
            {entries.map((e) => (
              <Link
                key={e.href}
                href={e.href}
                className="flex min-h-20 flex-col justify-center rounded-2xl border border-slate-600 bg-slate-800 px-5 py-3 hover:border-sky-400"
              >
                <span className="text-xl font-semibold text-sky-300">{e.title}</span>
                <span className="text-slate-300">{e.hint}</span>
              </Link>
            ))}
          </nav>
        ) : null}
        {canOpen ? <MyCasesToday cases={cases} /> : null}
      </main>
    </>
  );
}

function MyCasesToday({ cases }: { cases: Awaited<ReturnType<typeof listMyCasesToday>> }) {
  return (
    <section aria-labelledby="mine" className="flex flex-col gap-3">
      <h2 id="mine" className="text-2xl font-semibold">
        My cases today
      </h2>
      {cases.length === 0 ? (
        <p className="text-lg text-slate-400">No cases yet today.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {cases.map((c) => (
            <li key={c.id}>
              <Link
                href={`/cases/${c.id}`}
                data-testid={`my-case-${c.reference}`}
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
  );
}

function StatusPill({ stage, status }: { stage: string; status: string }) {
  const label =
    status === "awaiting_manager"
      ? "Waiting for manager"
      : status === "closed"
        ? "Closed"
        : status === "abandoned"
          ? "Abandoned"
          : STAGE_LABELS[stage as Stage];
  const tone =
    status === "awaiting_manager"
      ? "bg-amber-300 text-slate-950"
      : status === "open"
        ? "bg-sky-400 text-slate-950"
        : "bg-slate-600 text-slate-100";
  return <span className={`shrink-0 rounded-full px-3 py-1 text-sm font-semibold ${tone}`}>{label}</span>;
}
