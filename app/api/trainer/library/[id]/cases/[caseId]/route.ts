import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { removeFromCollection } from "@/lib/training/remove-from-collection";

/** Takes the case out of the collection. */
export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ id: string; caseId: string }> }) => {
  const actor = await requireActor("trainer.coach");
  const { id, caseId } = await params;
  return NextResponse.json(await removeFromCollection(await getDb(), actor, id, caseId));
});
