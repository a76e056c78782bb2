import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/playbook";
import type { Actor } from "./actor";
import { can, refusalFor, type Permission } from "./policy";
import { resolveSession, revokeSession, SESSION_COOKIE } from "./sessions";

/** A permission from lib/auth/policy.ts (preferred), or a list of roles (legacy). */
export type Need = Permission | readonly Role[];

function allows(actor: Actor, need: Need | undefined): boolean {
  if (need === undefined) return true;
  return typeof need === "string" ? can(actor, need) : need.includes(actor.role);
}

export async function currentActor(): Promise<Actor | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return resolveSession(await getDb(), token);
}

/**
 * For route handlers: 401 when nobody is signed in, 403 when the policy refuses.
 * Pass a permission (`requireActor("case.open")`); a role list still works but bypasses the policy table.
 */
export async function requireActor(need?: Need): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated", "Sign in first.");
  if (!allows(actor, need)) {
    throw new AppError("forbidden", typeof need === "string" ? refusalFor(need) : "Your role cannot do this.");
  }
  return actor;
}

/** For pages: send the visitor to sign in, or home with a reason, instead of failing. */
export async function requirePageActor(need?: Need): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (!allows(actor, need)) redirect("/?denied=1");
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

/** After a sign-in: the browser's previous session (if any) ends, and the new token replaces it. */
export async function startSession(session: { token: string; expiresAt: Date }): Promise<void> {
  const previous = (await cookies()).get(SESSION_COOKIE)?.value;
  if (previous && previous !== session.token) await revokeSession(await getDb(), previous);
  await setSessionCookie(session.token, session.expiresAt);
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
