"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useSyncStatus } from "@/components/tablet/use-tablet";

/**
 * The home page's lists come from the server. Steps this tablet sends later (kept while offline,
 * sent on reconnect) change them: once a send has gone through, the lists are fetched again, so
 * "My cases today" never shows an old stage beside "All steps sent".
 */
export function RefreshWhenSent() {
  const router = useRouter();
  const { last } = useSyncStatus();
  const seen = useRef(last);
  useEffect(() => {
    if (last === seen.current) return;
    seen.current = last;
    if (last && (last.sent > 0 || last.refused > 0)) router.refresh();
  }, [last, router]);
  return null;
}
