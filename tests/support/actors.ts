import type { Actor } from "@/lib/auth/actor";
import { DEMO_USERS, type DemoUser } from "@/prisma/seed/reference-data";

/** The Actor a session for this demo user would resolve to. Shared by seed, tests and benches. */
export function actorFor(userId: string, locationId?: string): Actor {
  const user: DemoUser | undefined = DEMO_USERS.find((u) => u.id === userId);
  if (!user) throw new Error(`No demo user ${userId}`);
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    locationIds: [...user.locations],
    currentLocationId: locationId ?? user.locations[0],
  };
}
