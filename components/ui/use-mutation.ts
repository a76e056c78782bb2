"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson, type ApiError, type ApiResult } from "@/lib/client/api";

type Method = "POST" | "PUT" | "PATCH" | "DELETE";
type Options<T> = {
  /** What to say once it is done: kept in `done` for the form to show. */
  success?: string | ((data: T) => string);
  /** Re-render the server page afterwards (the default), so lists show the change. */
  refresh?: boolean;
  /**
   * On success the caller leaves the page (`then` navigates): stay busy meanwhile, so a second
   * tap cannot send it again, and refresh nothing.
   */
  then?: (data: T) => void;
};

/**
 * The one way a form sends a change to the server: busy while it goes, the server's error (with
 * its field messages) when it fails, a line to show when it is done, and the page refreshed.
 * (The live coach's steps are not sent this way: they are kept on the tablet first, lib/tablet.)
 */
export function useMutation() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function send<T = unknown>(method: Method, url: string, body: unknown, options: Options<T> = {}): Promise<ApiResult<T>> {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await sendJson<T>(method, url, body);
    if (!result.ok) {
      setBusy(false);
      setError(result.error);
      return result;
    }
    if (options.then) {
      options.then(result.data);
      return result;
    }
    setBusy(false);
    if (options.success) setDone(typeof options.success === "string" ? options.success : options.success(result.data));
    if (options.refresh !== false) router.refresh();
    return result;
  }

  /** The server's message for one field, when it named that field. */
  function fieldError(name: string): string | undefined {
    const fields = error?.details?.fields;
    if (fields && typeof fields === "object" && name in fields) return String((fields as Record<string, unknown>)[name]);
    return undefined;
  }

  return { send, busy, error, done, fieldError };
}
