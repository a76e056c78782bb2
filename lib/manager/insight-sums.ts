import "server-only";
// The insights' figures summed over a set of venue days (decision 31's follow-up), in a form two
// sets can be merged in: the cached days of a range (2,190 rows for a year at six venues, the
// same from one read to the next while no day changes) and the days read live (today, and the
// days touched since they were cached). A process keeps the sums of the cached days per
// `cachedKey` (insight-days.ts: the fingerprint of the range's rows the database returned on this
// read, less the rows that did not hold): each row version's figures never change, so the sums
// of the same rows are the same sums, whichever instance wrote them. Nothing here is trusted
// without that key; a read that finds any day changed has another key and sums again.
import type { Db } from "@/lib/db/client";
import type { ActionTimes, DayFigures, TagDay } from "./insight-days";
import { DAY_MS, mondayOf } from "./time";

export type ScopeDay = { locationId: string; day: string; f: DayFigures };

/** Cases per week (the Monday on the venue's calendar), location and category, with their counts. */
export type WeekGroup = {
  week: string;
  locationId: string;
  category: string | null;
  n: number;
  acceptedFirstTime: number;
  acceptedAfterChanges: number;
  notAccepted: number;
  remedyCents: number;
  compensated: number;
  apologised: number;
  resolved: number;
};

/** One location and root cause's days, in day order. */
type TagRun = { locationId: string; tagId: string; days: string[]; rows: TagDay[]; byWithin?: Map<number, RepeatState> };
/** Where the repeat rule stands after some days of one location and root cause. */
type RepeatState = { cases: number; repeats: number; lastAt: number; previousAt: number | null };

export type DaySums = {
  groups: WeekGroup[];
  tagCounts: Map<string, number>;
  /** Milliseconds to the first apology and to resolution, ascending. */
  fa: Float64Array;
  rs: Float64Array;
  /** Actions late whatever the clock says (done late, or open and late when read). */
  late: number;
  /** Due times of the other open actions, ascending. */
  openDue: Float64Array;
  told: ActionTimes[];
  tagRuns: Map<string, TagRun>;
};

/** The sums of the days, which must come in day order (each location's days in order). */
export function sumDays(days: readonly ScopeDay[]): DaySums {
  const groups = new Map<string, WeekGroup>();
  const weekOf = new Map<string, string>();
  const tagCounts = new Map<string, number>();
  const tagRuns = new Map<string, TagRun>();
  const fa: number[] = [];
  const rs: number[] = [];
  const openDue: number[] = [];
  const told: ActionTimes[] = [];
  let late = 0;
  for (const { locationId, day, f } of days) {
    let week = weekOf.get(day);
    if (week === undefined) weekOf.set(day, (week = mondayOf(day)));
    for (const [category, n, aft, aac, na, remedy, compensated, apologised, resolved] of f.c) {
      const key = `${week} ${locationId} ${category ?? ""}`;
      let g = groups.get(key);
      if (!g) {
        g = {
          week,
          locationId,
          category,
          n: 0,
          acceptedFirstTime: 0,
          acceptedAfterChanges: 0,
          notAccepted: 0,
          remedyCents: 0,
          compensated: 0,
          apologised: 0,
          resolved: 0,
        };
        groups.set(key, g);
      }
      g.n += n;
      g.acceptedFirstTime += aft;
      g.acceptedAfterChanges += aac;
      g.notAccepted += na;
      g.remedyCents += remedy;
      g.compensated += compensated;
      g.apologised += apologised;
      g.resolved += resolved;
    }
    for (const row of f.t) {
      const [tagId, n] = row;
      tagCounts.set(tagId, (tagCounts.get(tagId) ?? 0) + n);
      const key = `${locationId} ${tagId}`;
      let run = tagRuns.get(key);
      if (!run) tagRuns.set(key, (run = { locationId, tagId, days: [], rows: [] }));
      run.days.push(day);
      run.rows.push(row);
    }
    for (const ms of f.fa) fa.push(ms);
    for (const ms of f.rs) rs.push(ms);
    late += f.lateDone + f.openLate;
    for (const at of f.openDue) openDue.push(at);
    for (const action of f.told) told.push(action);
  }
  const sorted = (values: number[]) => Float64Array.from(values).sort();
  return {
    groups: [...groups.values()],
    tagCounts,
    fa: sorted(fa),
    rs: sorted(rs),
    late,
    openDue: sorted(openDue),
    told,
    tagRuns,
  };
}

/**
 * Per client, the sums of the cached days by their key (a handful: a few scopes' ranges; each
 * holds the year's durations, so about 1.5 MB for 100,000 cases).
 */
const sumsByDb = new WeakMap<Db, Map<string, DaySums>>();
const SUMS_MAX = 8;

/** The sums of the cached days named by `key`, summed by `days()` when this process has not yet. */
export function cachedSums(db: Db, key: string | null, days: () => readonly ScopeDay[]): DaySums {
  if (key === null) return sumDays(days());
  let memo = sumsByDb.get(db);
  if (!memo) sumsByDb.set(db, (memo = new Map()));
  const known = memo.get(key);
  if (known) {
    // Most recently used last, so the oldest goes first.
    memo.delete(key);
    memo.set(key, known);
    return known;
  }
  const sums = sumDays(days());
  if (memo.size >= SUMS_MAX) memo.delete(memo.keys().next().value as string);
  memo.set(key, sums);
  return sums;
}

/** Two ascending arrays as one. */
function merged(a: Float64Array, b: Float64Array): Float64Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** The median of both sets' durations in whole seconds (the exact average of the middle one or two, rounded). */
export function medianOfSums(a: Float64Array, b: Float64Array): { medianSeconds: number | null; cases: number } {
  const all = merged(a, b);
  const n = all.length;
  if (n === 0) return { medianSeconds: null, cases: 0 };
  const median = n % 2 === 1 ? all[(n - 1) / 2] : (all[n / 2 - 1] + all[n / 2]) / 2;
  return { medianSeconds: Math.round(median / 1000), cases: n };
}

/** How many of the ascending values are below `at`. */
function countBelow(values: Float64Array, at: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The broken promises of both sets, judged against `now` (as brokenPromisesOf). */
export function brokenPromisesOfSums(sums: readonly DaySums[], now: Date) {
  const at = now.getTime();
  const isLate = ([done, dueAt, completedAt]: ActionTimes) => (done === 0 ? dueAt < at : completedAt !== null && completedAt > dueAt);
  let total = 0;
  let told = 0;
  for (const s of sums) {
    total += s.late + countBelow(s.openDue, at);
    for (const action of s.told) {
      told += 1;
      if (!isLate(action)) total += 1;
    }
  }
  return { total, told, notTold: total - told, toldShare: total ? told / total : null };
}

/** Cases per root cause over both sets. */
export function tagCountsOfSums(sums: readonly DaySums[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sums) for (const [tagId, n] of s.tagCounts) counts.set(tagId, (counts.get(tagId) ?? 0) + n);
  return counts;
}

/**
 * The repeats per location and root cause over both sets (repeatRows' rule): each day's first
 * case against the previous day's last (days in the range only), and within a day every case but
 * the first, less the gaps over the limit. A location's days are merged in day order.
 */
export function repeatsOfSums(
  a: DaySums,
  b: DaySums,
  within: number,
): { locationId: string; tagId: string; cases: number; repeats: number; lastAt: number }[] {
  if (!Number.isInteger(within) || within < 1) throw new RangeError("within must be a whole number of days, at least 1");
  const limitMs = within * DAY_MS;
  const out: { locationId: string; tagId: string; cases: number; repeats: number; lastAt: number }[] = [];
  const step = (state: RepeatState, [, n, firstAt, dayLastAt, longGaps]: TagDay) => {
    if (state.previousAt !== null && firstAt - state.previousAt <= limitMs) state.repeats += 1;
    if (n > 1) state.repeats += dayLastAt - firstAt <= limitMs ? n - 1 : n - 1 - longGaps.filter((gap) => gap > limitMs).length;
    state.cases += n;
    state.lastAt = Math.max(state.lastAt, dayLastAt);
    state.previousAt = dayLastAt;
  };
  const start = (): RepeatState => ({ cases: 0, repeats: 0, lastAt: -Infinity, previousAt: null });
  /** A run's state after all its days, kept on the run (the cached sums' runs never change). */
  const whole = (run: TagRun): RepeatState => {
    run.byWithin ??= new Map();
    let state = run.byWithin.get(within);
    if (!state) {
      state = start();
      for (const row of run.rows) step(state, row);
      run.byWithin.set(within, state);
    }
    return { ...state };
  };
  const keys = new Set([...a.tagRuns.keys(), ...b.tagRuns.keys()]);
  for (const key of keys) {
    const x = a.tagRuns.get(key);
    const y = b.tagRuns.get(key);
    const run = (x ?? y) as TagRun;
    let state: RepeatState;
    if (!y || !x || x.days[x.days.length - 1] < y.days[0]) {
      // The usual case: the live days (today) all come after the cached ones.
      state = x ? whole(x) : start();
      for (const row of y?.rows ?? []) step(state, row);
    } else {
      // Live days among the cached ones (days touched since they were cached): merged in day order.
      state = start();
      let i = 0;
      let j = 0;
      while (i < x.rows.length || j < y.rows.length) {
        if (j >= y.rows.length || (i < x.rows.length && x.days[i] < y.days[j])) step(state, x.rows[i++]);
        else step(state, y.rows[j++]);
      }
    }
    if (state.repeats > 0)
      out.push({ locationId: run.locationId, tagId: run.tagId, cases: state.cases, repeats: state.repeats, lastAt: state.lastAt });
  }
  return out;
}
