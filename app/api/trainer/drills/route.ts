import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { assignDrill } from "@/lib/training/assign-drill";

/** A trainer assigns a drill: { sourceCaseId, assigneeId | team: true, dueAt, note? }. */
export const POST = handle(async (request: Request) => {
  const actor = await requireActor("trainer.coach");
  return NextResponse.json(await assignDrill(await getDb(), actor, await readJson(request)), { status: 201 });
});
