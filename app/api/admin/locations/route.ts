import { NextResponse } from "next/server";
import { createLocation } from "@/lib/admin/create-location";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";

export const POST = handle(async (request: Request) => {
  const actor = await requireActor("admin.manage");
  return NextResponse.json(await createLocation(await getDb(), actor, await readJson(request)), { status: 201 });
});
