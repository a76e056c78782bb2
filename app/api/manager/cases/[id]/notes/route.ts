import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { addManagerNote } from "@/lib/manager/add-manager-note";

/** A manager's note on the case: manager_note_added. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("manager.desk");
  const { id } = await params;
  const result = await addManagerNote(await getDb(), actor, id, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
