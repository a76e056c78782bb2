import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { closeCase } from "@/lib/manager/close-case";

/** Closes the case when the playbook allows it (with an optional reason, kept as a manager's note). */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("manager.desk");
  const { id } = await params;
  const result = await closeCase(await getDb(), actor, id, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
