import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { SESSION_IDLE_MS } from "@/lib/auth/sessions";
import { appendEvent } from "@/lib/cases/append-event";
import { caseIdSchema, MAX_OFFLINE_MS, type AppendResult } from "@/lib/cases/client-event";
import { openCase } from "@/lib/cases/open-case";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError, isAppError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { idSchema } from "@/lib/heads-ups/common";
import { endHeadsUp } from "@/lib/heads-ups/end-heads-up";
import { raiseHeadsUp } from "@/lib/heads-ups/raise-heads-up";
import { tellTable } from "@/lib/heads-ups/tell-table";
import { ROLES, type Role } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { openSeal } from "./seal";
import { sealingSession } from "./sealing-session";

const b64url = (what: string, max: number) =>
  z
    .string()
    .min(1, `${what} is missing`)
    .max(max, `${what} is too long`)
    .regex(/^[A-Za-z0-9_-]+$/, `${what} must be base64url`);

export const sealedStepSchema = z.object({
  keyId: z.string().trim().min(1, "keyId is missing").max(64),
  iv: b64url("iv", 24),
  data: b64url("data", 90_000),
  /** The tablet's word that this step's session has ended there: a refusal is then kept, not answered. */
  ended: z.boolean().optional(),
  /**
   * The case the tablet says the step is for, outside the seal: the server reads it with the key
   * (docs/decisions/0041). Trusted for nothing: the sealed step names its case, and this is used
   * only when the two agree. One of the wrong shape is ignored, never a reason to refuse a step.
   */
  caseId: z.string().max(64).optional().catch(undefined),
});

/** Inside the seal: the request the tablet would have sent while its session was live. */
const innerSchema = z.discriminatedUnion("kind", [
  z.object({ v: z.literal(1), kind: z.literal("open"), caseId: caseIdSchema, body: z.record(z.string(), z.unknown()) }),
  z.object({ v: z.literal(1), kind: z.literal("event"), caseId: z.string().min(1).max(64), body: z.record(z.string(), z.unknown()) }),
  // Heads-ups captured on the tablet (docs/decisions/0034-heads-ups-offline.md): the same use-cases as their routes.
  z.object({ v: z.literal(1), kind: z.literal("heads_up_raise"), body: z.record(z.string(), z.unknown()) }),
  z.object({ v: z.literal(1), kind: z.literal("heads_up_tell"), alertId: idSchema, body: z.record(z.string(), z.unknown()) }),
  // Ending one (docs/decisions/0036): the online route's use-case, its checks, and its idempotency by state.
  z.object({ v: z.literal(1), kind: z.literal("heads_up_end"), alertId: idSchema, body: z.record(z.string(), z.unknown()) }),
]);
type InnerStep = z.infer<typeof innerSchema>;

type Held = { held: true; clientEventId: string; code: string; message: string };
export type SealedStepResult =
  | (AppendResult & { held?: false })
  | ({ id: string; duplicate: boolean } & { held?: false })
  | (Awaited<ReturnType<typeof tellTable>> & { held?: false })
  | (Awaited<ReturnType<typeof endHeadsUp>> & { held?: false })
  | Held;

const BAD_SEAL = "This step's seal does not match any session on this server, so it was not recorded.";

/**
 * A step sealed on a tablet (lib/steps/seal.ts), sent by whoever is signed in there now, or by
 * nobody. It is recorded as the sealing session's person's, through the same use-cases and checks
 * as a step sent with their session — also after that session has ended (signed out, timed out,
 * ended by a manager), within a week. A made-up or altered seal is refused and changes nothing.
 *
 * Once the session has ended nobody is there to read a refusal, so a step the case no longer
 * takes (closed meanwhile, the person has left) is kept in HeldStep with its reason instead of
 * being lost, and the tablet may forget it.
 */
export async function appendSealedStep(db: Db, input: unknown, now: () => Date = () => new Date()): Promise<SealedStepResult> {
  const { keyId, iv, data, ended: endedOnTablet, caseId: saidCaseId } = parseInput(sealedStepSchema, input);
  const key = await sealingSession(db, keyId, saidCaseId);
  const plaintext = key ? openSeal(Buffer.from(key.secret, "base64url"), keyId, iv, data) : null;
  if (!key || plaintext === null) throw new AppError("forbidden", BAD_SEAL);

  const { session, user } = key;
  const at = now();
  if (session.expiresAt.getTime() + MAX_OFFLINE_MS < at.getTime()) {
    throw new AppError("forbidden", "This step waited on the tablet for more than a week after its session ended; it was not recorded.");
  }
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(plaintext);
  } catch {
    parsedJson = null;
  }
  const step = parseInput(innerSchema, parsedJson);
  const role = ROLES.includes(user.role as Role) ? (user.role as Role) : "staff";
  const actor: Actor = {
    id: user.id,
    name: user.name,
    role,
    locationIds: user.active ? user.locationIds : [],
    currentLocationId: session.locationId,
    sessionId: session.id,
    deviceId: session.deviceId,
  };
  const ended =
    endedOnTablet === true ||
    Boolean(session.revokedAt) ||
    session.expiresAt <= at ||
    at.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;

  try {
    if (!user.active) throw new AppError("forbidden", "The person who took this step can no longer sign in.");
    switch (step.kind) {
      case "open":
        return await openCase(db, actor, { ...step.body, caseId: step.caseId });
      case "event":
        // The case read with the key is used only if it is the one the seal names (appendEvent checks the id).
        return await appendEvent(db, actor, step.caseId, step.body, undefined, { knownCase: key.knownCase });
      case "heads_up_raise":
        return await raiseHeadsUp(db, actor, step.body, now);
      case "heads_up_tell":
        return await tellTable(db, actor, step.alertId, step.body, now);
      case "heads_up_end":
        return await endHeadsUp(db, actor, step.alertId, step.body, now);
    }
  } catch (error) {
    const final = isAppError(error) && error.status >= 400 && error.status < 500 && error.status !== 429 && error.status !== 423;
    if (!ended || !final) throw error;
    const clientEventId = typeof step.body.clientEventId === "string" ? step.body.clientEventId.slice(0, 64) : `sealed-${keyId}-${iv}`;
    const locationId = await heldStepLocation(db, step, session.locationId, user.locationIds);
    const caseId =
      step.kind === "heads_up_tell" || step.kind === "heads_up_end"
        ? step.alertId
        : step.kind === "heads_up_raise"
          ? `heads-up:${clientEventId}`
          : step.caseId;
    const fresh = await serialiseWrite(async () => {
      // Sent again (an answer lost on the way): already held, nothing new to tell anyone.
      if (await db.heldStep.findUnique({ where: { clientEventId }, select: { id: true } })) return false;
      await db.heldStep.upsert({
        where: { clientEventId },
        create: {
          clientEventId,
          caseId,
          userId: user.id,
          sessionId: session.id,
          kind: step.kind,
          payload: JSON.stringify(step.body),
          code: error.code,
          reason: error.message,
          heldAt: at,
          locationId,
        },
        update: {},
      });
      return true;
    });
    // The venue's managers' badge counts it now (docs/decisions/0019); with no venue, admins see it on their next load.
    if (fresh && locationId) await publishChange(db, { locationId, held: true });
    return { held: true, clientEventId, code: error.code, message: error.message };
  }
}

/**
 * Whose managers see a held step (docs/decisions/0019-held-steps.md): the case's location when the
 * case exists; for an opening, the location it asked for if the author works there; otherwise the
 * location the session was signed in at.
 */
async function heldStepLocation(
  db: Db,
  step: InnerStep,
  sessionLocationId: string | null,
  authorLocationIds: string[],
): Promise<string | null> {
  const asked = step.body.locationId;
  if (step.kind === "heads_up_tell" || step.kind === "heads_up_end") {
    const alert = await db.headsUpAlert.findUnique({ where: { id: step.alertId }, select: { locationId: true } });
    return alert?.locationId ?? sessionLocationId;
  }
  if (step.kind === "heads_up_raise") {
    return typeof asked === "string" && authorLocationIds.includes(asked) ? asked : sessionLocationId;
  }
  const existing = await db.case.findUnique({ where: { id: step.caseId }, select: { locationId: true } });
  if (existing) return existing.locationId;
  if (step.kind === "open" && typeof asked === "string" && authorLocationIds.includes(asked)) return asked;
  return sessionLocationId;
}
