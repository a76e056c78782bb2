import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { appendEvent } from "@/lib/cases/append-event";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";

/** The one endpoint every step of a live case goes through. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("case.append");
  const { id } = await params;
  const result = await appendEvent(await getDb(), actor, id, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
