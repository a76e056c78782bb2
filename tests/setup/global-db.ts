import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../scripts/migrate.mjs";

export const TMP_DIR = path.resolve(__dirname, "..", ".tmp");
export const TEMPLATE_DB = path.join(TMP_DIR, "template.db");

/** Migrates one template database per run; each test file copies it (tests/setup/test-db.ts). */
export default async function setup() {
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  await migrate(`file:${TEMPLATE_DB}`);
}
