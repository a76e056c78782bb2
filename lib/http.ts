import { NextResponse } from "next/server";
import { AppError, isAppError } from "./errors";

export type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (isAppError(error)) {
    const retryAfter = error.details?.retryAfterSeconds;
    const headers: Record<string, string> = typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {};
    return NextResponse.json({ error: { code: error.code, message: error.message, details: error.details } }, { status: error.status, headers });
  }
  console.error(error);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side. Nothing was lost; try again." } }, { status: 500 });
}

/** The largest request body any route accepts. The biggest real one (a step with 2,000 characters of free text) is a few KB. */
export const MAX_BODY_BYTES = 100_000;

function tooLarge(): AppError {
  return new AppError("payload_too_large", `The request is too large: at most ${MAX_BODY_BYTES / 1000} KB is accepted. Nothing was changed.`, {
    limitBytes: MAX_BODY_BYTES,
  });
}

/**
 * Reads a JSON body without ever holding more than MAX_BODY_BYTES of it: a declared
 * Content-Length over the limit is refused before a byte is read, and a body that runs past the
 * limit while streaming (chunked, or lying about its length) is cut off there. Both answer 413;
 * anything that is not JSON is a clear 400, not a crash.
 */
export async function readJson(request: Request): Promise<unknown> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const bytes = await readAtMost(request.body, MAX_BODY_BYTES);
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

async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
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
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "Cross-site requests are not allowed.");
  const origin = request.headers.get("origin");
  if (origin) {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (!host || hostOf(origin) !== host) throw new AppError("forbidden", "Cross-site requests are not allowed.");
  }
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

/**
 * The address a sign-in attempt came from, for throttling: the first x-forwarded-for entry
 * (set by the reverse proxy, or by Next itself from the socket), else "local".
 */
export function clientAddress(request: Request): string {
  const first = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first ? first.slice(0, 64) : "local";
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
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A JSON body with values from the URL laid over it (the URL wins); a non-object body counts as {}. */
export function withParams(body: unknown, params: Record<string, string>): Record<string, unknown> {
  const fields = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { ...fields, ...params };
}
