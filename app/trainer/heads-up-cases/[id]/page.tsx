import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { HeadsUpReplay } from "@/components/trainer/heads-up/heads-up-replay";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getHeadsUpReplay, type HeadsUpReplayView } from "@/lib/heads-ups/get-heads-up-replay";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Heads-up replay · Complaint Coach" };

export default async function HeadsUpReplayPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("trainer.replay");
  const { id } = await params;
  let replay: HeadsUpReplayView;
  try {
    replay = await getHeadsUpReplay(await getDb(), actor, id);
  } catch (error) {
    if (isAppError(error) && (error.code === "not_found" || error.code === "invalid_input")) notFound();
    if (isAppError(error) && error.code === "forbidden") redirect("/?denied=1");
    if (isAppError(error) && error.code === "conflict") {
      return (
        <section className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900 p-6">
          <h1 className="text-3xl font-bold text-slate-50">Heads-up {String(error.details?.reference ?? "")} is still open</h1>
          <p className="text-lg text-slate-200">{error.message}</p>
          <a href="/trainer" className="self-start text-lg font-semibold text-sky-300 underline">
            Back to the cases
          </a>
        </section>
      );
    }
    throw error;
  }
  return <HeadsUpReplay replay={replay} />;
}
