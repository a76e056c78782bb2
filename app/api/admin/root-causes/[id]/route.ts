import { NextResponse } from "next/server";
import { renameRootCauseTag } from "@/lib/admin/rename-root-cause-tag";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson, withParams } from "@/lib/http";

/** Rename: { label }. Tags are never deleted; see ./deactivate. */
export const PATCH = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("admin.manage");
  const { id } = await params;
  const body = await readJson(request);
  return NextResponse.json(await renameRootCauseTag(await getDb(), actor, withParams(body, { tagId: id })));
});
