import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { openCase } from "@/lib/cases/open-case";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";

export const POST = handle(async (request: Request) => {
  const actor = await requireActor("case.open");
  const result = await openCase(await getDb(), actor, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
