import { NextResponse } from "next/server";
import { setAuthorityLimit } from "@/lib/admin/set-authority-limit";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson, withParams } from "@/lib/http";

/** Set: { pounds }. */
export const PUT = handle(async (request: Request, { params }: { params: Promise<{ role: string }> }) => {
  const actor = await requireActor("admin.manage");
  const { role } = await params;
  const body = await readJson(request);
  return NextResponse.json(await setAuthorityLimit(await getDb(), actor, withParams(body, { role })));
});
