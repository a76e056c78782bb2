import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { floorLocations } from "@/lib/heads-ups/common";
import { parseInput } from "@/lib/validation";

/** GET /api/live?case=<id>: the case this page shows, if any (its own notices come through then). */
export const liveQuerySchema = z.object({
  case: z.string().trim().min(1, "Name a case, or leave the parameter out").max(64, "That is not a case id").optional(),
});

/**
 * What one stream may hear, decided once, on the server, from the session: the board's venues
 * (managers: every case change there), the floor's venue (heads-ups and late promises), and the
 * one case the page follows (checked like reading it live: the person works where it is).
 * Another venue's notices are never in it.
 */
export type LiveFeed = {
  boardLocations: ReadonlySet<string>;
  floorLocations: ReadonlySet<string>;
  caseId: string | null;
  caseLocationId: string | null;
};

export async function openLiveFeed(db: Db, actor: Actor, query: unknown): Promise<LiveFeed> {
  assertCan(actor, "live.follow");
  const { case: caseId } = parseInput(liveQuerySchema, query);
  let caseLocationId: string | null = null;
  if (caseId) {
    assertCan(actor, "case.viewLive");
    const row = await db.case.findUnique({ where: { id: caseId }, select: { locationId: true } });
    if (!row) throw new AppError("not_found", "No case with that id.");
    assertAtLocation(actor, row.locationId);
    caseLocationId = row.locationId;
  }
  return {
    boardLocations: new Set(can(actor, "manager.desk") ? actor.locationIds : []),
    floorLocations: new Set(can(actor, "headsUp.tell") ? floorLocations(actor) : []),
    caseId: caseId ?? null,
    caseLocationId,
  };
}
