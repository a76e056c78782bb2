import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { clearSessionCookie } from "@/lib/auth/current";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { signOut } from "@/lib/auth/sign-out";
import { getDb } from "@/lib/db/client";
import { handle, readJson } from "@/lib/http";

export const POST = handle(async (request: Request) => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const { ended, clearCookie } = await signOut(await getDb(), token, await readJson(request));
  // Another session's cookie (a sign-in made since) is left alone.
  if (clearCookie) await clearSessionCookie();
  return NextResponse.json({ ok: true, ended });
});
