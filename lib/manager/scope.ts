import "server-only";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { DEFAULT_TIMEZONE } from "./time";

/** The manager's desk, as lib/auth/policy.ts grants it. */
export function assertManager(actor: Actor): void {
  assertCan(actor, "manager.desk");
}

/**
 * The locations a manager's view covers: all of theirs, or the one asked for, which must be
 * one of theirs (asking for another location's cases is a 403, not an empty list).
 */
export function scopeLocations(actor: Actor, requested?: string): string[] {
  assertManager(actor);
  if (requested) {
    assertAtLocation(actor, requested);
    return [requested];
  }
  return [...actor.locationIds];
}

/** Loads the case's location and checks the manager works there; a missing case is a 404. */
export async function assertManagesCase(db: Db, actor: Actor, caseId: string): Promise<string> {
  assertManager(actor);
  if (typeof caseId !== "string" || caseId.length === 0 || caseId.length > 64) throw new AppError("not_found", "No case with that id.");
  const row = await db.case.findUnique({ where: { id: caseId }, select: { locationId: true } });
  if (!row) throw new AppError("not_found", "No case with that id.");
  assertAtLocation(actor, row.locationId);
  return row.locationId;
}

/** A location as the manager's figures need it: its name and its clock. */
export type Venue = { id: string; name: string; timeZone: string };

/** The locations' names and time zones, A–Z by name. */
export async function venuesOf(db: Db, locationIds: string[]): Promise<Venue[]> {
  if (locationIds.length === 0) return [];
  const rows = await db.location.findMany({ where: { id: { in: locationIds } }, select: { id: true, name: true, timezone: true } });
  return rows
    .map((l) => ({ id: l.id, name: l.name, timeZone: l.timezone || DEFAULT_TIMEZONE }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The time zone whose days the view counts in: the locations' own, when they share one. */
export async function timezoneOf(db: Db, locationIds: string[]): Promise<string> {
  if (locationIds.length === 0) return DEFAULT_TIMEZONE;
  const zones = await db.location.findMany({ where: { id: { in: locationIds } }, select: { timezone: true }, distinct: ["timezone"] });
  return zones.length === 1 ? zones[0].timezone : DEFAULT_TIMEZONE;
}
