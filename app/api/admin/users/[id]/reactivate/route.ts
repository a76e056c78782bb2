import { NextResponse } from "next/server";
import { reactivateUser } from "@/lib/admin/reactivate-user";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";

export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("admin.manage");
  const { id } = await params;
  return NextResponse.json(await reactivateUser(await getDb(), actor, { userId: id }));
});
