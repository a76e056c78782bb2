import { NextResponse } from "next/server";
import { addRootCauseTag } from "@/lib/admin/add-root-cause-tag";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";

export const POST = handle(async (request: Request) => {
  const actor = await requireActor("admin.manage");
  return NextResponse.json(await addRootCauseTag(await getDb(), actor, await readJson(request)), { status: 201 });
});
