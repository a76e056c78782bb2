import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authorise } from "@/lib/auth/authorise";
import { credentialsOf } from "@/lib/auth/cookie-header";
import { resolveSession } from "@/lib/auth/sessions";
import { appendEvent } from "@/lib/cases/append-event";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertNoNulInAddress, assertSameOriginOf, bodyLimit, errorAnswer, parseJsonBytes, refuseDeclaredTooLarge } from "@/lib/http";
import { apiAnswerHeaders } from "@/lib/security/headers";

/**
 * The append, served straight from Node's request (docs/decisions/0039-append-fast-path.md).
 *
 * Every step of every live case is a POST to /api/cases/<id>/events. Through Next's router an
 * append costs about 2.7 times a bare request, most of it Next's own (route matching, its tracer,
 * building a web Request, reading the body through web streams). server.mjs hands exactly this
 * route to `fastRouteFor` instead, and the answer is made by the same parts as the route handler
 * (app/api/cases/[id]/events/route.ts), in the same order:
 *   cross-site check → NUL in the address → session from the cookies (401/403) → body (413/400) →
 *   appendEvent → JSON answer with the headers next.config.ts gives /api.
 * Anything else, and this route when the fast path is off, goes to Next as before.
 */

/** POST /api/cases/<one segment>/events, with or without a query: what the route handler serves. */
const APPEND_ROUTE = /^\/api\/cases\/([^/?#]+)\/events(?:\?.*)?$/;

export type NodeRoute = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The fast route for this request, or null for Next to serve it. */
export function fastRouteFor(method: string | undefined, url: string | undefined): NodeRoute | null {
  if (method !== "POST" || url === undefined) return null;
  const match = APPEND_ROUTE.exec(url);
  if (!match) return null;
  const rawId = match[1];
  return (request, response) => serveAppend(request, response, rawId);
}

type Answer = { status: number; body: unknown; headers: Record<string, string> };

export async function serveAppend(request: IncomingMessage, response: ServerResponse, rawId: string): Promise<void> {
  let answer: Answer;
  try {
    assertSameOriginOf((name) => headerOf(request, name));
    const caseId = decodeSegment(rawId);
    assertNoNulInAddress(request.url ?? "", [caseId]);
    const db = await getDb();
    const { session, device } = credentialsOf(request.headers.cookie);
    const actor = authorise(await resolveSession(db, session, new Date(), device), "case.append");
    const result = await appendEvent(db, actor, caseId, await readJsonBody(request));
    answer = { status: result.duplicate ? 200 : 201, body: result, headers: {} };
  } catch (error) {
    // A tablet that hung up mid-body (Wi-Fi gone) is waiting for nothing: no answer, no error logged.
    if (request.destroyed && !request.complete) return;
    answer = errorAnswer(error);
  }
  send(request, response, answer);
}

function headerOf(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

/** A path segment as Next hands it to the route: URI-decoded; one that does not decode is refused. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AppError("invalid_input", "The address is not valid: the case id is not properly encoded.");
  }
}

/**
 * The body, never holding more than MAX_BODY_BYTES (lib/http.ts): a declared length over it is
 * refused before a byte is read, and one that runs past it stops being read there. The request is
 * paused, not destroyed, so the 413 still reaches the client.
 */
function readJsonBody(request: IncomingMessage): Promise<unknown> {
  refuseDeclaredTooLarge(headerOf(request, "content-length"));
  return new Promise((resolve, reject) => {
    const counted = bodyLimit();
    const chunks: Buffer[] = [];
    const stop = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
      request.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      try {
        counted.add(chunk.byteLength);
      } catch (error) {
        stop();
        request.pause();
        reject(error);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      try {
        resolve(parseJsonBytes(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      if (!request.complete) onError(new Error("The request ended before its body did."));
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
    request.once("close", onClose);
  });
}

function send(request: IncomingMessage, response: ServerResponse, { status, body, headers }: Answer): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  // A body refused for its size is not read to its end (Node would drain it after the answer): the
  // connection closes instead. Any other unread body is small, and Node drains it.
  const closing = status === 413 && !request.complete;
  response.writeHead(status, {
    ...apiAnswerHeaders(),
    ...headers,
    "cache-control": "no-store",
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...(closing ? { connection: "close" } : {}),
  });
  response.end(text);
}
