import { notFound, redirect } from "next/navigation";
import { EndHeadsUpButton } from "@/components/floor/heads-up-buttons";
import { TellTableForm } from "@/components/floor/tell-table-form";
import { TabletSetup } from "@/components/tablet/tablet-setup";
import { AppHeader } from "@/components/ui/app-header";
import { requirePageActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { parseOptions } from "@/lib/heads-ups/common";
import { formatDue } from "@/lib/playbook";
import {
  HEADS_UP_CHOICE_LABELS,
  HEADS_UP_KIND_LABELS,
  suggestedHeadsUpWords,
  type HeadsUpChoice,
  type HeadsUpKind,
} from "@/lib/playbook/heads-up";

export const dynamic = "force-dynamic";

const STATUS: Record<string, string> = { open: "Told · to confirm", closed: "Closed", complained: "Complained", abandoned: "Abandoned" };

export default async function HeadsUpPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("headsUp.tell");
  const { id } = await params;
  const db = await getDb();
  const alert = /^[A-Za-z0-9_-]{1,64}$/.test(id)
    ? await db.headsUpAlert.findUnique({
        where: { id },
        include: {
          location: { select: { name: true, timezone: true } },
          raisedBy: { select: { name: true } },
          endedBy: { select: { name: true } },
          cases: { orderBy: { openedAt: "asc" }, include: { openedBy: { select: { name: true } } } },
        },
      })
    : null;
  if (!alert) notFound();
  if (!actor.locationIds.includes(alert.locationId)) redirect("/?denied=1");
  const options = parseOptions(alert.options);
  const words = suggestedHeadsUpWords({ kind: alert.kind as HeadsUpKind, what: alert.what, reason: alert.reason, options });
  const now = new Date();
  const when = (d: Date) => formatDue(d.toISOString(), { timeZone: alert.location.timezone, now });
  const mayEnd = alert.raisedById === actor.id || can(actor, "headsUp.endAny");
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} locationName={alert.location.name} sessionId={actor.sessionId} />
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-6 py-6">
        <header className="flex flex-col gap-1">
          <p className="text-base uppercase tracking-wide text-amber-300">
            Heads-up · {HEADS_UP_KIND_LABELS[alert.kind as HeadsUpKind] ?? alert.kind}
            {alert.endedAt ? " · ended" : " · live"}
          </p>
          <h1 className="text-3xl font-bold">{alert.what}</h1>
          <p className="text-slate-300">
            Raised by {alert.raisedBy.name}, {when(alert.raisedAt)}
            {alert.endedAt
              ? ` · ended by ${alert.endedBy?.name ?? "someone"}, ${when(alert.endedAt)}${alert.endNote ? ` (“${alert.endNote}”)` : ""}`
              : ""}
          </p>
        </header>
        <section aria-labelledby="say" className="rounded-2xl border-2 border-amber-300 bg-amber-950/60 p-5">
          <h2 id="say" className="text-xl font-semibold text-amber-200">
            What to say
          </h2>
          <ul data-testid="heads-up-words" className="mt-2 flex flex-col gap-1 text-xl text-amber-50">
            {words.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <p className="mt-3 text-base text-amber-200">
            Go to every table it touches now, before they ask. Let them choose; any choice is fine.
          </p>
        </section>
        {alert.endedAt ? null : <TellTableForm headsUpId={alert.id} options={options} actor={{ id: actor.id, role: actor.role }} />}
        <section aria-labelledby="told" className="flex flex-col gap-2">
          <h2 id="told" className="text-2xl font-semibold">
            Told so far ({alert.cases.length})
          </h2>
          <ul data-testid="tables-told" className="flex flex-col gap-2">
            {alert.cases.map((c) => (
              <li
                key={c.id}
                className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-slate-700 bg-slate-800 px-4 py-3"
              >
                <span className="text-lg">
                  <span className="font-semibold">{c.spot}</span> · told by {c.openedBy.name} {when(c.openedAt)} · chose{" "}
                  <span className="font-semibold">{c.choice ? HEADS_UP_CHOICE_LABELS[c.choice as HeadsUpChoice] : "—"}</span>
                  {c.chosenOption ? `: ${c.chosenOption}` : ""}
                </span>
                <a href={`/heads-up-cases/${c.id}`} className="rounded-lg border border-slate-500 px-3 py-2 text-base text-sky-300">
                  {STATUS[c.status] ?? c.status} →
                </a>
              </li>
            ))}
          </ul>
        </section>
        {/* Once ended, it stays to say what became of an end sent from this tablet ("✓ Sent"). */}
        {mayEnd ? (
          <EndHeadsUpButton
            headsUpId={alert.id}
            what={alert.what}
            ended={Boolean(alert.endedAt)}
            actor={{ id: actor.id, role: actor.role }}
          />
        ) : null}
      </main>
      {/* Sends what waits on this tablet (heads-ups included) when the connection returns. */}
      <TabletSetup />
    </>
  );
}
