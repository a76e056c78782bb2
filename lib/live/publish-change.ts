import "server-only";
import type { Db } from "@/lib/db/client";
import { engineOf } from "@/lib/db/engine";
import { liveHub } from "./hub";
import { encodeNotice, encodeSessionsEnded, LIVE_CHANNEL, type LiveNotice, type SessionsEnded } from "./notice";

let warned = false;

/**
 * Tells every instance's live streams that something changed (docs/decisions/0026). Called by the
 * writing use-cases right after their transaction commits (a rolled-back attempt, or a step sent
 * again, tells nobody). On PostgreSQL a pg_notify, which every process's listener hears, this one
 * included; on SQLite straight to this process's hub. Never fails the write: a lost notice costs
 * one poll interval, as clients keep polling.
 */
export async function publishChange(db: Db, notice: LiveNotice): Promise<void> {
  try {
    if (engineOf(db) === "postgresql") await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${encodeNotice(notice)})`;
    else liveHub(db).deliver({ kind: "notice", notice });
  } catch (error) {
    if (!warned) console.warn("live: a change notice could not be sent; clients will see it on their next poll", error);
    warned = true;
  }
}

/**
 * Tells every instance's live streams that sessions ended (docs/decisions/0026): the streams of
 * those sessions re-check theirs at once and end with `event: signed-out`, instead of at their next
 * heartbeat (up to 15 s later). Called after the revoking write commits; never fails it (the
 * heartbeat's re-check still ends the stream).
 */
export async function publishSessionsEnded(db: Db, ended: SessionsEnded): Promise<void> {
  try {
    if (engineOf(db) === "postgresql") await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${encodeSessionsEnded(ended)})`;
    else liveHub(db).deliver({ kind: "ended", ended });
  } catch (error) {
    if (!warned) console.warn("live: a sessions-ended notice could not be sent; streams end at their next heartbeat", error);
    warned = true;
  }
}
