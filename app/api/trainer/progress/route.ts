import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { searchParamsToObject } from "@/lib/manager/filters";
import { getProgress } from "@/lib/training/get-progress";

/** Each person's rubric scores per week (?weeks=&location=): scores only, no case text. */
export const GET = handle(async (request: Request) => {
  const actor = await requireActor("trainer.progress");
  const query = searchParamsToObject(new URL(request.url).searchParams);
  return NextResponse.json(await getProgress(await getDb(), actor, query), { headers: { "cache-control": "no-store" } });
});
