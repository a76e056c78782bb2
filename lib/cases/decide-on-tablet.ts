import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { verifySecret } from "@/lib/auth/passwords";
import { can, rolesWith } from "@/lib/auth/policy";
import type { SignInContext } from "@/lib/auth/sign-in-with-pin";
import { approvalPinKeys, beginAttempt } from "@/lib/auth/throttle";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { eventSchemas, ROLES, type Role } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { appendEvent } from "./append-event";
import { clientEventIdSchema } from "./client-event";

export const tabletDecisionSchema = z.object({
  clientEventId: clientEventIdSchema,
  managerId: z.string().trim().min(1, "Pick the manager").max(64),
  pin: z.string().regex(/^\d{4,8}$/, "The manager's PIN is 4 to 8 digits"),
  decision: eventSchemas.manager_decided.shape.data,
});

/**
 * The manager who walks over approves on the staff member's tablet with their own PIN:
 * the decision is recorded as theirs, not the staff member's. Wrong manager PINs are
 * throttled exactly like sign-in, so a tablet cannot be used to guess one.
 */
export async function decideOnTablet(db: Db, staff: Actor, caseId: string, input: unknown, context: SignInContext = {}) {
  const { clientEventId, managerId, pin, decision } = parseInput(tabletDecisionSchema, input);
  const manager = await db.user.findUnique({ where: { id: managerId }, include: { locations: true } });
  const role = manager?.role as Role | undefined;
  if (!manager || !manager.active || !role || !ROLES.includes(role) || !can(manager, "case.decide")) {
    throw new AppError("forbidden", "Only a manager can approve this.");
  }
  const attempt = await beginAttempt(db, approvalPinKeys(manager.id, { deviceId: staff.deviceId, address: context.address }), "PIN", context.now);
  if (!(await verifySecret(manager.pinHash, pin))) throw new AppError("unauthenticated", "That manager PIN does not match.");
  await attempt.succeeded();
  const managerActor: Actor = {
    id: manager.id,
    name: manager.name,
    role,
    locationIds: manager.locations.map((l) => l.locationId),
    currentLocationId: staff.currentLocationId,
  };
  return appendEvent(db, managerActor, caseId, { clientEventId, event: { type: "manager_decided", data: decision } });
}

/** Managers who can approve at a location, for the tablet's picker. */
export async function listDecidersAt(db: Db, locationId: string) {
  return db.user.findMany({
    where: { active: true, role: { in: [...rolesWith("case.decide")] }, locations: { some: { locationId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
