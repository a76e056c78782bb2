// Display helpers shared by server pages and client components (pure, no I/O).

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return s % 60 && minutes < 10 ? `${minutes} min ${s % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, "0")} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "just now", "4 min", "1 h 12 min", "3 d 2 h": how long something has been going on. */
export function formatElapsed(ms: number): string {
  if (ms < 45_000) return "just now";
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  return formatDuration(ms / 1000);
}

export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** "23 Nov" and "14:04" for tight table cells. */
export function formatShortDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" }).format(new Date(iso));
}

export function formatClock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

export function formatDate(iso: string, timeZone: string, withYear = true): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}) }).format(
    new Date(iso),
  );
}

export function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(new Date(iso));
}

/** "Monday 23 November 2026", for a day heading in a history. */
export function formatDayHeading(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(
    new Date(iso),
  );
}

/** "2 Mar" for a "YYYY-MM-DD" calendar date (no time zone shift). */
export function formatDay(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }).format(new Date(`${date}T00:00:00Z`));
}

export function formatPercent(share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  return `${(share * 100).toFixed(digits)}%`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}

export const STATUS_LABELS: Record<string, string> = {
  open: "Open",
  awaiting_manager: "Waiting for manager",
  closed: "Closed",
  abandoned: "Abandoned",
};

export const MOOD_LABELS: Record<string, string> = { calm: "Calm", upset: "Upset", angry: "Angry", furious: "Furious" };

/** The read-back over every round, as the manager reads it (Case.readbackOutcome). */
export const READBACK_OUTCOME_LABELS: Record<string, string> = {
  accepted_first_time: "Accepted first time",
  accepted_after_changes: "Accepted after changes",
  not_accepted: "Not accepted",
};
