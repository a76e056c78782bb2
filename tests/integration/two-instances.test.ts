// Several app instances on one database (docs/decisions/0021): two real processes append to the
// same cases at once, each through the app's own use-case, each with its own connections. The
// database orders them — the unique (caseId, sequence) turns a lost race into a retry — so every
// acknowledged step is stored exactly once, each case's sequence has no gap, and the projection
// equals the fold. Runs on both engines (on SQLite the two processes share the file).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openCase } from "@/lib/cases/open-case";
import { checkCaseLogs } from "@/lib/cases/check-case-logs";
import { actorFor } from "@/tests/support/actors";
import { createTestDb } from "../setup/test-db";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..", "..");
const { db, url } = await createTestDb();
const amira = actorFor("usr-amira");

async function writer(ms: number, caseIds: string[]) {
  const { stdout } = await run(
    process.execPath,
    [
      path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
      "--conditions=react-server",
      "tests/e2e/support/second-writer.ts",
      url,
      String(ms),
      ...caseIds,
    ],
    {
      cwd: root,
      env: { ...process.env, PG_POOL_SIZE: "4" },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { ack?: string; caseId?: string; sequence?: number; error?: string });
}

describe("two instances appending to the same cases", () => {
  it("store every acknowledged step exactly once, in one gap-free order per case, projection equal to the fold", async () => {
    const caseIds: string[] = [];
    for (let i = 0; i < 2; i++) caseIds.push((await openCase(db, amira, { clientEventId: `two-instances-open-${i}` })).caseId);

    const [a, b] = await Promise.all([writer(6000, caseIds), writer(6000, caseIds)]);
    const lines = [...a, ...b];
    expect(lines.filter((l) => l.error)).toEqual([]);
    const acks = lines.filter((l) => l.ack);
    // Both really wrote, and their steps interleave in one order (they raced, not took turns).
    expect(a.filter((l) => l.ack).length).toBeGreaterThan(2);
    expect(b.filter((l) => l.ack).length).toBeGreaterThan(2);
    const writerOf = new Map(acks.map((l) => [l.ack!, l.ack!.split("-")[2]]));
    const interleaved = await Promise.all(
      caseIds.map(async (caseId) => {
        const order = (
          await db.caseEvent.findMany({
            where: { caseId, sequence: { gt: 1 } },
            orderBy: { sequence: "asc" },
            select: { clientEventId: true },
          })
        ).map((e) => writerOf.get(e.clientEventId));
        return order.some((w, i) => i > 0 && w !== order[i - 1]);
      }),
    );
    expect(interleaved).toContain(true);

    for (const caseId of caseIds) {
      const events = await db.caseEvent.findMany({
        where: { caseId },
        orderBy: { sequence: "asc" },
        select: { sequence: true, clientEventId: true },
      });
      expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
      const stored = new Map(events.map((e) => [e.clientEventId, e.sequence]));
      for (const ack of acks.filter((l) => l.caseId === caseId)) expect(stored.get(ack.ack!), ack.ack).toBe(ack.sequence);
      // Nothing stored that nobody acknowledged (besides the opening).
      expect(events.length).toBe(1 + acks.filter((l) => l.caseId === caseId).length);
    }
    expect((await checkCaseLogs(db)).problems).toEqual([]);
  }, 60_000);
});
