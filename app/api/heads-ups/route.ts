import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { raiseHeadsUp } from "@/lib/heads-ups/raise-heads-up";
import { handle, readJson } from "@/lib/http";

export const POST = handle(async (request: Request) => {
  const actor = await requireActor("headsUp.raise");
  const result = await raiseHeadsUp(await getDb(), actor, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
