// `npm run db:copy-venue`: a venue's SQLite file into the chain's PostgreSQL. Runs in the
// PostgreSQL half of the matrix (it needs both engines): a seeded SQLite venue is copied by the
// command itself, the target holds every case and event, each projection equals the fold of its
// log there, and a second run copies nothing twice.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { configureSqlite, createDb } from "@/lib/db/client";
import { DEFAULT_DEMO_NOW, seedDemoCases } from "@/prisma/seed/demo-cases";
import { seedReferenceData } from "@/prisma/seed/reference-data";
import { checkCaseLogs } from "@/lib/cases/check-case-logs";
import { migrate } from "../../scripts/migrate.mjs";
import { createTestDb, onPostgres } from "../setup/test-db";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..", "..");

describe.skipIf(!onPostgres)("npm run db:copy-venue", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "coach-copy-venue-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("copies a venue's cases and events into PostgreSQL, checked by the fold, and copies nothing twice", async () => {
    const sourceUrl = `file:${path.join(dir, "venue.db")}`;
    await migrate(sourceUrl);
    const source = createDb(sourceUrl);
    await configureSqlite(source);
    await seedReferenceData(source);
    await seedDemoCases(source, { count: 40, now: DEFAULT_DEMO_NOW });
    const [sourceCases, sourceEvents] = [await source.case.count(), await source.caseEvent.count()];
    await source.$disconnect();

    // The chain's database: migrated, with no venue data yet.
    const { db: chain, url } = await createTestDb({ reference: false });
    const copy = () =>
      run(
        process.execPath,
        [
          path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
          "--conditions=react-server",
          "scripts/copy-venue.ts",
          "--from",
          sourceUrl,
          "--to",
          url,
        ],
        { cwd: root },
      );
    const first = await copy();
    expect(first.stdout).toContain(`${sourceCases} cases, ${sourceEvents} events`);
    expect(first.stdout).toContain("every projection equal to the fold of its log");
    expect(await chain.case.count()).toBe(sourceCases);
    expect(await chain.caseEvent.count()).toBe(sourceEvents);
    expect((await checkCaseLogs(chain)).problems).toEqual([]);

    await copy();
    expect(await chain.case.count()).toBe(sourceCases);
    expect(await chain.caseEvent.count()).toBe(sourceEvents);
  }, 300_000);
});
