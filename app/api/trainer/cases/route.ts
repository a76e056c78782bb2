import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { searchParamsToObject } from "@/lib/manager/filters";
import { listReplayCases } from "@/lib/training/list-replay-cases";

/** Ended cases to replay, with scores (same query string as /trainer). Customer details masked. */
export const GET = handle(async (request: Request) => {
  const actor = await requireActor("trainer.replay");
  const query = searchParamsToObject(new URL(request.url).searchParams);
  return NextResponse.json(await listReplayCases(await getDb(), actor, query), { headers: { "cache-control": "no-store" } });
});
