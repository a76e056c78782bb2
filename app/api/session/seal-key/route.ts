import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { registerSealKey } from "@/lib/steps/register-seal-key";

/** The signed-in tablet registers the public half of its key for sealing steps (lib/steps/seal.ts). */
export const POST = handle(async (request: Request) => {
  const actor = await requireActor();
  return NextResponse.json(await registerSealKey(await getDb(), actor, await readJson(request)), { status: 201 });
});
