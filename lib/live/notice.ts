import "server-only";
import { z } from "zod";

/**
 * What a write tells the live streams (docs/decisions/0026): ids only, never case content. A
 * client that hears one fetches what it already fetches (the board, its case, the floor), through
 * the same authorised routes as before.
 */
export type LiveNotice = {
  /** The venue the change happened at: a stream only ever hears its own venues' notices. */
  locationId: string;
  /** The complaint case that changed (board and case views refetch). */
  caseId?: string;
  /** The floor banner changed (heads-ups, tables told, an agreed action's promise). */
  floor?: boolean;
  /** A step was held at this venue, or a held step reviewed: the managers' held-steps badge refetches (docs/decisions/0019). */
  held?: boolean;
};

/**
 * Sessions ended on the server (signed out, revoked by a manager or admin, a person deactivated, a
 * tablet unpaired): every instance's streams of those sessions re-check theirs at once and end,
 * rather than at their next heartbeat (docs/decisions/0026). Ids only; which sessions is said by
 * one of: the session, its person, its tablet.
 */
export type SessionsEnded = { by: "session" | "user" | "device"; id: string };

/** What travels on the channel: a change notice, or sessions ended. */
export type LiveMessage = { kind: "notice"; notice: LiveNotice } | { kind: "ended"; ended: SessionsEnded };

/** The channel every process LISTENs on (PostgreSQL) — one for all venues; the stream filters. */
export const LIVE_CHANNEL = "coach_live";

const id = z.string().min(1).max(64);
const wireSchema = z.object({ l: id, c: id.optional(), f: z.literal(1).optional(), h: z.literal(1).optional() });
const endedWireSchema = z.object({ e: z.enum(["s", "u", "d"]), i: id });
const BY = { s: "session", u: "user", d: "device" } as const;

/** The compact form sent through pg_notify (well under its 8,000-byte limit). */
export function encodeNotice(notice: LiveNotice): string {
  return JSON.stringify({
    l: notice.locationId,
    ...(notice.caseId ? { c: notice.caseId } : {}),
    ...(notice.floor ? { f: 1 } : {}),
    ...(notice.held ? { h: 1 } : {}),
  });
}

/** The compact form of "these sessions ended". */
export function encodeSessionsEnded(ended: SessionsEnded): string {
  return JSON.stringify({ e: ended.by[0], i: ended.id });
}

/** A notice from the channel, or null for anything that is not one. */
export function decodeNotice(payload: string | undefined): LiveNotice | null {
  const message = decodeMessage(payload);
  return message?.kind === "notice" ? message.notice : null;
}

/** A message from the channel, or null for anything that is not one of ours. */
export function decodeMessage(payload: string | undefined): LiveMessage | null {
  if (!payload || payload.length > 1000) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  const ended = endedWireSchema.safeParse(parsed);
  if (ended.success) return { kind: "ended", ended: { by: BY[ended.data.e], id: ended.data.i } };
  const result = wireSchema.safeParse(parsed);
  if (!result.success) return null;
  const { l, c, f, h } = result.data;
  return {
    kind: "notice",
    notice: { locationId: l, ...(c ? { caseId: c } : {}), ...(f ? { floor: true } : {}), ...(h ? { held: true } : {}) },
  };
}
