import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import { signOutSession } from "./sessions";

/** Which session to end: the tablet names it when it tells the server late (lib/tablet/local-session.ts, public/sw.js). */
export const signOutSchema = z.object({ sessionId: z.string().trim().min(1).max(64).optional() });

/**
 * Ends the session behind this browser's cookie — only if it is the one named, when one is named,
 * so that a late sign-out never ends a sign-in made since. Says whether the cookie should go.
 */
export async function signOut(db: Db, token: string | undefined, input: unknown): Promise<{ ended: boolean; clearCookie: boolean }> {
  const { sessionId } = parseInput(signOutSchema, input);
  const ended = await signOutSession(db, token, sessionId);
  return { ended, clearCookie: ended || !sessionId };
}
