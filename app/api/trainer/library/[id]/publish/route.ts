import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { publishCollection } from "@/lib/training/publish-collection";

/** Publish a collection to staff practice lists, or take it back to a draft: { published }. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("trainer.coach");
  const { id } = await params;
  return NextResponse.json(await publishCollection(await getDb(), actor, id, await readJson(request)));
});
