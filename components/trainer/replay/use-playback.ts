"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export const SPEEDS = [1, 2, 4, "step"] as const;
export type Speed = (typeof SPEEDS)[number];
/** A pause longer than this (a manager's follow-up days later) plays as this long at 1×. */
export const MAX_GAP_MS = 60_000;
/** Steps recorded in the same second still show, one after the other. */
const MIN_WAIT_MS = 400;

/** The pause played before the next step: real, or (unless `trueTime`) shortened to MAX_GAP_MS. */
export function playedGap(gapMs: number, trueTime: boolean): number {
  return trueTime ? Math.max(0, gapMs) : Math.min(Math.max(0, gapMs), MAX_GAP_MS);
}

/**
 * Plays a list of timestamps at their real pace (or 2×, 4×), or one step per press. Pauses over
 * a minute play as one minute, unless `trueTime` is on (the controls say which). The
 * position is an index into the log; `clock` is the case time to show, moving smoothly
 * between two steps while playing.
 */
export function usePlayback(times: readonly number[]) {
  const last = times.length - 1;
  const [index, setIndexState] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const [trueTime, setTrueTime] = useState(false);
  const [now, setNow] = useState(0);
  const segment = useRef<{ start: number; wait: number } | null>(null);

  useEffect(() => {
    if (!playing) return;
    if (index >= last) {
      setPlaying(false);
      return;
    }
    if (speed === "step") {
      setIndexState(index + 1);
      setPlaying(false);
      return;
    }
    const gap = Math.max(0, times[index + 1] - times[index]);
    const wait = Math.max(MIN_WAIT_MS, playedGap(gap, trueTime) / speed);
    segment.current = { start: performance.now(), wait };
    const timer = window.setTimeout(() => setIndexState((i) => Math.min(i + 1, last)), wait);
    const ticker = window.setInterval(() => setNow(performance.now()), 250);
    return () => {
      window.clearTimeout(timer);
      window.clearInterval(ticker);
      segment.current = null;
    };
  }, [playing, index, speed, times, last, trueTime]);

  const setIndex = useCallback((next: number) => setIndexState(Math.max(0, Math.min(last, next))), [last]);
  const toggle = useCallback(() => {
    setPlaying((p) => {
      if (!p && index >= last) setIndexState(0); // play again from the start
      return !p;
    });
  }, [index, last]);
  const step = useCallback(
    (by: number) => {
      setPlaying(false);
      setIndexState((i) => Math.max(0, Math.min(last, i + by)));
    },
    [last],
  );

  // Case time between two steps: where the playhead is within the (possibly shortened) wait.
  let clock = times[index] ?? 0;
  const seg = segment.current;
  if (playing && seg && index < last) {
    const share = Math.min(1, Math.max(0, (now - seg.start) / seg.wait));
    clock = times[index] + share * (times[index + 1] - times[index]);
  }
  const nextIn = playing && seg && index < last ? Math.max(0, seg.wait - (now - seg.start)) : null;
  const longPauses = times.some((t, i) => i > 0 && t - times[i - 1] > MAX_GAP_MS);
  return { index, setIndex, playing, setPlaying, toggle, step, speed, setSpeed, trueTime, setTrueTime, longPauses, clock, nextIn, last };
}
