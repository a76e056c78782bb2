import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { getLiveBoard } from "@/lib/manager/live-board";

/** Polled by the live board every 2.5 s. */
export const GET = handle(async () => {
  const actor = await requireActor("manager.desk");
  return NextResponse.json(await getLiveBoard(await getDb(), actor), { headers: { "cache-control": "no-store" } });
});
