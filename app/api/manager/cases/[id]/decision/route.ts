import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { decideRequest } from "@/lib/manager/decide-request";

/** A manager approves or declines a request from the floor: manager_decided, recorded as the manager. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("manager.desk");
  const { id } = await params;
  const result = await decideRequest(await getDb(), actor, id, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
