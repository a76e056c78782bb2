import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { serialiseWrite } from "@/lib/db/write-lock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { agreeSealKey, publicJwkSchema, type PublicJwk } from "./seal";

export const registerSealKeySchema = z.object({ publicKey: publicJwkSchema });

/** A session's tablet reloads, or opens a second tab: a few keys per session, not an unbounded pile. */
const MAX_KEYS_PER_SESSION = 20;

/**
 * The signed-in tablet's half of a seal key: stored with the session, so steps sealed with it
 * count as this session's person's, and only theirs.
 */
export async function registerSealKey(
  db: Db,
  actor: Actor,
  input: unknown,
): Promise<{ keyId: string; serverKey: PublicJwk; sessionId: string }> {
  const { publicKey } = parseInput(registerSealKeySchema, input);
  const sessionId = actor.sessionId;
  if (!sessionId) throw new AppError("unauthenticated", "Sign in first.");
  const agreed = agreeSealKey(publicKey);
  if (!agreed) throw new AppError("invalid_input", "That public key is not a P-256 point.", { fields: { publicKey: "Not a P-256 point" } });
  const created = await serialiseWrite(async () => {
    const count = await db.sealKey.count({ where: { sessionId } });
    if (count >= MAX_KEYS_PER_SESSION)
      throw new AppError("conflict", "This session already has as many tablet keys as it may: sign out and in again.");
    return db.sealKey.create({ data: { sessionId, secret: agreed.secret.toString("base64url") }, select: { id: true } });
  });
  return { keyId: created.id, serverKey: agreed.serverKey, sessionId };
}
