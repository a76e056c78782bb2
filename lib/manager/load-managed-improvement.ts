import "server-only";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertManager } from "./scope";

/** An improvement this manager may change: at one of their locations (or for every location, admins only). */
export async function loadManagedImprovement(db: Db, actor: Actor, improvementId: string) {
  assertManager(actor);
  if (typeof improvementId !== "string" || improvementId.length > 64) throw new AppError("not_found", "No such improvement.");
  const improvement = await db.improvement.findUnique({ where: { id: improvementId } });
  if (!improvement) throw new AppError("not_found", "No such improvement.");
  if (improvement.locationId) assertAtLocation(actor, improvement.locationId);
  else if (actor.role !== "admin") throw new AppError("forbidden", "Only an admin can change an improvement for every location.");
  return improvement;
}
