// Everything in the insights oracle that is SQLite's own, in one place. The oracle's queries
// (./insights-oracle.ts) are otherwise plain SQL that PostgreSQL runs as written: CTEs, joins,
// GROUP BY, CASE, COUNT/SUM/MIN/MAX, ROW_NUMBER and LAG OVER, EXISTS. To run the oracle on
// PostgreSQL, give it another `OracleDialect` and an `OracleDb` over `pg`:
//
//   jsonText(c, "a", "b")   c::jsonb #>> '{a,b}'
//   jsonNumber(c, "a")      (c::jsonb #>> '{a}')::numeric
//   jsonTrue(c, "a")        (c::jsonb #>> '{a}') = 'true'
//   joinJsonArray(c, "a", x) CROSS JOIN LATERAL jsonb_array_elements_text(c::jsonb -> 'a') AS x(value)
//   millisBetween(a, b)     round(extract(epoch from (a - b)) * 1000)
//   placeholder(n)          $n
//   instants                timestamptz columns and parameters; here ISO-8601 text in one format
//                           ("2026-03-29T00:30:00.000+00:00", as Prisma's SQLite adapter stores
//                           DateTime), so comparing the text compares the instants.
import Database from "better-sqlite3";

export type OracleDialect = {
  /** A JSON member of a text column, as text (null when absent). */
  jsonText(column: string, ...path: string[]): string;
  /** A JSON member as a number. */
  jsonNumber(column: string, ...path: string[]): string;
  /** 1 when a JSON member is `true`, else 0. */
  jsonTrue(column: string, ...path: string[]): string;
  /** A join to a JSON array member's elements, one row each, as text in `<alias>.value`. */
  joinJsonArray(column: string, member: string, alias: string): string;
  /** Whole milliseconds from one instant column to another (later − earlier). */
  millisBetween(later: string, earlier: string): string;
  /** Whole-number division, rounding toward zero (PostgreSQL's SUM of bigints is a numeric). */
  divide(dividend: string, divisor: string): string;
  /** The n-th (1-based) bound parameter. */
  placeholder(n: number): string;
  /** An instant as the database stores it, for a bound parameter. */
  instant(at: Date): string;
  /** The column type of an instant in the oracle's own tables. */
  instantType: string;
};

const path = (parts: string[]) => `'$.${parts.join(".")}'`;

export const sqliteDialect: OracleDialect = {
  jsonText: (column, ...parts) => `json_extract(${column}, ${path(parts)})`,
  jsonNumber: (column, ...parts) => `json_extract(${column}, ${path(parts)})`,
  // SQLite's json_extract gives 1 for true and 0 for false.
  jsonTrue: (column, ...parts) => `(CASE WHEN json_extract(${column}, ${path(parts)}) = 1 THEN 1 ELSE 0 END)`,
  joinJsonArray: (column, member, alias) => `JOIN json_each(${column}, '$.${member}') ${alias}`,
  // julianday's float error is far below half a millisecond for these instants: ROUND is exact.
  millisBetween: (later, earlier) => `CAST(ROUND((julianday(${later}) - julianday(${earlier})) * 86400000) AS INTEGER)`,
  divide: (dividend, divisor) => `(${dividend}) / ${divisor}`,
  placeholder: () => "?",
  instant: (at) => at.toISOString().replace("Z", "+00:00"),
  instantType: "TEXT",
};

/** How the oracle talks to a database: run a statement, read rows. */
export type OracleDb = {
  dialect: OracleDialect;
  run(sql: string, params?: unknown[]): Promise<void>;
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

/** The oracle on a SQLite file, through better-sqlite3 (not Prisma, not lib/). */
export function openSqliteOracleDb(file: string): OracleDb {
  const db = new Database(file);
  db.pragma("busy_timeout = 10000");
  db.defaultSafeIntegers(false);
  return {
    dialect: sqliteDialect,
    run: async (sql, params = []) => {
      db.prepare(sql).run(...params);
    },
    all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
    close: async () => {
      db.close();
    },
  };
}
