import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { ROLES, type Role } from "@/lib/playbook";
import type { Actor } from "./actor";
import { hashToken, newSessionToken } from "./tokens";

/** A shared tablet signs itself out after a quiet spell; no session outlives a shift. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = "coach_session";

export async function createSession(db: Db, userId: string, locationId: string | null, now = new Date()) {
  const token = newSessionToken();
  await serialiseWrite(() =>
    db.session.create({
      data: { tokenHash: hashToken(token), userId, locationId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
    }),
  );
  return { token, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) };
}

export async function revokeSession(db: Db, token: string): Promise<void> {
  await serialiseWrite(() =>
    db.session.updateMany({ where: { tokenHash: hashToken(token), revokedAt: null }, data: { revokedAt: new Date() } }),
  );
}

/** The actor behind a session token, or null when it is unknown, revoked, idle or expired. */
export async function resolveSession(db: Db, token: string | undefined, now = new Date()): Promise<Actor | null> {
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { locations: true } } },
  });
  if (!session || session.revokedAt || !session.user.active) return null;
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  // Touch at most once a minute: reads stay reads.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await serialiseWrite(() => db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } }));
  }
  const role = ROLES.includes(session.user.role as Role) ? (session.user.role as Role) : "staff";
  return {
    id: session.user.id,
    name: session.user.name,
    role,
    locationIds: session.user.locations.map((l) => l.locationId),
    currentLocationId: session.locationId,
  };
}
