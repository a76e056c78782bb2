// The oracle's calendar: for each venue and each date, the instants its day starts and ends on
// its own clock, and the Monday of its week. SQL (in SQLite at least) cannot turn an instant into
// a day in a named time zone, so the oracle writes this small table from the venues' zones and
// joins every case to it: a case belongs to the venue day whose [starts_at, ends_at) holds the
// instant it was opened.
//
// Deliberately naive and independent of the app's date code: a day starts at the first quarter
// hour whose date on the venue's clock (Intl, en-CA, "YYYY-MM-DD") is that day. Every time zone's
// offset, and so every local midnight, falls on a whole quarter hour of UTC.
import type { OracleDb } from "./sqlite-only";

const QUARTER_HOUR = 15 * 60 * 1000;

function dateOnClock(timeZone: string): (at: Date) => string {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return (at) => {
    const text = format.format(at);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`Unexpected date format ${text}`);
    return text;
  };
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function mondayOfDate(date: string): string {
  const at = Date.parse(`${date}T00:00:00Z`);
  const sinceMonday = (new Date(at).getUTCDay() + 6) % 7;
  return new Date(at - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The first instant of `date` on the clock: search forward, a quarter hour at a time, from an
 * instant known to be before it (`before`: by default 15 hours before UTC midnight, earlier than
 * any zone's midnight).
 */
function startOfDate(date: string, localDate: (at: Date) => string, before = Date.parse(`${date}T00:00:00Z`) - 15 * 3_600_000): Date {
  let at = before;
  if (localDate(new Date(at)) >= date) throw new Error(`Searching for ${date} from too late`);
  while (localDate(new Date(at)) < date) at += QUARTER_HOUR;
  if (localDate(new Date(at)) !== date) throw new Error(`No ${date} found`);
  return new Date(at);
}

export const CALENDAR_TABLE = "oracle_venue_day";

/** The dates the calendar always covers (any range a test asks about), and more if the events reach further. */
const COVERED = { from: "2024-01-01", to: "2027-12-31" };

/**
 * Writes the calendar (a temporary table, gone with the connection) for every venue, covering
 * COVERED and every case event with two days to spare on each side.
 */
export async function writeVenueCalendar(db: OracleDb): Promise<void> {
  const d = db.dialect;
  await db.run(`DROP TABLE IF EXISTS ${CALENDAR_TABLE}`);
  await db.run(
    `CREATE TEMP TABLE ${CALENDAR_TABLE} (location_id TEXT NOT NULL, day TEXT NOT NULL, week TEXT NOT NULL, starts_at ${d.instantType} NOT NULL, ends_at ${d.instantType} NOT NULL)`,
  );
  const [span] = await db.all<{ first: string | null; last: string | null }>(
    `SELECT MIN("at") AS first, MAX("at") AS last FROM "CaseEvent"`,
  );
  const earliest = span?.first ? new Date(Date.parse(span.first) - 2 * 86_400_000).toISOString().slice(0, 10) : COVERED.from;
  const latest = span?.last ? new Date(Date.parse(span.last) + 2 * 86_400_000).toISOString().slice(0, 10) : COVERED.to;
  const firstDate = earliest < COVERED.from ? earliest : COVERED.from;
  const lastDate = latest > COVERED.to ? latest : COVERED.to;
  const venues = await db.all<{ id: string; timezone: string }>(`SELECT "id", "timezone" FROM "Location"`);
  const insert = `INSERT INTO ${CALENDAR_TABLE} (location_id, day, week, starts_at, ends_at) VALUES (${[1, 2, 3, 4, 5].map(d.placeholder).join(", ")})`;
  for (const venue of venues) {
    const localDate = dateOnClock(venue.timezone);
    let start = startOfDate(firstDate, localDate);
    for (let date = firstDate; date <= lastDate; date = nextDate(date)) {
      // A day lasts at least 23 hours: search for the next one from 20 hours into this one.
      const end = startOfDate(nextDate(date), localDate, start.getTime() + 20 * 3_600_000);
      await db.run(insert, [venue.id, date, mondayOfDate(date), d.instant(start), d.instant(end)]);
      start = end;
    }
  }
}
