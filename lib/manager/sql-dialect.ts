import "server-only";
// Each engine's own pieces of the manager's SQL, in one place (docs/decisions/0020). The rest of
// lib/manager's SQL is plain enough for both: quoted identifiers (aliases too: PostgreSQL folds
// unquoted names to lower case), bound parameters, TRUE/FALSE, COUNT/SUM/CASE, LAG … OVER.
import { engineOf, type Engine } from "@/lib/db/engine";
import { Prisma } from "@/lib/generated/prisma/client";

export type SqlDialect = {
  engine: Engine;
  /**
   * Pins a query to the index built for it (`FROM "Case" c ${indexedBy("…")}`), so SQLite cannot
   * pick a queue index instead (docs/decisions/0007). PostgreSQL has no such hint (its planner
   * weighs the indexes by their statistics): nothing there.
   */
  indexedBy(index: string): Prisma.Sql;
  /**
   * A column that must not drive the choice of index: SQLite's unary + hides it from the planner
   * (see caseWhereSql); PostgreSQL needs no such hint and has no unary + for text or timestamps.
   */
  noIndex(column: Prisma.Sql): Prisma.Sql;
  /** The Monday starting the week (Monday to Sunday) of a "YYYY-MM-DD" text day, as the same text. */
  mondayOfDay(day: Prisma.Sql): Prisma.Sql;
  /** Whole milliseconds from instant `earlier` to instant `later`. */
  millisBetween(later: Prisma.Sql, earlier: Prisma.Sql): Prisma.Sql;
  /** The customer's words contain what the manager typed. */
  textSearch(column: Prisma.Sql, text: string): Prisma.Sql;
  /** A SUM of whole numbers as a whole number (PostgreSQL's SUM of a bigint is a numeric). */
  sumInt(expression: Prisma.Sql): Prisma.Sql;
};

/** Escapes LIKE's wildcards so a search for "50%" finds "50%", not "50 anything". */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/**
 * The words of a search as a PostgreSQL tsquery: each word a prefix ("refund" finds "refunded"),
 * all of them required, in the same 'simple' configuration as the GIN index
 * ("Case_customerWords_fts_idx", prisma/migrations-postgresql). Only letters and digits make a
 * word, so nothing typed can be read as tsquery syntax. Null when the text has no word at all.
 */
export function prefixTsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

const sqlite: SqlDialect = {
  engine: "sqlite",
  indexedBy: (index) => Prisma.raw(`INDEXED BY "${index.replaceAll('"', '""')}"`),
  noIndex: (column) => Prisma.sql`+${column}`,
  mondayOfDay: (day) => Prisma.sql`date(${day}, 'weekday 0', '-6 days')`,
  // Columns stored as ISO-8601 text. julianday's float carries well under a millisecond of error
  // at these magnitudes, so ROUND gives the exact integer.
  millisBetween: (later, earlier) => Prisma.sql`CAST(ROUND((julianday(${later}) - julianday(${earlier})) * 86400000) AS INTEGER)`,
  textSearch: (column, text) => Prisma.sql`${column} LIKE ${likeContains(text)} ESCAPE '\\'`,
  sumInt: (expression) => Prisma.sql`SUM(${expression})`,
};

const postgresql: SqlDialect = {
  engine: "postgresql",
  indexedBy: () => Prisma.empty,
  noIndex: (column) => column,
  mondayOfDay: (day) => Prisma.sql`to_char(date_trunc('week', CAST(${day} AS date)), 'YYYY-MM-DD')`,
  millisBetween: (later, earlier) => Prisma.sql`CAST(ROUND(EXTRACT(EPOCH FROM (${later} - ${earlier})) * 1000) AS BIGINT)`,
  // Full-text search through the GIN index finds the cases whose words begin with each word
  // typed; the same ILIKE as SQLite's LIKE then keeps those that contain the text as typed, so
  // "50%" finds "50%" and not "50 minutes". Punctuation alone ("%") has no word: ILIKE only.
  textSearch: (column, text) => {
    const query = prefixTsQuery(text);
    const contains = Prisma.sql`${column} ILIKE ${likeContains(text)} ESCAPE '\\'`;
    if (query === null) return contains;
    return Prisma.sql`(to_tsvector('simple', coalesce(${column}, '')) @@ to_tsquery('simple', ${query}) AND ${contains})`;
  },
  sumInt: (expression) => Prisma.sql`CAST(SUM(${expression}) AS BIGINT)`,
};

export function dialectFor(engine: Engine): SqlDialect {
  return engine === "postgresql" ? postgresql : sqlite;
}

/** The dialect of the engine a client talks to. */
export function dialectOf(db: object): SqlDialect {
  return dialectFor(engineOf(db));
}
