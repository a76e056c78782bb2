import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { createPairingCode } from "@/lib/devices/create-pairing-code";
import { handle, readJson } from "@/lib/http";

/** A manager or admin makes a one-time code to pair one tablet to a venue. */
export const POST = handle(async (request: Request) => {
  const actor = await requireActor("device.pair");
  return NextResponse.json(await createPairingCode(await getDb(), actor, await readJson(request)), { status: 201 });
});
