// Shared by the security tests: route handlers run as they do in Next, with the session and the
// database swapped for the test's own (the same approach as tests/integration/trainer-redaction.test.ts).
// Each test file still declares its vi.mock calls itself: Vitest hoists them per file.
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";

export const session: { db: Db | null; actor: Actor | null } = { db: null, actor: null };

export const ORIGIN = "http://coach.test";

/** A same-origin JSON request, as the tablet's own page sends it. */
export function jsonRequest(path: string, body: unknown, method = "POST"): Request {
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: { "content-type": "application/json", host: "coach.test", origin: ORIGIN, "sec-fetch-site": "same-origin" },
    body: method === "GET" ? undefined : JSON.stringify(body),
  });
}

export const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

/** For vi.mock("@/lib/db/client"): the real module, with getDb answering the test's database. */
export async function dbClientMock(real: typeof import("@/lib/db/client")) {
  return {
    ...real,
    getDb: async () => {
      if (!session.db) throw new Error("no test database");
      return session.db;
    },
  };
}

/** For vi.mock("@/lib/auth/current"): requireActor answers from `session.actor`, through the real policy. */
export async function currentActorMock() {
  const { AppError } = await import("@/lib/errors");
  const { can, refusalFor } = await import("@/lib/auth/policy");
  type Permission = Parameters<typeof can>[1];
  const requireActor = async (need?: string) => {
    const actor = session.actor;
    if (!actor) throw new AppError("unauthenticated", "Sign in first.");
    if (typeof need === "string" && !can(actor, need as Permission)) throw new AppError("forbidden", refusalFor(need as Permission));
    return actor;
  };
  return { requireActor, currentActor: async () => session.actor, startSession: async () => undefined };
}
