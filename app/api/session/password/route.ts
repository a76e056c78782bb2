import { NextResponse } from "next/server";
import { currentDevice, startSession } from "@/lib/auth/current";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { getDb } from "@/lib/db/client";
import { clientAddress, handle, readJson } from "@/lib/http";

export const POST = handle(async (request: Request) => {
  const input = await readJson(request);
  const session = await signInWithPassword(await getDb(), input, { address: clientAddress(request), device: await currentDevice() });
  await startSession(session);
  return NextResponse.json({ ok: true });
});
