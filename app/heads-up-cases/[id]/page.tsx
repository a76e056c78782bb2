import { notFound, redirect } from "next/navigation";
import { FloorBanner } from "@/components/floor/floor-banner";
import { HeadsUpCoach } from "@/components/floor/heads-up-coach";
import { AppHeader } from "@/components/ui/app-header";
import { requirePageActor } from "@/lib/auth/current";
import { listRootCauseTags } from "@/lib/cases/get-case";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getHeadsUpCase } from "@/lib/heads-ups/get-heads-up-case";

export const dynamic = "force-dynamic";

export default async function HeadsUpCasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("headsUp.tell");
  const { id } = await params;
  const db = await getDb();
  const view = await getHeadsUpCase(db, actor, id).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "not_found" || error.code === "invalid_input")) notFound();
    if (isAppError(error) && error.code === "forbidden") redirect("/?denied=1");
    throw error;
  });
  const rootCauses = await listRootCauseTags(db);
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} locationName={view.locationName} sessionId={actor.sessionId} />
      <FloorBanner compact />
      <main className="mx-auto flex max-w-5xl flex-col gap-5 px-6 py-6">
        <header>
          <p className="text-base uppercase tracking-wide text-amber-300">
            Heads-up {view.reference}
            {view.alert ? (
              <>
                {" · from "}
                <a href={`/heads-ups/${view.alert.id}`} className="underline">
                  {view.alert.what}
                </a>
              </>
            ) : null}
          </p>
          <h1 className="text-3xl font-bold">
            {view.state.issue ? `${view.state.issue.spot}: ${view.state.issue.what}` : "Tell them before they find out"}
          </h1>
          {view.toldBy ? <p className="text-slate-300">Told by {view.toldBy}</p> : null}
        </header>
        <HeadsUpCoach
          caseId={view.id}
          state={view.state}
          readback={view.readback}
          words={view.words}
          rootCauses={rootCauses.map((r) => ({ slug: r.slug, label: r.label }))}
        />
      </main>
    </>
  );
}
