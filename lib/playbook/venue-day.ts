// A venue's calendar: the day and the week an instant falls in on the venue's own clock. A case
// opened at 00:17 on a Monday in London belongs to that Monday and that week, even though it is
// still Sunday in UTC. The projection stores this day (Case.openedLocalDay), and the manager's
// figures count days and weeks from it (docs/decisions/0017-venue-days-and-readback-outcomes.md).
//
// Pure: Intl only, no I/O, so the projection can use it and the tablet can too.

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * Days already worked out, by time zone and instant. Every append projects the case's opening
 * instant to its venue day, before and after the step: the same answer each time, and
 * formatToParts costs tens of microseconds. Exact (keyed by the instant to the millisecond);
 * bounded, the oldest entry going first.
 */
const knownDays = new Map<string, string>();
const KNOWN_DAYS_MAX = 2_000;

/** The venue's calendar day ("YYYY-MM-DD") of an instant. */
export function venueDay(instant: Date, timeZone: string): string {
  const key = `${timeZone}|${instant.getTime()}`;
  const known = knownDays.get(key);
  if (known !== undefined) return known;
  const day = dayOf(instant, timeZone);
  if (knownDays.size >= KNOWN_DAYS_MAX) knownDays.delete(knownDays.keys().next().value as string);
  knownDays.set(key, day);
  return day;
}

function dayOf(instant: Date, timeZone: string): string {
  let year = "";
  let month = "";
  let day = "";
  for (const part of dayFormat(timeZone).formatToParts(instant)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  return `${year.padStart(4, "0")}-${month}-${day}`;
}

/** Calendar arithmetic on "YYYY-MM-DD" (no time zone: a day is a date, not an instant). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday that starts the week (Monday to Sunday) a "YYYY-MM-DD" day belongs to. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}
