import path from "node:path";
import { root } from "./schema-engine.mjs";

// One place that decides which SQLite file the app, scripts and tests use.
export function databaseUrl() {
  return process.env.DATABASE_URL ?? `file:${path.join(root, "data", "coach.db")}`;
}
