import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { listMyFeedback } from "@/lib/training/list-my-feedback";

/** My scored cases and the coaching comments left for me. */
export const GET = handle(async () => {
  const actor = await requireActor("feedback.own");
  return NextResponse.json(await listMyFeedback(await getDb(), actor), { headers: { "cache-control": "no-store" } });
});
