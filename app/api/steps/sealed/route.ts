import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";
import { appendSealedStep } from "@/lib/steps/append-sealed-step";

/**
 * Steps sealed on a tablet (lib/steps/append-sealed-step.ts). No session cookie is needed: the
 * seal says whose step it is, also after their session has ended; a seal that does not verify is 403.
 */
export const POST = handle(async (request: Request) => {
  const result = await appendSealedStep(await getDb(), await readJson(request));
  return NextResponse.json(result, { status: result.held ? 202 : result.duplicate ? 200 : 201 });
});
