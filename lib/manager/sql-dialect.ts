import "server-only";
// The SQLite-only pieces of the manager's SQL, in one place, each with what PostgreSQL would say
// instead. The rest of lib/manager's SQL is plain enough for both engines (quoted identifiers,
// bound parameters, COUNT/SUM/CASE, LAG … OVER).
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Pins a query to the index built for it (`FROM "Case" c ${indexedBy("…")}`), so SQLite cannot
 * pick a queue index instead (docs/decisions/0007). PostgreSQL has no such hint: "" there.
 */
export function indexedBy(index: string): Prisma.Sql {
  return Prisma.raw(`INDEXED BY "${index.replaceAll('"', '""')}"`);
}

/**
 * The Monday starting the week (Monday to Sunday) of a "YYYY-MM-DD" text day, as the same text.
 * PostgreSQL: to_char(date_trunc('week', day::date), 'YYYY-MM-DD').
 */
export function mondayOfDaySql(day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`date(${day}, 'weekday 0', '-6 days')`;
}

/**
 * Whole milliseconds from instant `earlier` to instant `later` (columns stored as ISO-8601 text).
 * julianday's float carries well under a millisecond of error at these magnitudes, so ROUND gives
 * the exact integer. PostgreSQL: round(extract(epoch from later - earlier) * 1000)::bigint.
 */
export function millisBetweenSql(later: Prisma.Sql, earlier: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CAST(ROUND((julianday(${later}) - julianday(${earlier})) * 86400000) AS INTEGER)`;
}
