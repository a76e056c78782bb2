import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { revokeDevice } from "@/lib/devices/revoke-device";
import { handle } from "@/lib/http";

/** Unpairs a tablet: its credential stops working and its sessions end now. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor("device.revoke");
  const { id } = await params;
  return NextResponse.json(await revokeDevice(await getDb(), actor, { deviceId: id }));
});
