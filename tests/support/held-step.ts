// A step sealed on a tablet for a session that has since ended, sent through the real path
// (lib/steps/append-sealed-step.ts). When the case no longer takes it, the server keeps it as a
// HeldStep. Shared by the integration tests and the demo seed.
import { createCipheriv, randomBytes } from "node:crypto";
import { createSession } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/client";
import { appendSealedStep, type SealedStepResult } from "@/lib/steps/append-sealed-step";
import { sealAad } from "@/lib/steps/seal";

export type SealedInner =
  { kind: "open"; caseId: string; body: Record<string, unknown> } | { kind: "event"; caseId: string; body: Record<string, unknown> };

/** Seals `step` with a fresh key of a new session of `userId` at `locationId`. */
export async function sealForSession(db: Db, userId: string, locationId: string | null, step: SealedInner, now = new Date()) {
  const session = await createSession(db, userId, locationId, now);
  const secret = randomBytes(32);
  const key = await db.sealKey.create({ data: { sessionId: session.id, secret: secret.toString("base64url") }, select: { id: true } });
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secret, iv);
  cipher.setAAD(sealAad(key.id));
  const sealed = Buffer.concat([cipher.update(JSON.stringify({ v: 1, ...step }), "utf8"), cipher.final(), cipher.getAuthTag()]);
  return { keyId: key.id, iv: iv.toString("base64url"), data: sealed.toString("base64url"), sessionId: session.id };
}

/** Seals `step`, then sends it as a tablet whose session has ended would: held if the case no longer takes it. */
export async function sendEndedStep(
  db: Db,
  userId: string,
  locationId: string | null,
  step: SealedInner,
  now = new Date(),
): Promise<SealedStepResult> {
  const { keyId, iv, data, sessionId } = await sealForSession(db, userId, locationId, step, now);
  // The session ended on the tablet (signed out, timed out) before the step reached the server.
  await db.session.update({ where: { id: sessionId }, data: { revokedAt: now } });
  return appendSealedStep(db, { keyId, iv, data, ended: true }, () => now);
}
