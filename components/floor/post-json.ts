// The floor's few requests: JSON in, the server's own message back on a refusal. Online only:
// heads-ups are about what is happening now, so nothing here is queued on the tablet.

export type Posted<T> = { ok: true; data: T } | { ok: false; message: string; fields?: Record<string, string> };

export async function postJson<T>(url: string, body: unknown): Promise<Posted<T>> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = (await response.json().catch(() => null)) as {
      error?: { message?: string; details?: { fields?: Record<string, string> } };
    } | null;
    if (response.ok) return { ok: true, data: json as T };
    return { ok: false, message: json?.error?.message ?? `The server answered ${response.status}.`, fields: json?.error?.details?.fields };
  } catch {
    return { ok: false, message: "No connection: nothing was sent. Try again when the Wi-Fi is back." };
  }
}

/** A fresh id for one step, so a step sent twice is recorded once. */
export function newStepId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `fl-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
