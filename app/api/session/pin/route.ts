import { NextResponse } from "next/server";
import { setSessionCookie } from "@/lib/auth/current";
import { signInWithPin } from "@/lib/auth/sign-in-with-pin";
import { getDb } from "@/lib/db/client";
import { assertSameOrigin, handle, readJson } from "@/lib/http";

export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const session = await signInWithPin(await getDb(), await readJson(request));
  await setSessionCookie(session.token, session.expiresAt);
  return NextResponse.json({ ok: true });
});
