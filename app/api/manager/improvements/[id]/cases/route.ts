import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { linkImprovementCases } from "@/lib/manager/link-improvement-cases";

/** Links cases to an improvement. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("manager.desk");
  const { id } = await params;
  return NextResponse.json(await linkImprovementCases(await getDb(), actor, id, await readJson(request)));
});
