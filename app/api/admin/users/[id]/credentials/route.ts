import { NextResponse } from "next/server";
import { resetCredentials } from "@/lib/admin/reset-credentials";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson, withParams } from "@/lib/http";

/** A new PIN and/or password for someone who forgot theirs. */
export const PUT = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("admin.manage");
  const { id } = await params;
  const body = await readJson(request);
  return NextResponse.json(await resetCredentials(await getDb(), actor, withParams(body, { userId: id })));
});
