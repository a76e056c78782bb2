import "server-only";
// Day boundaries are the location's local days (Europe/London by default), not UTC days:
// "today" for a restaurant ends at its own midnight. The day and week of an instant come from
// the playbook's venue calendar (lib/playbook/venue-day.ts), the same one the projection stores.
import { addDays, mondayOf, venueDay } from "@/lib/playbook/venue-day";

export { addDays, mondayOf };

export const DEFAULT_TIMEZONE = "Europe/London";
export const DAY_MS = 24 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function localParts(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The local calendar date ("YYYY-MM-DD") of an instant in a zone. */
export function localDate(instant: Date, timeZone = DEFAULT_TIMEZONE): string {
  return venueDay(instant, timeZone);
}

/**
 * "2026-03-29 01:30:00": an instant on a zone's wall clock, to the second, as spreadsheets read a
 * date and time (for exports; the zone is named alongside).
 */
export function localDateTime(instant: Date, timeZone = DEFAULT_TIMEZONE): string {
  const p = localParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${venueDay(instant, timeZone)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

/** The instant a local calendar date ("YYYY-MM-DD") starts in a zone. */
export function startOfLocalDate(date: string, timeZone = DEFAULT_TIMEZONE): Date {
  const [y, m, d] = date.split("-").map(Number);
  const guess = Date.UTC(y, m - 1, d);
  let instant = guess - zoneOffsetMs(new Date(guess), timeZone);
  // Across a DST change the offset at the guess and at the answer differ: correct once more.
  instant = guess - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A local date range [from, to] as instants [start, end). */
export function localRange(from: string, to: string, timeZone = DEFAULT_TIMEZONE): { start: Date; end: Date } {
  return { start: startOfLocalDate(from, timeZone), end: startOfLocalDate(addDays(to, 1), timeZone) };
}
