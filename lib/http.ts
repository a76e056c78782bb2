import { NextResponse } from "next/server";
import { AppError, isAppError } from "./errors";

export type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (isAppError(error)) {
    return NextResponse.json({ error: { code: error.code, message: error.message, details: error.details } }, { status: error.status });
  }
  console.error(error);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side. Nothing was lost; try again." } }, { status: 500 });
}

/** Reads a JSON body; anything that is not JSON is a clear 400, not a crash. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > 100_000) throw new AppError("invalid_input", "The request is too large.");
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("invalid_input", "The request body must be JSON.");
  }
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
    if (!host || new URL(origin).host !== host) throw new AppError("forbidden", "Cross-site requests are not allowed.");
  }
}

/** Wraps a route handler: AppErrors become their status with a JSON message. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
