import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { getReplay } from "@/lib/training/get-replay";

/** One ended case for the replay player: redacted log, rubric, comments. */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("trainer.replay");
  const { id } = await params;
  return NextResponse.json(await getReplay(await getDb(), actor, id), { headers: { "cache-control": "no-store" } });
});
