import type { Metadata } from "next";
import { FloorBanner } from "@/components/floor/floor-banner";
import { LiveBoard } from "@/components/manager/live-board";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { getLiveBoard } from "@/lib/manager/live-board";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Live board · Complaint Coach" };

export default async function ManagerBoardPage() {
  const actor = await requirePageActor("manager.desk");
  const board = await getLiveBoard(await getDb(), actor);
  // The floor: live heads-ups, and every promise at the venue running late that nobody has gone back about.
  return (
    <>
      <FloorBanner compact />
      <LiveBoard initial={board} />
    </>
  );
}
