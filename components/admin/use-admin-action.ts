"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson, type ApiError } from "@/lib/client/api";

type Method = "POST" | "PUT" | "PATCH";

/** One admin change: send it, refresh the server-rendered lists, and keep the answer to show. */
export function useAdminAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run(method: Method, url: string, body: unknown, success: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await sendJson(method, url, body);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setDone(success);
    router.refresh();
    return true;
  }

  /** The server's message for one field, when it named that field. */
  function fieldError(name: string): string | undefined {
    const fields = error?.details?.fields;
    if (fields && typeof fields === "object" && name in fields) return String((fields as Record<string, unknown>)[name]);
    return undefined;
  }

  return { run, busy, error, done, fieldError };
}
