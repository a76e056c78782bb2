import { copyFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { afterAll, inject } from "vitest";
import { configureSqlite, createDb, type Db, type Engine } from "@/lib/db/client";
import { seedReferenceData } from "@/prisma/seed/reference-data";
import { databaseUrlFor } from "../../scripts/pg-server.mjs";

const TMP_DIR = path.resolve(__dirname, "..", ".tmp");
let counter = 0;

/**
 * The engine this run of the suite is on: vitest.config.mts runs every integration test twice,
 * as project "sqlite" and as project "postgresql" (TEST_ENGINE set by each project).
 */
export const TEST_ENGINE: Engine = process.env.TEST_ENGINE === "postgresql" ? "postgresql" : "sqlite";
export const onPostgres = TEST_ENGINE === "postgresql";

/**
 * A real database for this test file, with reference data: on SQLite a copy of the migrated
 * template file, on PostgreSQL a database cloned from the migrated template (CREATE DATABASE …
 * TEMPLATE). `file` is the SQLite file (undefined on PostgreSQL).
 */
export async function createTestDb(options: { reference?: boolean } = {}): Promise<{ db: Db; file: string; url: string }> {
  const name = `w${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}_${counter++}`;
  let url: string;
  let file = "";
  let drop: (() => Promise<void>) | undefined;
  if (onPostgres) {
    const adminUrl = inject("postgresUrl");
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE coach_template`);
    url = databaseUrlFor(adminUrl, name);
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    file = path.join(TMP_DIR, `w${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${counter - 1}.db`);
    copyFileSync(path.join(TMP_DIR, "template.db"), file);
    url = `file:${file}`;
  }
  const db = createDb(url);
  await configureSqlite(db);
  if (options.reference !== false) await seedReferenceData(db);
  afterAll(async () => {
    await db.$disconnect();
    await drop?.();
  });
  return { db, file, url };
}
