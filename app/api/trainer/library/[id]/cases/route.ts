import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { addToCollection } from "@/lib/training/add-to-collection";

/** Puts a case in the collection, or updates its tags and note: { caseId, tags?, note? }. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("trainer.coach");
  const { id } = await params;
  return NextResponse.json(await addToCollection(await getDb(), actor, id, await readJson(request)));
});
