import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { clearSessionCookie } from "@/lib/auth/current";
import { revokeSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { assertSameOrigin, handle } from "@/lib/http";

export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) await revokeSession(await getDb(), token);
  await clearSessionCookie();
  return NextResponse.json({ ok: true });
});
