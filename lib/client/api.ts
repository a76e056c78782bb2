export type ApiError = { status: number; code: string; message: string; details?: Record<string, unknown> };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** POSTs JSON to one of our route handlers; every failure comes back as a message to show. */
export async function postJson<T>(url: string, body: unknown): Promise<ApiResult<T>> {
  return sendJson<T>("POST", url, body);
}

/** Sends JSON with any mutating method (POST, PUT, PATCH, DELETE). */
export async function sendJson<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, error: { status: 0, code: "offline", message: "No connection. Check the Wi-Fi and try again." } };
  }
  return readResult<T>(response);
}

/**
 * GETs JSON from one of our route handlers. A 401 means the session is over (expired, ended by a
 * manager, the cookie gone): the page's session watch (lib/tablet/session-watch.ts) hears of it
 * and clears the tablet, unless the caller is only asking (`quiet`).
 */
export async function getJson<T>(url: string, options: { quiet?: boolean } = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store" });
  } catch {
    return { ok: false, error: { status: 0, code: "offline", message: "No connection." } };
  }
  if (response.status === 401 && !options.quiet && typeof window !== "undefined") window.dispatchEvent(new Event("coach:unauthenticated"));
  return readResult<T>(response);
}

async function readResult<T>(response: Response): Promise<ApiResult<T>> {
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as T };
  const error = (body as { error?: Omit<ApiError, "status"> } | null)?.error;
  return {
    ok: false,
    error: {
      status: response.status,
      code: error?.code ?? "error",
      message: error?.message ?? `Request failed (${response.status})`,
      details: error?.details,
    },
  };
}

/**
 * randomUUID exists only in secure contexts (https or localhost); a tablet reaching the app over
 * plain http on the venue's network still needs unguessable, unique step ids.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A case id chosen on the tablet, so a case opened offline has its final id at once: "c" and 24
 * random base-36 characters (about 124 bits), the shape the server accepts (lib/cases/client-event.ts).
 */
export function newCaseId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return "c" + Array.from(bytes, (b) => (b % 36).toString(36)).join("");
}
