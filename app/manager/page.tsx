import type { Metadata } from "next";
import { LiveBoard } from "@/components/manager/live-board";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { getLiveBoard } from "@/lib/manager/live-board";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Live board · Complaint Coach" };

export default async function ManagerBoardPage() {
  const actor = await requirePageActor("manager.desk");
  const board = await getLiveBoard(await getDb(), actor);
  return <LiveBoard initial={board} />;
}
