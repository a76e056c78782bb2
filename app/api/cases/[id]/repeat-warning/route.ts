import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { handle } from "@/lib/http";
import { getRepeatWarning } from "@/lib/manager/repeat-warning";

/** "The 3rd cold-food complaint tonight", for the staff member handling this case. */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("case.append");
  const { id } = await params;
  const warning = await getRepeatWarning(await getDb(), actor, id);
  return NextResponse.json({ messages: warning?.messages ?? [] }, { headers: { "cache-control": "no-store" } });
});
