import { NextResponse } from "next/server";
import { deviceToken, setDeviceCookie } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { pairDevice } from "@/lib/devices/pair-device";
import { clientAddress, handle, readJson } from "@/lib/http";

/** The tablet side: a valid one-time code becomes this browser's device credential (a cookie). */
export const POST = handle(async (request: Request) => {
  const paired = await pairDevice(await getDb(), await readJson(request), {
    address: clientAddress(request),
    currentToken: await deviceToken(),
  });
  await setDeviceCookie(paired.token);
  return NextResponse.json({ device: paired.device });
});
