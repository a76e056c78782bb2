import { requireActor, sessionWatch } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http";
import { liveHub } from "@/lib/live/hub";
import { liveStream, SSE_HEADERS } from "@/lib/live/live-stream";
import { openLiveFeed } from "@/lib/live/open-live-feed";

// A stream per request, never cached or prerendered.
export const dynamic = "force-dynamic";

/**
 * Server-sent events: "something changed" notices (ids only) for the signed-in person's board,
 * floor and followed case, from every instance (PostgreSQL LISTEN/NOTIFY) — docs/decisions/0026.
 * The pages keep polling, slower while this stream is healthy.
 */
export const GET = handle(async (request: Request) => {
  const actor = await requireActor("live.follow");
  const db = await getDb();
  const feed = await openLiveFeed(db, actor, Object.fromEntries(new URL(request.url).searchParams));
  const hub = liveHub(db);
  if (hub.full) {
    throw new AppError("rate_limited", "This server holds as many live connections as it can; the page keeps up to date by polling.", {
      retryAfterSeconds: 30,
    });
  }
  const stillSignedIn = await sessionWatch();
  const stream = liveStream({
    hub,
    feed,
    signal: request.signal,
    stillSignedIn,
    sessionId: actor.sessionId,
    userId: actor.id,
    deviceId: actor.deviceId,
  });
  return new Response(stream, { headers: SSE_HEADERS });
});
