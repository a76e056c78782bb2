import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { setImprovementStatus } from "@/lib/manager/complete-improvement";

/** Marks an improvement done (or open again). */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("manager.desk");
  const { id } = await params;
  return NextResponse.json(await setImprovementStatus(await getDb(), actor, id, await readJson(request)));
});
