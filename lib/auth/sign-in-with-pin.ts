import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { verifySecret } from "./passwords";
import { createSession } from "./sessions";

export const pinSignInSchema = z.object({
  userId: z.string().trim().min(1, "Pick your name").max(64),
  pin: z.string().regex(/^\d{4,8}$/, "Your PIN is 4 to 8 digits"),
  locationId: z.string().trim().min(1, "Pick the location").max(64),
});

/** Staff on a shared tablet pick their name and type a PIN. */
export async function signInWithPin(db: Db, input: unknown) {
  const { userId, pin, locationId } = parseInput(pinSignInSchema, input);
  const user = await db.user.findUnique({ where: { id: userId }, include: { locations: true } });
  const ok = user?.active && (await verifySecret(user.pinHash, pin));
  if (!user || !ok) throw new AppError("unauthenticated", "That PIN does not match. Try again.");
  if (!user.locations.some((l) => l.locationId === locationId)) {
    throw new AppError("forbidden", "You are not on the team at this location.");
  }
  return createSession(db, user.id, locationId);
}
