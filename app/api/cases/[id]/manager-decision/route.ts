import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { decideOnTablet } from "@/lib/cases/decide-on-tablet";
import { getDb } from "@/lib/db/client";
import { clientAddress, handle, readJson } from "@/lib/http";

/** A manager's decision given on the staff tablet, confirmed with the manager's PIN. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("case.append");
  const { id } = await params;
  const result = await decideOnTablet(await getDb(), actor, id, await readJson(request), { address: clientAddress(request) });
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
