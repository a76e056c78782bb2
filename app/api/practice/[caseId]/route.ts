import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { startPractice } from "@/lib/training/start-practice";

/** Starts a practice run on this ended case: { clientEventId }. Answers with the practice case's id. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ caseId: string }> }) => {
  const actor = await requireActor("practice.run");
  const { caseId } = await params;
  const result = await startPractice(await getDb(), actor, caseId, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
