import { NextResponse } from "next/server";
import { renameLocation } from "@/lib/admin/rename-location";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson, withParams } from "@/lib/http";

/** Rename: { name }. */
export const PATCH = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("admin.manage");
  const { id } = await params;
  const body = await readJson(request);
  return NextResponse.json(await renameLocation(await getDb(), actor, withParams(body, { locationId: id })));
});
