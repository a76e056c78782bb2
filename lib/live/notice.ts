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
};

/** The channel every process LISTENs on (PostgreSQL) — one for all venues; the stream filters. */
export const LIVE_CHANNEL = "coach_live";

const id = z.string().min(1).max(64);
const wireSchema = z.object({ l: id, c: id.optional(), f: z.literal(1).optional() });

/** The compact form sent through pg_notify (well under its 8,000-byte limit). */
export function encodeNotice(notice: LiveNotice): string {
  return JSON.stringify({ l: notice.locationId, ...(notice.caseId ? { c: notice.caseId } : {}), ...(notice.floor ? { f: 1 } : {}) });
}

/** A notice from the channel, or null for anything that is not one of ours. */
export function decodeNotice(payload: string | undefined): LiveNotice | null {
  if (!payload || payload.length > 1000) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  const result = wireSchema.safeParse(parsed);
  if (!result.success) return null;
  const { l, c, f } = result.data;
  return { locationId: l, ...(c ? { caseId: c } : {}), ...(f ? { floor: true } : {}) };
}
