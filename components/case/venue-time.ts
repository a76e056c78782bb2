// Times on the staff screens are the venue's: its clock (time zone) and British English, never
// the tablet's own language settings, so a UK venue never reads a US date.

export { useVenueTimeZone } from "./venue-zone";

const parts = (instant: Date, timeZone: string) => {
  const values = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${values.year}-${values.month}-${values.day}`, time: `${values.hour}:${values.minute}` };
};

/** The venue's calendar day ("YYYY-MM-DD") and wall-clock time ("HH:MM") of an instant. */
export function venueDayAndTime(instant: Date, timeZone: string): { day: string; time: string } {
  return parts(instant, timeZone);
}

/** How far the venue's clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const { day, time } = parts(new Date(instant), timeZone);
  return Date.parse(`${day}T${time}:00Z`) - Math.floor(instant / 60_000) * 60_000;
}

/** "20:30", "2030", "8.30" → "20:30" / "08:30"; null when it is not a time of day. */
export function normaliseTime(text: string): string | null {
  const match = /^\s*(\d{1,2})[:.h]?(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** A venue day and time as an ISO instant, or "" when either is missing or not a time. */
export function venueIso(day: string, time: string, timeZone: string): string {
  const clock = normaliseTime(time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !clock) return "";
  const wall = Date.parse(`${day}T${clock}:00Z`);
  if (Number.isNaN(wall)) return "";
  // The offset at the guess, corrected once more across a clock change.
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** The days an action can be due on: today and the next fortnight, named as the venue says them. */
export function dueDays(now: Date, timeZone: string, count = 14): { value: string; label: string }[] {
  const label = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" });
  const days: { value: string; label: string }[] = [];
  for (let i = 0; days.length < count && i < count + 2; i++) {
    // Noon steps: never two instants on the same venue day across a clock change.
    const instant = new Date(now.getTime() + i * 24 * 3_600_000);
    const { day } = parts(instant, timeZone);
    if (days.some((d) => d.value === day)) continue;
    const name = label.format(instant);
    days.push({ value: day, label: days.length === 0 ? `Today (${name})` : days.length === 1 ? `Tomorrow (${name})` : name });
  }
  return days;
}
