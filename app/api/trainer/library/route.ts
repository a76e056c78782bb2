import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { searchParamsToObject } from "@/lib/manager/filters";
import { createCollection } from "@/lib/training/create-collection";
import { listLibrary } from "@/lib/training/list-library";

/** The case library (?q=&tag=&collection=). */
export const GET = handle(async (request: Request) => {
  const actor = await requireActor("trainer.replay");
  const query = searchParamsToObject(new URL(request.url).searchParams);
  return NextResponse.json(await listLibrary(await getDb(), actor, query), { headers: { "cache-control": "no-store" } });
});

/** A new collection: { name, description? }. */
export const POST = handle(async (request: Request) => {
  const actor = await requireActor("trainer.coach");
  return NextResponse.json(await createCollection(await getDb(), actor, await readJson(request)), { status: 201 });
});
