import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { searchParamsToObject } from "@/lib/manager/filters";
import { listHeldSteps } from "@/lib/manager/list-held-steps";

/** Steps captured offline that the server could not record, at the manager's locations, newest first. */
export const GET = handle(async (request: Request) => {
  const actor = await requireActor("manager.desk");
  const query = searchParamsToObject(new URL(request.url).searchParams);
  return NextResponse.json(await listHeldSteps(await getDb(), actor, query), { headers: { "cache-control": "no-store" } });
});
