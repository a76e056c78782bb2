// Data backfills that a migration's SQL cannot write, run by scripts/migrate.mjs straight after
// the migrations (docs/decisions/0017-venue-days-and-readback-outcomes.md).
//
// A migration that needs one ends by inserting the backfill's name into "_PendingBackfill".
// Each backfill runs in one transaction with the removal of its row, so a run that stops half
// way leaves it pending for the next `npm run db:migrate`; once nothing is pending the table is
// dropped, and the database is exactly what prisma/schema.prisma describes.
//
// SQLite only, like the migrations folder itself (a PostgreSQL migrations folder can compute
// these in SQL: `AT TIME ZONE` knows named zones).
import Database from "better-sqlite3";

/** The calendar day ("YYYY-MM-DD") of an instant on a zone's clock; the playbook's venueDay, in plain JS. */
function dayIn(timeZone) {
  const format = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return (instant) => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
    return `${parts.year.padStart(4, "0")}-${parts.month}-${parts.day}`;
  };
}

export const BACKFILLS = {
  /** Case.openedLocalDay and its copies on CaseRootCause: the day on the location's own clock. */
  venue_local_days(db) {
    const locations = db.prepare(`SELECT "id", "timezone" FROM "Location"`).all();
    const cases = db.prepare(`SELECT "id", "openedAt", "openedLocalDay" FROM "Case" WHERE "locationId" = ?`);
    const update = db.prepare(`UPDATE "Case" SET "openedLocalDay" = ? WHERE "id" = ?`);
    let changed = 0;
    for (const location of locations) {
      const day = dayIn(location.timezone);
      // Read the location's cases first: better-sqlite3 cannot write while a read is iterating.
      const wrong = [];
      for (const row of cases.iterate(location.id)) {
        const local = day(new Date(row.openedAt));
        if (local !== row.openedLocalDay) wrong.push([local, row.id]);
      }
      for (const [local, id] of wrong) changed += update.run(local, id).changes;
    }
    db.exec(`UPDATE "CaseRootCause" SET "openedLocalDay" = (SELECT c."openedLocalDay" FROM "Case" c WHERE c."id" = "CaseRootCause"."caseId")
      WHERE "openedLocalDay" IS NOT (SELECT c."openedLocalDay" FROM "Case" c WHERE c."id" = "CaseRootCause"."caseId")`);
    return changed;
  },
};

/** Runs every pending backfill on a SQLite database ("file:…" URL); returns the names it ran. */
export function runPendingBackfills(url) {
  if (!url.startsWith("file:")) throw new Error(`Backfills run on SQLite files only, not ${url}`);
  const db = new Database(url.slice("file:".length));
  try {
    db.pragma("busy_timeout = 10000");
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_PendingBackfill'`).get();
    if (!table) return [];
    const ran = [];
    for (const { name } of db.prepare(`SELECT "name" FROM "_PendingBackfill" ORDER BY "name"`).all()) {
      const backfill = BACKFILLS[name];
      if (!backfill) throw new Error(`A migration queued the backfill "${name}", which scripts/backfills.mjs does not know`);
      db.transaction(() => {
        backfill(db);
        db.prepare(`DELETE FROM "_PendingBackfill" WHERE "name" = ?`).run(name);
      }).immediate();
      ran.push(name);
    }
    db.exec(`DROP TABLE "_PendingBackfill"`);
    return ran;
  } finally {
    db.close();
  }
}
