import "server-only";
import type { Db } from "@/lib/db/client";
import { HotBusy, hotAppender, type HotCaseRead } from "@/lib/db/hot-append";

/** What a sealed step is checked against: its key's secret, the session the key was made for, and that session's person. */
export type SealingSession = {
  secret: string;
  session: { id: string; locationId: string | null; deviceId: string | null; expiresAt: Date; revokedAt: Date | null; lastSeenAt: Date };
  user: { id: string; name: string; role: string; active: boolean; locationIds: string[] };
};

/**
 * The seal key `keyId` with its session and person, or null when there is no such key. One
 * statement on the append hot path's connection when the client has one (docs/decisions/0041:
 * every step a tablet on HTTPS sends is sealed); else Prisma's nested read, which stays the
 * reference (tests/integration/sealing-session.test.ts compares the two).
 *
 * With `caseId` (the case the tablet says the step is for, sent beside the seal) the same
 * statement reads that case when the key's person works where it is: `knownCase`, for
 * appendEvent, which uses it only if the sealed step names the same case. Otherwise null.
 */
export async function sealingSession(
  db: Db,
  keyId: string,
  caseId?: string,
): Promise<(SealingSession & { knownCase: HotCaseRead | null }) | null> {
  const hot = hotAppender(db);
  if (hot) {
    try {
      const { rows, knownCase } = await hot.sealKeyRows(keyId, caseId);
      const first = rows[0];
      if (!first) return null;
      return {
        knownCase,
        secret: first.secret,
        session: {
          id: first.id,
          locationId: first.locationId,
          deviceId: first.deviceId,
          expiresAt: first.expiresAt,
          revokedAt: first.revokedAt,
          lastSeenAt: first.lastSeenAt,
        },
        user: {
          id: first.userId,
          name: first.name,
          role: first.role,
          active: first.active,
          locationIds: rows.flatMap((r) => (r.memberOf === null ? [] : [r.memberOf])),
        },
      };
    } catch (error) {
      if (!(error instanceof HotBusy)) throw error;
    }
  }
  const key = await db.sealKey.findUnique({
    where: { id: keyId },
    select: {
      secret: true,
      session: {
        select: {
          id: true,
          locationId: true,
          deviceId: true,
          expiresAt: true,
          revokedAt: true,
          lastSeenAt: true,
          user: {
            select: {
              id: true,
              name: true,
              role: true,
              active: true,
              locations: { select: { locationId: true }, orderBy: { locationId: "asc" } },
            },
          },
        },
      },
    },
  });
  if (!key) return null;
  const { user, ...session } = key.session;
  const { locations, ...person } = user;
  return { secret: key.secret, session, user: { ...person, locationIds: locations.map((l) => l.locationId) }, knownCase: null };
}
