"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { getJson } from "@/lib/client/api";
import { followLive } from "@/lib/client/live";

/**
 * Held steps are rare: the badge refetches its count when the live stream says a step was held or
 * reviewed at the manager's venues (docs/decisions/0019, 0026), on every (re)connection, and
 * otherwise polls slowly — every HELD_POLL_MS while the stream is down, HELD_SLOW_POLL_MS while
 * it is healthy.
 */
export const HELD_POLL_MS = 15_000;
export const HELD_SLOW_POLL_MS = 60_000;

/**
 * The badge on the live board: how many steps taken offline at the manager's venues could not be
 * recorded and are still to review (lib/manager/count-held-steps.ts, scoped on the server), with a
 * link to review them. Nothing when there are none.
 */
export function HeldStepsBadge({ initial }: { initial: number }) {
  const [count, setCount] = useState(initial);

  useEffect(() => {
    return followLive({
      wants: (notice) => notice.type === "held",
      refresh: async () => {
        // A 401 or an outage: keep the last count; the board itself shows the connection's state.
        const result = await getJson<{ unreviewed: number }>("/api/manager/held-steps/count", { quiet: true });
        if (result.ok) setCount(result.data.unreviewed);
      },
      fastMs: HELD_POLL_MS,
      slowMs: HELD_SLOW_POLL_MS,
    });
  }, []);

  return (
    <div aria-live="polite" className="empty:hidden">
      {count > 0 ? (
        <Link
          href="/manager/held-steps"
          data-testid="held-steps-badge"
          className="flex min-h-12 flex-wrap items-center gap-3 rounded-xl border-2 border-amber-300 bg-amber-950/60 px-4 py-3 text-lg text-amber-50 hover:bg-amber-900/60"
        >
          <span className="rounded-full bg-amber-300 px-3 py-0.5 text-base font-bold tabular-nums text-slate-950">{count}</span>
          <span>
            {count === 1 ? "A step" : `${count} steps`} taken offline could not be recorded once the case had moved on.{" "}
            <span className="font-semibold underline underline-offset-4">Review held steps</span>
          </span>
        </Link>
      ) : null}
    </div>
  );
}
