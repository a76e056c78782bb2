import "server-only";
import type { Db } from "@/lib/db/client";
import { engineOf } from "@/lib/db/engine";
import { HotBusy, SESSION_READ, hotAppender, type HotCaseRead, type HotSessionRow } from "@/lib/db/hot-append";
import { serialiseWrite } from "@/lib/db/write-lock";
import { publishSessionsEnded } from "@/lib/live/publish-change";
import { ROLES, type Role } from "@/lib/playbook";
import type { Actor } from "./actor";
import { hashToken, newSessionToken } from "./tokens";

/** A shared tablet signs itself out after a quiet spell; no session outlives a shift. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = "coach_session";
/** The paired tablet's credential: a random token, its hash in the Device table. */
export const DEVICE_COOKIE = "coach_device";
/**
 * Sessions (and the keys their tablets sealed steps with) are kept this long after they expire:
 * a step captured offline may wait a week on a tablet (lib/cases/client-event.ts MAX_OFFLINE_MS)
 * and still count as its author's. Older ones are deleted.
 */
export const SESSION_KEPT_AFTER_EXPIRY_MS = 8 * 24 * 60 * 60 * 1000;

type SessionRow = HotSessionRow;

/**
 * The session, its user, its tablet and the user's locations (one row per location): one
 * statement on every request (docs/decisions/0023), a cached one on the append hot path's own
 * connection when the client has one (0029), else the same SQL through Prisma.
 */
async function sessionRows(db: Db, tokenHash: string): Promise<SessionRow[]> {
  const hot = hotAppender(db);
  if (hot) {
    try {
      return await hot.sessionRows(tokenHash);
    } catch (error) {
      if (!(error instanceof HotBusy)) throw error;
    }
  }
  // The same statement through Prisma: SQLite's driver numbers its parameters `?`, PostgreSQL's `$1`.
  const sql = engineOf(db) === "sqlite" ? SESSION_READ.replace(/\$\d+/g, "?") : SESSION_READ;
  return db.$queryRawUnsafe<SessionRow[]>(sql, tokenHash);
}

export type NewSession = { id: string; token: string; expiresAt: Date };

export async function createSession(
  db: Db,
  userId: string,
  locationId: string | null,
  now = new Date(),
  deviceId: string | null = null,
): Promise<NewSession> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const created = await serialiseWrite(async () => {
    await db.session.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - SESSION_KEPT_AFTER_EXPIRY_MS) } } });
    return db.session.create({
      data: { tokenHash: hashToken(token), userId, locationId, deviceId, createdAt: now, lastSeenAt: now, expiresAt },
      select: { id: true },
    });
  });
  return { id: created.id, token, expiresAt };
}

export async function revokeSession(db: Db, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  const { count } = await serialiseWrite(() =>
    db.session.updateMany({ where: { tokenHash, revokedAt: null }, data: { revokedAt: new Date() } }),
  );
  if (count === 0) return;
  // Its live streams, on every instance, end now rather than at their next heartbeat.
  const ended = await db.session.findUnique({ where: { tokenHash }, select: { id: true } });
  if (ended) await publishSessionsEnded(db, { by: "session", id: ended.id });
}

/**
 * Sign-out: ends the session behind `token` — only if it is `sessionId`, when one is named. A
 * tablet telling the server late about a session it ended without Wi-Fi names it, so a sign-in
 * made since (a new cookie) is never ended by mistake. True when the cookie's session was ended.
 */
export async function signOutSession(db: Db, token: string | undefined, sessionId?: string): Promise<boolean> {
  if (!token) return false;
  if (sessionId) {
    const session = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true } });
    if (session?.id !== sessionId) return false;
  }
  await revokeSession(db, token);
  return true;
}

/**
 * The actor behind a session token, or null when it is unknown, revoked, idle or expired. A
 * session started on a paired tablet also needs that tablet's credential (`deviceToken`), and
 * ends when the tablet is unpaired: a session cookie copied elsewhere is worth nothing.
 */
export async function resolveSession(
  db: Db,
  token: string | undefined,
  now = new Date(),
  deviceToken?: string,
  { touch = true }: { touch?: boolean } = {},
): Promise<Actor | null> {
  if (!token) return null;
  // One statement (where a findUnique with nested includes sent four).
  return actorOf(db, await sessionRows(db, hashToken(token)), now, deviceToken, touch);
}

/**
 * resolveSession for a step to the case `caseId`, with the case read in the same statement when
 * the client has the hot path (docs/decisions/0041). `knownCase` is the case's row only when the
 * session is good and its user works where the case is; the caller still checks the actor's
 * access to it (appendEvent does, as for a case it reads itself). Otherwise it is null, and the
 * caller reads the case as before.
 */
export async function resolveSessionWithCase(
  db: Db,
  token: string | undefined,
  now: Date,
  deviceToken: string | undefined,
  caseId: string,
): Promise<{ actor: Actor | null; knownCase: HotCaseRead | null }> {
  if (!token) return { actor: null, knownCase: null };
  const hot = hotAppender(db);
  if (hot) {
    try {
      const { rows, knownCase } = await hot.sessionRowsWithCase(hashToken(token), caseId);
      const actor = await actorOf(db, rows, now, deviceToken, true);
      return { actor, knownCase: actor ? knownCase : null };
    } catch (error) {
      if (!(error instanceof HotBusy)) throw error;
    }
  }
  return { actor: await resolveSession(db, token, now, deviceToken), knownCase: null };
}

/** The actor from the session's rows, or null when the session is unknown, revoked, idle, expired or on a tablet it does not match. */
async function actorOf(db: Db, rows: SessionRow[], now: Date, deviceToken: string | undefined, touch: boolean): Promise<Actor | null> {
  const session = rows[0];
  if (!session || session.revokedAt || !session.active) return null;
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  if (session.deviceRowId !== null && (session.deviceRevokedAt || !deviceToken || hashToken(deviceToken) !== session.deviceTokenHash)) {
    return null;
  }
  // Touch at most once a minute: reads stay reads.
  // (A live stream re-checking its session passes touch: false: holding a stream open is not using the tablet.)
  if (touch && now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await serialiseWrite(() => db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } }));
  }
  const role = ROLES.includes(session.role as Role) ? (session.role as Role) : "staff";
  return {
    id: session.userId,
    name: session.name,
    role,
    locationIds: rows.flatMap((r) => (r.memberOf === null ? [] : [r.memberOf])),
    currentLocationId: session.locationId,
    sessionId: session.id,
    deviceId: session.deviceId,
  };
}
