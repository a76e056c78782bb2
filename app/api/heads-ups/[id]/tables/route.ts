import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { tellTable } from "@/lib/heads-ups/tell-table";
import { handle, readJson } from "@/lib/http";

/** Ticks a table or room off a live heads-up: who told them, what they chose. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("headsUp.tell");
  const { id } = await params;
  const result = await tellTable(await getDb(), actor, id, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
