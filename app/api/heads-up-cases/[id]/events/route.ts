import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { appendHeadsUpEvent } from "@/lib/heads-ups/append-heads-up-event";
import { handle, readJson } from "@/lib/http";

/** Every step of a heads-up case goes through here. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("headsUp.tell");
  const { id } = await params;
  const result = await appendHeadsUpEvent(await getDb(), actor, id, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
