import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/current";
import { SESSION_IDLE_MS } from "@/lib/auth/sessions";
import { handle } from "@/lib/http";

/**
 * Who this browser's session is: the tablet asks right after signing in (if the answer is 401,
 * the browser did not keep the cookie, and the sign-in page says so) and keeps the answer to
 * know whose work it holds (lib/tablet/local-session.ts).
 */
export const GET = handle(async () => {
  const actor = await requireActor();
  return NextResponse.json({
    sessionId: actor.sessionId,
    user: { id: actor.id, name: actor.name, role: actor.role },
    locationId: actor.currentLocationId,
    idleMs: SESSION_IDLE_MS,
  });
});
