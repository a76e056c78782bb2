import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { searchParamsToObject } from "@/lib/manager/filters";
import { getInsights } from "@/lib/manager/insights";

/** The insights figures as JSON (same query string as /manager/insights). */
export const GET = handle(async (request: Request) => {
  const actor = await requireActor("manager.desk");
  const query = searchParamsToObject(new URL(request.url).searchParams);
  return NextResponse.json(await getInsights(await getDb(), actor, query), { headers: { "cache-control": "no-store" } });
});
