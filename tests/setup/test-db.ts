import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { configureSqlite, createDb, type Db } from "@/lib/db/client";
import { seedReferenceData } from "@/prisma/seed/reference-data";

const TMP_DIR = path.resolve(__dirname, "..", ".tmp");
let counter = 0;

/** A real SQLite file for this test file: a copy of the migrated template, with reference data. */
export async function createTestDb(options: { reference?: boolean } = {}): Promise<{ db: Db; file: string }> {
  const file = path.join(TMP_DIR, `w${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${counter++}.db`);
  copyFileSync(path.join(TMP_DIR, "template.db"), file);
  const db = createDb(`file:${file}`);
  await configureSqlite(db);
  if (options.reference !== false) await seedReferenceData(db);
  afterAll(() => db.$disconnect());
  return { db, file };
}
