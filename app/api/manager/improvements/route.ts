import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { createImprovement } from "@/lib/manager/create-improvement";
import { listImprovements } from "@/lib/manager/list-improvements";

export const GET = handle(async () => {
  const actor = await requireActor("manager.desk");
  return NextResponse.json(await listImprovements(await getDb(), actor), { headers: { "cache-control": "no-store" } });
});

/** Turns a recurring root cause into a tracked improvement, linking its cases. */
export const POST = handle(async (request: Request) => {
  const actor = await requireActor("manager.desk");
  return NextResponse.json(await createImprovement(await getDb(), actor, await readJson(request)), { status: 201 });
});
