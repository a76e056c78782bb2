import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { countHeldSteps } from "@/lib/manager/count-held-steps";
import { searchParamsToObject } from "@/lib/manager/filters";

/**
 * How many held steps at the manager's locations are still to review: the badge on the live board
 * refetches it when the live stream says a step was held or reviewed there (docs/decisions/0019).
 */
export const GET = handle(async (request: Request) => {
  const actor = await requireActor("manager.desk");
  const query = searchParamsToObject(new URL(request.url).searchParams);
  const unreviewed = await countHeldSteps(await getDb(), actor, query);
  return NextResponse.json({ unreviewed }, { headers: { "cache-control": "no-store" } });
});
