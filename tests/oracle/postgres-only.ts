// The oracle on PostgreSQL (the other half of tests/oracle/sqlite-only.ts): the same plain SQL,
// with PostgreSQL's JSON operators and interval arithmetic, through node-postgres (not Prisma,
// not lib/).
import pg from "pg";
import type { OracleDb, OracleDialect } from "./sqlite-only";

const path = (parts: string[]) => `'{${parts.join(",")}}'`;

export const postgresDialect: OracleDialect = {
  jsonText: (column, ...parts) => `(${column}::jsonb #>> ${path(parts)})`,
  jsonNumber: (column, ...parts) => `(${column}::jsonb #>> ${path(parts)})::numeric`,
  jsonTrue: (column, ...parts) => `(CASE WHEN (${column}::jsonb #>> ${path(parts)}) = 'true' THEN 1 ELSE 0 END)`,
  joinJsonArray: (column, member, alias) =>
    `CROSS JOIN LATERAL jsonb_array_elements_text(${column}::jsonb -> '${member}') AS ${alias}(value)`,
  // bigint, so the medians divide as whole numbers, as SQLite does.
  millisBetween: (later, earlier) => `CAST(round(extract(epoch from (${later} - ${earlier})) * 1000) AS bigint)`,
  divide: (dividend, divisor) => `div(${dividend}, ${divisor})`,
  placeholder: (n) => `$${n}`,
  instant: (at) => at.toISOString(),
  instantType: "timestamp(3)",
};

/** Whole numbers as numbers, and instants as ISO-8601 text (as the SQLite oracle reads them). */
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20 || oid === 1700) return (text: string) => Number(text);
    if (oid === 1114) return (text: string) => new Date(`${text.replace(" ", "T")}Z`).toISOString();
    return pg.types.getTypeParser(oid, format as "text");
  },
};

export async function openPostgresOracleDb(url: string): Promise<OracleDb> {
  const client = new pg.Client({ connectionString: url, types: types as pg.CustomTypesConfig });
  await client.connect();
  return {
    dialect: postgresDialect,
    run: async (sql, params = []) => {
      await client.query(sql, params);
    },
    all: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    close: async () => {
      await client.end();
    },
  };
}

/** The oracle on a test database of either engine. */
export async function openOracleDb(test: { file: string; url: string }): Promise<OracleDb> {
  if (test.url.startsWith("postgres")) return openPostgresOracleDb(test.url);
  const { openSqliteOracleDb } = await import("./sqlite-only");
  return openSqliteOracleDb(test.file);
}
