import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getCase } from "@/lib/cases/get-case";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("case.view");
  const { id } = await params;
  return NextResponse.json(await getCase(await getDb(), actor, id), { headers: { "cache-control": "no-store" } });
});
