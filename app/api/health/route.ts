import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { searchParamsToObject } from "@/lib/manager/filters";
import { checkHealth } from "@/lib/ops/check-health";

/**
 * The load balancer's probe (README, "Running a chain"): 200 when this instance's database
 * answers, 503 when it does not. Open to anyone, as a probe must be; it reveals nothing else.
 */
export const GET = handle(async (request: Request) => {
  const health = await checkHealth(getDb, searchParamsToObject(new URL(request.url).searchParams));
  return NextResponse.json(health, { headers: { "cache-control": "no-store" } });
});
