import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/playbook";
import type { Actor } from "./actor";
import { resolveSession, SESSION_COOKIE } from "./sessions";

export async function currentActor(): Promise<Actor | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return resolveSession(await getDb(), token);
}

/** For route handlers: 401 when nobody is signed in, 403 when the role may not do this. */
export async function requireActor(roles?: readonly Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated", "Sign in first.");
  if (roles && !roles.includes(actor.role)) throw new AppError("forbidden", "Your role cannot do this.");
  return actor;
}

/** For pages: send the visitor to sign in instead of failing. */
export async function requirePageActor(roles?: readonly Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (roles && !roles.includes(actor.role)) redirect("/?denied=1");
  return actor;
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
