// How many statements each kind of step sends to PostgreSQL, and which (its log, log_statement=all):
// the round trips behind a step, for docs/decisions/0041. Not a test and not the bench: a count.
//   npx tsx --conditions=react-server scripts/count-step-statements.ts   (PostgreSQL on 127.0.0.1:5490)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { startPostgres, databaseUrlFor } from "./pg-server.mjs";
import { createDb } from "@/lib/db/client";
import { seedReferenceData } from "@/prisma/seed/reference-data";
import { openCase } from "@/lib/cases/open-case";
import { appendEvent } from "@/lib/cases/append-event";
import { resolveSession, resolveSessionWithCase, createSession } from "@/lib/auth/sessions";
import { appendSealedStep } from "@/lib/steps/append-sealed-step";
import { sealForSession } from "@/tests/support/held-step";
import { actorFor } from "@/tests/support/actors";
import { Client } from "pg";

async function main() {
  const pg = startPostgres({ port: 5490, settings: ["log_statement=all", "log_line_prefix='%m [%p] '"] });
  try {
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query("CREATE DATABASE countdb");
    await admin.end();
    const url = databaseUrlFor(pg.url, "countdb");
    execFileSync(process.execPath, [path.resolve(__dirname, "migrate.mjs"), url], { stdio: "ignore" });
    const db = createDb(url);
    await seedReferenceData(db);
    const amira = actorFor("usr-amira");
    const { caseId } = await openCase(db, amira, { clientEventId: randomUUID() });
    const { token } = await createSession(db, "usr-amira", "loc-harbour");
    const log = path.join(pg.dir, "server.log");
    const lines = () =>
      readFileSync(log, "utf8")
        .split("\n")
        .filter((l) => /LOG:\s+(statement|execute)/.test(l));
    const note = (text: string) => ({ clientEventId: randomUUID(), event: { type: "note_added", data: { text } } });
    // Warm: the hot path prepares its statements on first use.
    for (let i = 0; i < 3; i++) {
      const actor = await resolveSession(db, token);
      await appendEvent(db, actor!, caseId, note(`warm ${i}`));
    }
    const measure = async (name: string, work: () => Promise<unknown>) => {
      await new Promise((r) => setTimeout(r, 300));
      const before = lines().length;
      await work();
      await new Promise((r) => setTimeout(r, 300));
      const got = lines().slice(before);
      console.log(`\n${name}: ${got.length} statements`);
      for (const l of got) console.log("   ", l.replace(/^.*LOG:\s+/, "").slice(0, 110));
    };
    await measure("cookie step, session then case (before)", async () => {
      const actor = await resolveSession(db, token);
      await appendEvent(db, actor!, caseId, note("a"));
    });
    await measure("cookie step, session with case (after)", async () => {
      const { actor, knownCase } = await resolveSessionWithCase(db, token, new Date(), undefined, caseId);
      await appendEvent(db, actor!, caseId, note("b"), undefined, { knownCase });
    });
    const alone = await sealForSession(db, "usr-amira", "loc-harbour", { kind: "event", caseId, body: note("sealed alone") });
    await measure("sealed step, no case beside the seal (an older tablet)", () =>
      appendSealedStep(db, { keyId: alone.keyId, iv: alone.iv, data: alone.data }),
    );
    for (let i = 0; i < 2; i++) {
      const sealed = await sealForSession(db, "usr-amira", "loc-harbour", { kind: "event", caseId, body: note(`sealed ${i}`) });
      // As the tablet sends it (lib/tablet/field-sync.ts): the case named beside the seal.
      await measure(`sealed step ${i}, its case named beside the seal`, () =>
        appendSealedStep(db, { keyId: sealed.keyId, iv: sealed.iv, data: sealed.data, caseId }),
      );
    }
    await db.$disconnect();
  } finally {
    pg.stop();
  }
}
void main();
