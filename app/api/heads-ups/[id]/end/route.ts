import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { endHeadsUp } from "@/lib/heads-ups/end-heads-up";
import { handle, readJson } from "@/lib/http";

export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("headsUp.raise");
  const { id } = await params;
  return NextResponse.json(await endHeadsUp(await getDb(), actor, id, await readJson(request)));
});
