import { FloorBanner } from "@/components/floor/floor-banner";
import { OpenHeadsUpCaseButton } from "@/components/floor/heads-up-buttons";
import { RaiseHeadsUpForm } from "@/components/floor/raise-heads-up-form";
import { TabletSetup } from "@/components/tablet/tablet-setup";
import { AppHeader } from "@/components/ui/app-header";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { floorLocations } from "@/lib/heads-ups/common";
import { listFloor } from "@/lib/heads-ups/list-floor";
import { formatDue } from "@/lib/playbook";

export const dynamic = "force-dynamic";

export default async function HeadsUpsPage() {
  const actor = await requirePageActor("headsUp.tell");
  const db = await getDb();
  const now = new Date();
  const [floor, ended, location] = await Promise.all([
    listFloor(db, actor, now),
    db.headsUpAlert.findMany({
      where: { locationId: { in: floorLocations(actor) }, endedAt: { gte: new Date(now.getTime() - 24 * 3_600_000) } },
      orderBy: { endedAt: "desc" },
      take: 10,
      include: { endedBy: { select: { name: true } }, location: { select: { timezone: true } }, _count: { select: { cases: true } } },
    }),
    actor.currentLocationId ? db.location.findUnique({ where: { id: actor.currentLocationId }, select: { name: true } }) : null,
  ]);
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} locationName={location?.name} sessionId={actor.sessionId} />
      <FloorBanner initial={floor} />
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-6 py-6">
        <h1 className="text-3xl font-bold">Heads-ups</h1>
        <p className="text-lg text-slate-300">
          Tell customers at the earliest moment when something will affect them, with a true reason and options, so they can decide to wait,
          change or cancel.
        </p>
        {floor.headsUps.length === 0 ? <p className="text-lg text-slate-400">No heads-up is live here right now.</p> : null}
        <RaiseHeadsUpForm actor={{ id: actor.id, role: actor.role }} />
        <OpenHeadsUpCaseButton />
        <section aria-labelledby="ended" className="flex flex-col gap-2">
          <h2 id="ended" className="text-2xl font-semibold">
            Ended in the last day
          </h2>
          {ended.length === 0 ? <p className="text-slate-400">None.</p> : null}
          <ul className="flex flex-col gap-2">
            {ended.map((a) => (
              <li key={a.id} className="rounded-xl border border-slate-700 bg-slate-800 px-4 py-3">
                <a href={`/heads-ups/${a.id}`} className="text-lg font-semibold text-sky-300 underline">
                  {a.what}
                </a>
                <span className="text-slate-300">
                  {" "}
                  · {a._count.cases} told · ended by {a.endedBy?.name ?? "someone"}{" "}
                  {formatDue(a.endedAt!.toISOString(), { timeZone: a.location.timezone, now })}
                  {a.endNote ? ` · “${a.endNote}”` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </main>
      {/* Sends what waits on this tablet (heads-ups included) when the connection returns. */}
      <TabletSetup />
    </>
  );
}
