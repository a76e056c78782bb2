import { NextResponse } from "next/server";
import { deactivateRootCauseTag } from "@/lib/admin/deactivate-root-cause-tag";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";

export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("admin.manage");
  const { id } = await params;
  return NextResponse.json(await deactivateRootCauseTag(await getDb(), actor, { tagId: id }));
});
