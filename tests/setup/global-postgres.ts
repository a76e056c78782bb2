import type { TestProject } from "vitest/node";
import { Client } from "pg";
import { migrate } from "../../scripts/migrate.mjs";
import { databaseUrlFor, startPostgres } from "../../scripts/pg-server.mjs";

export const PG_TEMPLATE = "coach_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * The PostgreSQL half of the matrix: starts a throwaway server on loopback (initdb + pg_ctl in a
 * temporary folder; PG_TEST_PORT, 5460 unless set), migrates one template database, and gives its
 * address to the test files, each of which clones the template (tests/setup/test-db.ts).
 * TEST_POSTGRES_URL uses a server that is already running instead.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_POSTGRES_URL;
  let stop: (() => void) | undefined;
  if (!adminUrl) {
    const server = startPostgres({ port: Number(process.env.PG_TEST_PORT ?? 5460) });
    adminUrl = server.url;
    stop = server.stop;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  await migrate(databaseUrlFor(adminUrl, PG_TEMPLATE));
  project.provide("postgresUrl", adminUrl);
  return () => stop?.();
}
