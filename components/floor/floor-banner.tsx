"use client";

import { useCallback, useEffect, useState } from "react";
import { followLiveLater } from "@/lib/client/follow-live-later";
import type { FloorView } from "@/lib/heads-ups/list-floor";
import { LatePromiseCard } from "./late-promise-card";

/**
 * Every tablet of the venue sees a new heads-up within a few seconds of it being raised: at once
 * through the live stream (docs/decisions/0026), else by polling every FLOOR_POLL_MS. While the
 * stream is healthy the banner still polls every FLOOR_SLOW_POLL_MS: a promise becomes late by the
 * clock, not by a write.
 */
export const FLOOR_POLL_MS = 3000;
export const FLOOR_SLOW_POLL_MS = 15_000;
const TOLD_SHOWN_MS = 8_000;

type LatePromise = FloorView["latePromises"][number];

// Plain links (<a>), not next/link: this banner sits on the live coach, which carries no router script (decision 0006).

/**
 * The floor-wide banner on the home and case pages: the venue's live heads-ups, each with the
 * words to use and how many tables have been told, and any promise of this person's that is
 * running late ("go back and tell them"). Follows /api/floor; shows nothing when all is quiet.
 */
export function FloorBanner({ initial, compact = false }: { initial?: FloorView; compact?: boolean }) {
  const [floor, setFloor] = useState<FloorView | null>(initial ?? null);
  // A promise just told here stays on screen with its "✓ Recorded" a while, though the floor
  // (refetched at once on the live notice) no longer lists it.
  const [held, setHeld] = useState<LatePromise[]>([]);
  const onTold = useCallback((promise: LatePromise) => {
    setHeld((current) => [...current.filter((p) => p.actionId !== promise.actionId), promise]);
    setTimeout(() => setHeld((current) => current.filter((p) => p.actionId !== promise.actionId)), TOLD_SHOWN_MS);
  }, []);
  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const response = await fetch("/api/floor", { cache: "no-store" });
        if (response.ok && live) setFloor((await response.json()) as FloorView);
      } catch {
        // Offline: keep showing the last known floor.
      }
    };
    // At once, as before; the stream and the polling join once the page is idle.
    void load();
    const unfollow = followLiveLater({
      wants: (notice) => notice.type === "floor",
      refresh: load,
      fastMs: FLOOR_POLL_MS,
      slowMs: FLOOR_SLOW_POLL_MS,
    });
    return () => {
      live = false;
      unfollow();
    };
  }, []);
  const latePromises = [...(floor?.latePromises ?? []), ...held.filter((h) => !floor?.latePromises.some((p) => p.actionId === h.actionId))];
  if (!floor || (floor.headsUps.length === 0 && latePromises.length === 0)) return null;
  return (
    <section
      aria-label="On the floor now"
      data-testid="floor-banner"
      className={`mx-auto flex w-full max-w-5xl flex-col gap-3 ${compact ? "px-4 pt-3" : "px-6 pt-6"}`}
    >
      {floor.headsUps.map((h) => (
        <div
          key={h.id}
          role="status"
          data-testid="heads-up-banner"
          className="flex flex-col gap-2 rounded-2xl border-2 border-amber-300 bg-amber-950/80 px-5 py-3 text-amber-50"
        >
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-xl font-semibold">
              <span className="mr-2 rounded-full bg-amber-300 px-2.5 py-0.5 text-sm font-bold uppercase tracking-wide text-slate-950">
                Heads-up
              </span>
              {h.what}
            </p>
            <a
              href={`/heads-ups/${h.id}`}
              className="inline-flex min-h-12 items-center rounded-xl bg-amber-300 px-4 text-lg font-semibold text-slate-950 hover:bg-amber-200"
            >
              Tell a table · {h.told.length} told
            </a>
          </div>
          {compact ? null : (
            <p className="text-base text-amber-100">
              <span className="font-semibold">Say: </span>
              {h.words.slice(0, 3).join(" ")}
            </p>
          )}
          <p className="text-sm text-amber-200">
            Raised by {h.raisedBy}, {h.raisedTime}
          </p>
        </div>
      ))}
      {latePromises.map((p) => (
        <LatePromiseCard key={p.actionId} promise={p} compact={compact} onTold={onTold} />
      ))}
    </section>
  );
}
