import type { Metadata } from "next";
import Link from "next/link";
import { ReplayPlayer } from "@/components/trainer/replay/replay-player";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { pageResult } from "@/lib/page-errors";
import { getReplay } from "@/lib/training/get-replay";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Replay · Complaint Coach" };

export default async function ReplayPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("trainer.replay");
  const { id } = await params;
  const loaded = await pageResult(getReplay(await getDb(), actor, id), {
    notFound: ["not_found"],
    deniedTo: "/?denied=1",
    show: ["conflict"],
  });
  if (!loaded.ok) {
    const { error } = loaded;
    return (
      <section className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900 p-6">
        <h1 className="text-3xl font-bold text-slate-50">Case {String(error.details?.reference ?? "")} is still open</h1>
        <p className="text-lg text-slate-200">{error.message}</p>
        <Link href="/trainer" className="self-start text-lg font-semibold text-sky-300 underline">
          Back to the cases
        </Link>
      </section>
    );
  }
  return <ReplayPlayer replay={loaded.value} />;
}
