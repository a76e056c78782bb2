import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { listFloor } from "@/lib/heads-ups/list-floor";
import { handle } from "@/lib/http";

/** Polled by every tablet of the venue (the floor banner) every few seconds. */
export const GET = handle(async () => {
  const actor = await requireActor("headsUp.tell");
  return NextResponse.json(await listFloor(await getDb(), actor), { headers: { "cache-control": "no-store" } });
});
