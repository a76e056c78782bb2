import "server-only";
import { NextResponse } from "next/server";
import { AppError, isAppError } from "./errors";

export type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

/** An error as its HTTP answer: an AppError's own status and message, anything else a 500 that says nothing of the cause. */
export function errorAnswer(error: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (isAppError(error)) {
    const retryAfter = error.details?.retryAfterSeconds;
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, details: error.details } },
      headers: typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {},
    };
  }
  console.error(error);
  return {
    status: 500,
    body: { error: { code: "internal", message: "Something went wrong on our side. Nothing was lost; try again." } },
    headers: {},
  };
}

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  const { status, body, headers } = errorAnswer(error);
  return NextResponse.json(body, { status, headers });
}

/** The largest request body any route accepts. The biggest real one (a step with 2,000 characters of free text) is a few KB. */
export const MAX_BODY_BYTES = 100_000;

function tooLarge(): AppError {
  return new AppError(
    "payload_too_large",
    `The request is too large: at most ${MAX_BODY_BYTES / 1000} KB is accepted. Nothing was changed.`,
    {
      limitBytes: MAX_BODY_BYTES,
    },
  );
}

/**
 * Reads a JSON body without ever holding more than MAX_BODY_BYTES of it: a declared
 * Content-Length over the limit is refused before a byte is read, and a body that runs past the
 * limit while streaming (chunked, or lying about its length) is cut off there. Both answer 413;
 * anything that is not JSON is a clear 400, not a crash.
 */
export async function readJson(request: Request): Promise<unknown> {
  try {
    refuseDeclaredTooLarge(request.headers.get("content-length"));
  } catch (error) {
    await request.body?.cancel().catch(() => undefined);
    throw error;
  }
  return parseJsonBytes(await readAtMost(request.body));
}

/** A declared Content-Length over the limit is refused (413) before a byte is read. */
export function refuseDeclaredTooLarge(declared: string | null | undefined): void {
  if (declared !== null && declared !== undefined && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
}

/** Counts a body's bytes as they arrive; past MAX_BODY_BYTES it throws the 413. */
export function bodyLimit(): { add(size: number): void; readonly size: number } {
  let size = 0;
  return {
    add(more: number) {
      size += more;
      if (size > MAX_BODY_BYTES) throw tooLarge();
    },
    get size() {
      return size;
    },
  };
}

/** A body's bytes as JSON: not UTF-8 or not JSON is a clear 400; an empty body is {}. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_input", "The request body must be JSON (UTF-8).");
  }
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("invalid_input", "The request body must be JSON.");
  }
}

async function readAtMost(body: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  const counted = bodyLimit();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    try {
      counted.add(value.byteLength);
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(counted.size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Cross-site requests are refused: a mutating request must come from this site's own pages
 * (browsers always send Origin on cross-origin POSTs, and Sec-Fetch-Site when they can).
 */
export function assertSameOrigin(request: Request): void {
  assertSameOriginOf((name) => request.headers.get(name));
}

/** assertSameOrigin over any request's headers (a header's value by its lower-case name, or null). */
export function assertSameOriginOf(header: (name: string) => string | null): void {
  const site = header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "Cross-site requests are not allowed.");
  const origin = header("origin");
  if (origin) {
    const host = requestHost(header);
    if (!host || hostOf(origin) !== host) throw new AppError("forbidden", "Cross-site requests are not allowed.");
  }
}

/**
 * Whether this process runs behind server.mjs, which strips forwarding headers a client set itself
 * and puts the address it worked out in `x-coach-client-address` (docs/decisions/0015-trusted-proxies.md).
 * Without it (plain `next start`, `next dev`, tests calling handlers) no forwarding header is believed.
 */
function behindEdge(): boolean {
  return process.env.COACH_EDGE === "server.mjs";
}

/**
 * The host the browser asked for: `Host`, or `X-Forwarded-Host` when server.mjs let it through
 * (only from a proxy named in TRUSTED_PROXIES; anyone else's is removed before Next sees it).
 */
function requestHost(header: (name: string) => string | null): string | null {
  const forwarded = behindEdge() ? header("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || header("host");
}

/** The host of an Origin header; "null" (sandboxed frames, some redirects) and junk are no host. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isMutating(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

let warnedNoEdge = false;

/**
 * The address a sign-in attempt came from, for throttling: the socket's address, or — only when
 * the connection comes from a proxy named in TRUSTED_PROXIES — the first address that proxy chain
 * did not vouch for, as server.mjs worked it out. A client's own X-Forwarded-For counts for
 * nothing. Without server.mjs the address is unknown (one bucket for everyone), and says so once.
 */
export function clientAddress(request: Request): string {
  if (behindEdge()) return request.headers.get("x-coach-client-address")?.trim().slice(0, 64) || "unknown";
  if (process.env.NODE_ENV === "production" && !warnedNoEdge) {
    warnedNoEdge = true;
    console.warn(
      "Complaint Coach runs without server.mjs: client addresses are unknown, so sign-in throttling per address is shared by everyone. Start it with `npm start`.",
    );
  }
  return "unknown";
}

/**
 * Wraps a route handler: AppErrors become their status with a JSON message, and every
 * mutating request (anything but GET/HEAD/OPTIONS) is checked for a cross-site origin first,
 * so a new route cannot forget it.
 */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      const request = args[0];
      if (request instanceof Request && isMutating(request.method)) assertSameOrigin(request);
      await refuseNulCharacters(request, args[1]);
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * A NUL character in the URL (%00) or a route parameter reaches no use-case: PostgreSQL cannot
 * compare or store text holding one (a 500 there), and no real id or filter contains one. Bodies
 * are checked by parseInput (lib/validation.ts).
 */
async function refuseNulCharacters(request: unknown, context: unknown): Promise<void> {
  const params: unknown =
    context !== null && typeof context === "object" && "params" in context ? await (context as { params: unknown }).params : null;
  assertNoNulInAddress(
    request instanceof Request ? request.url : "",
    params !== null && typeof params === "object" ? Object.values(params) : [],
  );
}

/** The check above, for any request: its URL as sent, and its route parameters decoded. */
export function assertNoNulInAddress(url: string, params: readonly unknown[]): void {
  const nul = (value: unknown) => typeof value === "string" && value.includes("\u0000");
  if (/%00/i.test(url) || params.some((value) => nul(value) || (Array.isArray(value) && value.some(nul)))) {
    throw new AppError("invalid_input", "The address cannot contain a NUL character (%00).");
  }
}

/** A JSON body with values from the URL laid over it (the URL wins); a non-object body counts as {}. */
export function withParams(body: unknown, params: Record<string, string>): Record<string, unknown> {
  const fields = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { ...fields, ...params };
}
