import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { acknowledgeComment } from "@/lib/training/acknowledge-comment";

/** "I've read this": the member of staff acknowledges a coaching comment left for them. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("feedback.own");
  const { id } = await params;
  return NextResponse.json(await acknowledgeComment(await getDb(), actor, id));
});
