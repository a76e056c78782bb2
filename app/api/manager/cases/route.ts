import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { searchParamsToObject } from "@/lib/manager/filters";
import { listCaseQueue } from "@/lib/manager/list-queue";

/** One page of the filtered case queue as JSON (same query string as /manager/cases). */
export const GET = handle(async (request: Request) => {
  const actor = await requireActor("manager.desk");
  const query = searchParamsToObject(new URL(request.url).searchParams);
  return NextResponse.json(await listCaseQueue(await getDb(), actor, query), { headers: { "cache-control": "no-store" } });
});
