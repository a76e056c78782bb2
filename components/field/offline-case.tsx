"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { CaseCoach } from "@/components/case/case-coach";
import { AppHeader } from "@/components/ui/app-header";
import type { LocalCase, TabletContext } from "@/lib/client/tablet-store";
import { TabletSetup } from "./tablet-setup";
import { useTabletStore } from "./use-tablet";

type Loaded = { local: LocalCase; context: TabletContext } | "missing" | "no-context";

/** A case read from this tablet's store: same coach, same fold, steps queued for the server. */
export function OfflineCase() {
  const id = useSearchParams().get("id") ?? "";
  const store = useTabletStore();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!store) return;
    let live = true;
    void (async () => {
      const local = await store.getCase(id);
      const context = local ? await store.getContext() : undefined;
      if (!live) return;
      setLoaded(!local ? "missing" : !context ? "no-context" : { local, context });
    })();
    return () => {
      live = false;
    };
  }, [store, id]);

  if (loaded === null) return <p className="p-6 text-lg text-slate-300">Opening the case on this tablet…</p>;
  if (typeof loaded === "string") {
    return (
      <main className="mx-auto flex max-w-3xl flex-col gap-4 px-6 py-10">
        <h1 className="text-2xl font-bold text-sky-300">This case is not on this tablet</h1>
        <p className="text-lg text-slate-300">
          {loaded === "missing"
            ? "It was not opened here, or it has already been sent and cleared. With a connection, find it from the home screen."
            : "Sign in on this tablet once with a connection, and it will be ready to work offline."}
        </p>
        <Link href="/" className="self-start rounded-xl border border-slate-600 px-5 py-3 text-lg font-semibold text-slate-100">
          Home
        </Link>
      </main>
    );
  }
  const { local, context } = loaded;
  return (
    <>
      <AppHeader name={context.actor.name} role={context.actor.role} locationName={local.locationName || context.locationName} />
      <TabletSetup actorId={context.actor.id} />
      <CaseCoach view={local} fromServer={false} rootCauses={context.rootCauses} deciders={context.deciders} actor={context.actor} />
    </>
  );
}
