import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { reopenCase } from "@/lib/manager/reopen-case";

/** Reopens a closed or abandoned case with a reason: case_reopened. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("manager.desk");
  const { id } = await params;
  const result = await reopenCase(await getDb(), actor, id, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
