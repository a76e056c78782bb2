import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { startComplaintFromHeadsUp } from "@/lib/heads-ups/start-complaint";
import { handle, readJson } from "@/lib/http";

/** The customer complains after all: a complaint case opens at Listen with the heads-up's context. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("case.open");
  const { id } = await params;
  const result = await startComplaintFromHeadsUp(await getDb(), actor, id, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
