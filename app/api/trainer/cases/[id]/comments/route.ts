import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { pinComment } from "@/lib/training/pin-comment";

/** A trainer pins a coaching comment to one step: { eventSequence, text, staffId? }. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("trainer.coach");
  const { id } = await params;
  return NextResponse.json(await pinComment(await getDb(), actor, id, await readJson(request)), { status: 201 });
});
