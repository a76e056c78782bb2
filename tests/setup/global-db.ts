import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../scripts/migrate.mjs";

export const TMP_DIR = path.resolve(__dirname, "..", ".tmp");
export const TEMPLATE_DB = path.join(TMP_DIR, "template.db");

/** Migrates one template database per run; each test file copies it (tests/setup/test-db.ts). */
export default async function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  // Only this runner's files: the browser tests' e2e.db lives here too and may be in use.
  for (const file of readdirSync(TMP_DIR)) {
    if (file.startsWith("template.db") || /^w\d+-/.test(file)) rmSync(path.join(TMP_DIR, file), { force: true });
  }
  await migrate(`file:${TEMPLATE_DB}`);
}
