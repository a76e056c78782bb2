"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { CaseCoach } from "@/components/case/case-coach";
import type { FoldedCase } from "@/lib/tablet/case-fold";
import { loadCaseFold } from "@/components/case/use-case-log";
import { AppHeader } from "@/components/ui/app-header";
import { localSession } from "@/lib/tablet/tablet";
import type { LocalCase, TabletContext } from "@/lib/tablet/tablet-store";
import type { StageGuidance } from "@/lib/playbook/guidance";
import type { Stage } from "@/lib/playbook/vocabulary";
import { TabletSetup } from "@/components/tablet/tablet-setup";
import { useTabletStore } from "@/components/tablet/use-tablet";

type Loaded = { local: LocalCase; context: TabletContext; initial: FoldedCase } | "missing" | "no-context" | "not-ready" | "signed-out";

/**
 * A case read from this tablet's store: same coach, same fold, steps queued for the server. Only
 * for the session signed in here now, and only a case that session touched: after sign-out, the
 * idle time-out or the end of the session, nothing of it is left to show (the store has dropped it).
 */
export function OfflineCase({ guidance }: { guidance: Record<Stage, StageGuidance> }) {
  const id = useSearchParams().get("id") ?? "";
  const store = useTabletStore();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!store) return;
    let live = true;
    void (async () => {
      const sessions = await localSession().catch(() => null);
      const session = await store.getSession();
      if (!session || !sessions || sessions.isIdle(session)) {
        if (session && sessions) await sessions.endLocalSession(store);
        if (live) setLoaded("signed-out");
        return;
      }
      // The fold's chunk is kept by the service worker; a tablet that never had it cannot fold offline.
      const [local, caseFold] = await Promise.all([store.getCase(id), loadCaseFold().catch(() => null)]);
      if (!caseFold) {
        if (live) setLoaded("not-ready");
        return;
      }
      const context = local ? await store.getContext(session.user.id) : undefined;
      if (!live) return;
      setLoaded(!local ? "missing" : !context ? "no-context" : { local, context, initial: caseFold.foldLogged(local.log) });
    })();
    return () => {
      live = false;
    };
  }, [store, id]);

  if (loaded === null) return <p className="p-6 text-lg text-slate-300">Opening the case on this tablet…</p>;
  if (loaded === "signed-out") {
    return (
      <main className="mx-auto flex max-w-3xl flex-col gap-4 px-6 py-10" data-testid="offline-signed-out">
        <h1 className="text-2xl font-bold text-sky-300">Nobody is signed in on this tablet</h1>
        <p className="text-lg text-slate-300">
          Sign in to open or continue a case. Cases taken in someone else&apos;s session are not kept here for the next person.
        </p>
        <a href="/sign-in" className="self-start rounded-xl border border-slate-600 px-5 py-3 text-lg font-semibold text-slate-100">
          Sign in
        </a>
      </main>
    );
  }
  if (typeof loaded === "string") {
    return (
      <main className="mx-auto flex max-w-3xl flex-col gap-4 px-6 py-10">
        <h1 className="text-2xl font-bold text-sky-300">
          {loaded === "not-ready" ? "This tablet is not ready to work offline yet" : "This case is not on this tablet"}
        </h1>
        <p className="text-lg text-slate-300">
          {loaded === "missing"
            ? "It was not opened here, or it has already been sent and cleared. With a connection, find it from the home screen."
            : "Sign in on this tablet once with a connection, and it will be ready to work offline."}
          {loaded === "not-ready" ? " The case is safe on this tablet and opens here once the Wi-Fi is back." : null}
        </p>
        <Link href="/" className="self-start rounded-xl border border-slate-600 px-5 py-3 text-lg font-semibold text-slate-100">
          Home
        </Link>
      </main>
    );
  }
  const { local, context, initial } = loaded;
  return (
    <>
      <AppHeader name={context.actor.name} role={context.actor.role} locationName={local.locationName || context.locationName} />
      <TabletSetup />
      <CaseCoach
        view={{ ...local, timeZone: local.timeZone ?? context.timeZone }}
        initial={initial}
        fromServer={false}
        rootCauses={context.rootCauses}
        deciders={context.deciders}
        actor={{ ...context.actor, authorityLimitCents: context.authorityLimitCents }}
        guidance={guidance}
      />
    </>
  );
}
