import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { openHeadsUpCase } from "@/lib/heads-ups/open-heads-up-case";
import { handle, readJson } from "@/lib/http";

export const POST = handle(async (request: Request) => {
  const actor = await requireActor("headsUp.tell");
  const result = await openHeadsUpCase(await getDb(), actor, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
