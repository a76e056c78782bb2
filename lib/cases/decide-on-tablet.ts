import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { verifySecret } from "@/lib/auth/passwords";
import { can, rolesWith } from "@/lib/auth/policy";
import type { SignInContext } from "@/lib/auth/sign-in-with-pin";
import { approvalPinKeys, beginAttempt } from "@/lib/auth/throttle";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { eventSchemas, ROLES, type Role } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { appendEvent, findRecordedResult } from "./append-event";
import { loadCurrentState } from "./case-log";
import { clientEventIdSchema } from "./client-event";
import { decisionFor } from "./manager-decision";

export const tabletDecisionSchema = z.object({
  clientEventId: clientEventIdSchema,
  managerId: z.string().trim().min(1, "Pick the manager").max(64),
  pin: z.string().regex(/^\d{4,8}$/, "The manager's PIN is 4 to 8 digits"),
  decision: eventSchemas.manager_decided.shape.data,
});

/**
 * The manager who walks over approves on the staff member's tablet with their own PIN:
 * the decision is recorded as theirs, not the staff member's. Wrong manager PINs are
 * throttled exactly like sign-in, so a tablet cannot be used to guess one. The case must be one
 * the tablet's user works on, and the manager must work at the case's venue: checked before the
 * PIN, so a tablet cannot try another venue's managers' PINs at all.
 */
export async function decideOnTablet(db: Db, staff: Actor, caseId: string, input: unknown, context: SignInContext = {}) {
  const { clientEventId, managerId, pin, decision } = parseInput(tabletDecisionSchema, input);
  const row = await db.case.findUnique({ where: { id: caseId }, select: { locationId: true } });
  if (!row) throw new AppError("not_found", "No case with that id.");
  assertAtLocation(staff, row.locationId);
  const manager = await db.user.findUnique({ where: { id: managerId }, include: { locations: true } });
  const role = manager?.role as Role | undefined;
  if (!manager || !manager.active || !role || !ROLES.includes(role) || !can(manager, "case.decide")) {
    throw new AppError("forbidden", "Only a manager can approve this.");
  }
  if (!manager.locations.some((l) => l.locationId === row.locationId)) {
    throw new AppError("forbidden", "This manager does not work at this case's location: ask a manager from here.");
  }
  const attempt = await beginAttempt(
    db,
    approvalPinKeys(manager.id, { deviceId: staff.deviceId, address: context.address }),
    "PIN",
    context.now,
  );
  if (!(await verifySecret(manager.pinHash, pin))) throw new AppError("unauthenticated", "That manager PIN does not match.");
  await attempt.succeeded();
  const managerActor: Actor = {
    id: manager.id,
    name: manager.name,
    role,
    locationIds: manager.locations.map((l) => l.locationId),
    currentLocationId: staff.currentLocationId,
  };
  const earlier = await findRecordedResult(db, clientEventId, "manager_decided", null, caseId);
  if (earlier) return earlier;
  const state = await loadCurrentState(db, caseId);
  const data = decisionFor(state, { decision: decision.decision, note: decision.note, option: decision.option, remedy: decision.remedy });
  return appendEvent(db, managerActor, caseId, { clientEventId, event: { type: "manager_decided", data } });
}

/** Managers who can approve at a location, with their own limits, for the tablet's picker. */
export async function listDecidersAt(db: Db, locationId: string): Promise<{ id: string; name: string; limitCents: number }[]> {
  const [people, limits] = await Promise.all([
    db.user.findMany({
      where: { active: true, role: { in: [...rolesWith("case.decide")] }, locations: { some: { locationId } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true },
    }),
    db.roleAuthority.findMany(),
  ]);
  return people.map(({ id, name, role }) => ({ id, name, limitCents: limits.find((l) => l.role === role)?.limitCents ?? 0 }));
}
