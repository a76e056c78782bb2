import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { reviewHeldStep } from "@/lib/manager/review-held-step";

/** Marks a held step reviewed: recorded by hand, or no longer needed, with a short note. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("manager.desk");
  const { id } = await params;
  return NextResponse.json(await reviewHeldStep(await getDb(), actor, id, await readJson(request)));
});
