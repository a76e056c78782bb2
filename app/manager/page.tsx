import type { Metadata } from "next";
import { FloorBanner } from "@/components/floor/floor-banner";
import { HeldStepsBadge } from "@/components/manager/held-steps-badge";
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
      {/* Held steps (docs/decisions/0019): counted here on the server, then kept up to date by the live stream. */}
      <HeldStepsBadge initial={heldSteps} />
      <LiveBoard initial={board} />
    </>
  );
}
