import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authorise } from "@/lib/auth/authorise";
import { credentialsOf } from "@/lib/auth/cookie-header";
import { resolveSession, resolveSessionWithCase } from "@/lib/auth/sessions";
import { appendEvent } from "@/lib/cases/append-event";
import { openCase } from "@/lib/cases/open-case";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/policy";
import { getDb, type Db } from "@/lib/db/client";
import { appendSealedStep } from "@/lib/steps/append-sealed-step";
import { AppError } from "@/lib/errors";
import { assertNoNulInAddress, assertSameOriginOf, bodyLimit, errorAnswer, parseJsonBytes, refuseDeclaredTooLarge } from "@/lib/http";
import { apiAnswerHeaders } from "@/lib/security/headers";

/**
 * The steps of live cases, served straight from Node's request (docs/decisions/0039-append-fast-path.md).
 *
 * Every step of every live case is a POST to /api/steps/sealed (a tablet that can seal: HTTPS) or,
 * from one that cannot (the demo over plain http, scripts), to /api/cases (its first step) and
 * /api/cases/<id>/events (every other). Through Next's router such a request costs the server about
 * three times the CPU it costs here (4.0 against 1.3 ms an append), most of it Next's own: route
 * matching, its tracer, building a web Request, reading the body through web streams.
 * server.mjs hands exactly these three routes to `fastRouteFor` instead, and the answer is made by
 * the same parts as their route handlers (app/api/cases/route.ts, app/api/cases/[id]/events/route.ts,
 * app/api/steps/sealed/route.ts), in the same order:
 *   cross-site check → NUL in the address → (unsealed: the session from the cookies, 401/403) →
 *   body (413/400) → the use-case → JSON answer with the headers next.config.ts gives /api.
 * Anything else, and these routes when the fast path is off, goes to Next as before.
 */

/** POST /api/cases/<one segment>/events, with or without a query: what the route handler serves. */
const APPEND_ROUTE = /^\/api\/cases\/([^/?#]+)\/events(?:\?.*)?$/;
/** POST /api/steps/sealed, with or without a query. */
const SEALED_ROUTE = /^\/api\/steps\/sealed(?:\?.*)?$/;
/** POST /api/cases, with or without a query: a case's first step. */
const OPEN_ROUTE = /^\/api\/cases(?:\?.*)?$/;

export type NodeRoute = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The fast route for this request, or null for Next to serve it. */
export function fastRouteFor(method: string | undefined, url: string | undefined): NodeRoute | null {
  if (method !== "POST" || url === undefined) return null;
  if (SEALED_ROUTE.test(url)) return (request, response) => serve(request, response, () => sealedStep(request));
  if (OPEN_ROUTE.test(url)) return (request, response) => serve(request, response, () => openStep(request));
  const append = APPEND_ROUTE.exec(url);
  if (append) return (request, response) => serve(request, response, () => appendStep(request, append[1]));
  return null;
}

type Answer = { status: number; body: unknown; headers: Record<string, string> };

/** What `handle()` (lib/http.ts) does around every route: cross-site refusal, NUL in the address, errors as answers. */
async function serve(request: IncomingMessage, response: ServerResponse, work: () => Promise<Answer>): Promise<void> {
  let answer: Answer;
  try {
    assertSameOriginOf((name) => headerOf(request, name));
    assertNoNulInAddress(request.url ?? "", []);
    answer = await work();
  } catch (error) {
    // A tablet that hung up mid-body (Wi-Fi gone) is waiting for nothing: no answer, no error logged.
    if (request.destroyed && !request.complete) return;
    answer = errorAnswer(error);
  }
  send(request, response, answer);
}

/** app/api/cases/[id]/events/route.ts */
async function appendStep(request: IncomingMessage, rawId: string): Promise<Answer> {
  const caseId = decodeSegment(rawId);
  assertNoNulInAddress("", [caseId]);
  const db = await getDb();
  // The session and the case in one statement (docs/decisions/0041); the case is used only once the session allows it.
  const { session, device } = credentialsOf(request.headers.cookie);
  const { actor: signedIn, knownCase } = await resolveSessionWithCase(db, session, new Date(), device, caseId);
  const actor = authorise(signedIn, "case.append");
  const result = await appendEvent(db, actor, caseId, await readJsonBody(request), undefined, { knownCase });
  return { status: result.duplicate ? 200 : 201, body: result, headers: {} };
}

/** app/api/cases/route.ts */
async function openStep(request: IncomingMessage): Promise<Answer> {
  const db = await getDb();
  const actor = await actorOf(request, db, "case.open");
  const result = await openCase(db, actor, await readJsonBody(request));
  return { status: result.duplicate ? 200 : 201, body: result, headers: {} };
}

/** What `requireActor` does, from the request's own Cookie header (read as Next's `cookies()` reads it). */
async function actorOf(request: IncomingMessage, db: Db, need: Permission): Promise<Actor> {
  const { session, device } = credentialsOf(request.headers.cookie);
  return authorise(await resolveSession(db, session, new Date(), device), need);
}

/** app/api/steps/sealed/route.ts: no session needed, the seal says whose step it is. */
async function sealedStep(request: IncomingMessage): Promise<Answer> {
  const result = await appendSealedStep(await getDb(), await readJsonBody(request));
  return { status: result.held ? 202 : result.duplicate ? 200 : 201, body: result, headers: {} };
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
