import { NextResponse } from "next/server";
import { createUser } from "@/lib/admin/create-user";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";

export const POST = handle(async (request: Request) => {
  const actor = await requireActor("admin.manage");
  return NextResponse.json(await createUser(await getDb(), actor, await readJson(request)), { status: 201 });
});
