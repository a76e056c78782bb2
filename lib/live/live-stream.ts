import "server-only";
import type { LiveHub, LiveSignal } from "./hub";
import type { LiveFeed } from "./open-live-feed";

/** A comment and a ping this often: idle proxies keep the connection, and the client can tell a dead stream. */
export const HEARTBEAT_MS = Number(process.env.LIVE_HEARTBEAT_MS ?? 15_000);
/** A stream ends after this long; the browser's EventSource opens a new one, signed in afresh. */
export const MAX_STREAM_MS = 10 * 60_000;
/** How long the browser waits before it reconnects a stream that ended. */
export const RETRY_MS = 3_000;
/** One session's streams (tabs, reloads): a new one beyond this closes the oldest. */
export const MAX_STREAMS_PER_SESSION = 4;

/**
 * 2 KB of comment first: some browsers and proxies hold back the start of a stream until a
 * little has arrived (WebKit buffers the first 1,024 bytes of a streamed body).
 */
const PADDING = `: ${" ".repeat(2048)}\n\n`;

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: Next's gzip (and proxies) must not buffer the stream to compress it.
  "cache-control": "no-cache, no-store, no-transform",
  "x-accel-buffering": "no",
};

/** The stream's events for one signal: what this feed may hear of it (nothing, for another venue). */
export function eventsFor(feed: LiveFeed, signal: LiveSignal): string[] {
  if (signal.kind === "resync") return ["event: resync\ndata: {}\n\n"];
  if (signal.kind === "down") return ["event: down\ndata: {}\n\n"];
  if (signal.kind === "ended") return [];
  const { notice } = signal;
  const out: string[] = [];
  const board = feed.boardLocations.has(notice.locationId);
  const followed = notice.caseId !== undefined && notice.caseId === feed.caseId && notice.locationId === feed.caseLocationId;
  if (notice.caseId && (board || followed)) out.push(`event: case\ndata: ${JSON.stringify({ case: notice.caseId })}\n\n`);
  if (notice.floor && feed.floorLocations.has(notice.locationId)) out.push("event: floor\ndata: {}\n\n");
  // The held-steps badge: the board's managers only, as countHeldSteps scopes it (docs/decisions/0019).
  if (notice.held && board) out.push("event: held\ndata: {}\n\n");
  return out;
}

const sessions = ((globalThis as { coachLiveSessions?: Map<string, Set<() => void>> }).coachLiveSessions ??= new Map());

/**
 * The body of GET /api/live: server-sent events for one signed-in person (docs/decisions/0026).
 * Subscribes to the process's hub, sends this feed's notices, a heartbeat, and re-checks the
 * session on every heartbeat (ends the stream once it is signed out, revoked or expired), and at
 * once when a write says this session, its person or its tablet was ended (publishSessionsEnded,
 * from any instance). Every way out — the client leaving (abort/cancel), the session ending, the time limit, a newer stream
 * of the same session pushing it out — goes through one stop() that unsubscribes and clears timers.
 */
export function liveStream(options: {
  hub: LiveHub;
  feed: LiveFeed;
  signal: AbortSignal;
  stillSignedIn: () => Promise<boolean>;
  sessionId?: string;
  /** The signed-in person and tablet: a "sessions ended" for either makes the stream re-check at once. */
  userId?: string;
  deviceId?: string | null;
  heartbeatMs?: number;
  maxMs?: number;
}): ReadableStream<Uint8Array> {
  const { hub, feed, signal, stillSignedIn, sessionId, userId, deviceId, heartbeatMs = HEARTBEAT_MS, maxMs = MAX_STREAM_MS } = options;
  const encoder = new TextEncoder();
  let stop = () => undefined as void;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const recheck = () => {
        stillSignedIn().then(
          (ok) => {
            if (ok) return;
            send("event: signed-out\ndata: {}\n\n");
            stop();
          },
          () => undefined, // the database is away: keep the stream, ask again next beat
        );
      };
      const unsubscribe = hub.subscribe((s) => {
        if (s.kind === "ended") {
          const { by, id } = s.ended;
          if ((by === "session" && id === sessionId) || (by === "user" && id === userId) || (by === "device" && id === deviceId)) recheck();
          return;
        }
        for (const event of eventsFor(feed, s)) send(event);
      });
      const beat = setInterval(() => {
        send(": heartbeat\nevent: ping\ndata: {}\n\n");
        recheck();
      }, heartbeatMs);
      const life = setTimeout(() => stop(), maxMs);
      const mine = sessionId ? (sessions.get(sessionId) ?? new Set<() => void>()) : null;
      stop = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(beat);
        clearTimeout(life);
        signal.removeEventListener("abort", stop);
        if (mine && sessionId) {
          mine.delete(stop);
          if (mine.size === 0) sessions.delete(sessionId);
        }
        try {
          controller.close();
        } catch {
          // already closed or errored by the reader going away
        }
      };
      if (mine && sessionId) {
        for (const older of [...mine].slice(0, Math.max(0, mine.size - MAX_STREAMS_PER_SESSION + 1))) older();
        mine.add(stop);
        sessions.set(sessionId, mine);
      }
      signal.addEventListener("abort", stop);
      send(`retry: ${RETRY_MS}\n${PADDING}`);
      // Notices written from now on reach this stream: the client refetches once on "ready" to
      // cover anything in between. If the hub is still connecting, its first "resync" does it.
      if (hub.ready) send("event: ready\ndata: {}\n\n");
      if (signal.aborted) stop();
    },
    cancel() {
      stop();
    },
  });
}

/** Streams open in this process for a session (tests and diagnostics). */
export function openStreamsOf(sessionId: string): number {
  return sessions.get(sessionId)?.size ?? 0;
}
