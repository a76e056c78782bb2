import "server-only";
import type { Role } from "@/lib/playbook";
import { AppError } from "@/lib/errors";

/** Who is acting, as the server established it from the session. */
export type Actor = {
  id: string;
  name: string;
  role: Role;
  locationIds: string[];
  /** The location this tablet session is working at. */
  currentLocationId: string | null;
  /** The session this actor comes from (absent for actors made in tests and scripts). */
  sessionId?: string;
  /** The paired tablet the session was started on, if any. */
  deviceId?: string | null;
};

export function assertAtLocation(actor: Actor, locationId: string): void {
  if (!actor.locationIds.includes(locationId)) {
    throw new AppError("forbidden", "You do not work at this location.");
  }
}
