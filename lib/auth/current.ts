import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { resolveDevice, type PairedDevice } from "@/lib/devices/resolve-device";
import type { Actor } from "./actor";
import { allows, authorise, type Need } from "./authorise";
import { DEVICE_COOKIE, resolveSession, revokeSession, SESSION_COOKIE } from "./sessions";

export { DEVICE_COOKIE, type Need };

/** Browsers keep a cookie at most 400 days; a tablet is re-paired if it was put away that long. */
const DEVICE_COOKIE_MS = 400 * 24 * 60 * 60 * 1000;

/**
 * Demo mode (`npm run demo`, docs/decisions/0014-demo-over-plain-http.md): cookies without the
 * Secure flag, so a tablet on the venue's network can sign in over plain http. Production sends
 * Secure cookies only.
 */
export function isDemoMode(): boolean {
  return process.env.COACH_DEMO === "1";
}

function secureCookies(): boolean {
  return process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1" && !isDemoMode();
}

/** The raw device credential this browser sent, if any. */
export async function deviceToken(): Promise<string | undefined> {
  return (await cookies()).get(DEVICE_COOKIE)?.value;
}

/** The paired tablet this request comes from, or null. Once per request. */
export const currentDevice = cache(async (): Promise<PairedDevice | null> => resolveDevice(await getDb(), await deviceToken()));

/** Once per request: a page and its layout ask the same question. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  return resolveSession(await getDb(), jar.get(SESSION_COOKIE)?.value, new Date(), jar.get(DEVICE_COOKIE)?.value);
});

/**
 * For a long-lived answer (the live stream): a check, to be called now and then, of whether this
 * request's session is still good — not revoked, expired, idle, its user deactivated or its tablet
 * unpaired. It reads the cookies once, now, and never counts as activity on the session.
 */
export async function sessionWatch(): Promise<() => Promise<boolean>> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  const device = jar.get(DEVICE_COOKIE)?.value;
  return async () => (await resolveSession(await getDb(), token, new Date(), device, { touch: false })) !== null;
}

/**
 * For route handlers: 401 when nobody is signed in, 403 when the policy refuses.
 * Pass a permission (`requireActor("case.open")`); a role list still works but bypasses the policy table.
 */
export async function requireActor(need?: Need): Promise<Actor> {
  return authorise(await currentActor(), need);
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
    secure: secureCookies(),
    path: "/",
    expires: expiresAt,
  });
}

export async function setDeviceCookie(token: string, now = new Date()): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    expires: new Date(now.getTime() + DEVICE_COOKIE_MS),
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
