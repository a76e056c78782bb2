import type { Metadata } from "next";
import Link from "next/link";
import { FloorBanner } from "@/components/floor/floor-banner";
import { LiveBoard } from "@/components/manager/live-board";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { countHeldSteps } from "@/lib/manager/count-held-steps";
import { getLiveBoard } from "@/lib/manager/live-board";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Live board · Complaint Coach" };

export default async function ManagerBoardPage() {
  const actor = await requirePageActor("manager.desk");
  const db = await getDb();
  const [board, heldSteps] = await Promise.all([getLiveBoard(db, actor), countHeldSteps(db, actor)]);
  // The floor: live heads-ups, and every promise at the venue running late that nobody has gone back about.
  return (
    <>
      <FloorBanner compact />
      {heldSteps > 0 ? (
        <Link
          href="/manager/held-steps"
          data-testid="held-steps-badge"
          className="flex min-h-12 flex-wrap items-center gap-3 rounded-xl border-2 border-amber-300 bg-amber-950/60 px-4 py-3 text-lg text-amber-50 hover:bg-amber-900/60"
        >
          <span className="rounded-full bg-amber-300 px-3 py-0.5 text-base font-bold tabular-nums text-slate-950">{heldSteps}</span>
          <span>
            {heldSteps === 1 ? "A step" : `${heldSteps} steps`} taken offline could not be recorded once the case had moved on.{" "}
            <span className="font-semibold underline underline-offset-4">Review held steps</span>
          </span>
        </Link>
      ) : null}
      <LiveBoard initial={board} />
    </>
  );
}
