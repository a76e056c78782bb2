// A second process writing to the same database as the server (the same SQLite file, or the same
// PostgreSQL database through its own pool), through the same use-cases: appends notes to the
// given cases (the storm's clients append to them too) for up to `ms` milliseconds. Prints
// {"ready":…} once connected, one JSON line per acknowledged append and one per failure.
// Stops early when a line "stop" arrives on its stdin, or after --max-acks acknowledged appends.
// On exit it prints, on stderr, how its tries went (a case not opened yet, or refused: skipped).
// Usage: npx tsx tests/e2e/support/second-writer.ts file:path.db ms [--max-acks N] caseId...
import { appendEvent } from "@/lib/cases/append-event";
import { configureSqlite, createDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { actorFor } from "@/tests/support/actors";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const [url, ms, ...rest] = process.argv.slice(2);
  const maxAt = rest.indexOf("--max-acks");
  const maxAcks = maxAt >= 0 ? Number(rest[maxAt + 1]) : Infinity;
  const caseIds = maxAt >= 0 ? rest.filter((_, i) => i !== maxAt && i !== maxAt + 1) : rest;

  let stopped = false;
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk: string) => {
    if (chunk.split("\n").includes("stop")) stopped = true;
  });

  const db = createDb(url);
  const actor = actorFor("usr-maria", "loc-harbour");
  await configureSqlite(db);
  await db.case.count();
  const started = Date.now();
  console.log(JSON.stringify({ ready: started }));
  const until = started + Number(ms);
  const tally = { acked: 0, notFound: 0, refused: 0 };
  let n = 0;
  while (!stopped && Date.now() < until && tally.acked < maxAcks) {
    const caseId = caseIds[n % caseIds.length];
    const clientEventId = `second-writer-${process.pid}-${n++}`;
    try {
      const result = await appendEvent(db, actor, caseId, {
        clientEventId,
        event: { type: "note_added", data: { text: `From the back office ${n}` } },
      });
      tally.acked++;
      console.log(JSON.stringify({ ack: clientEventId, caseId, sequence: result.sequence }));
    } catch (error) {
      // A case not opened yet, or closed: the playbook's answer, not a failure of the database.
      if (isAppError(error) && error.code === "not_found") tally.notFound++;
      else if (isAppError(error) && error.code === "playbook_refused") tally.refused++;
      else console.log(JSON.stringify({ error: String(error) }));
    }
    await sleep(5);
  }
  console.error(`second writer: ${JSON.stringify(tally)} in ${Date.now() - started} ms`);
  process.stdin.destroy();
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ error: String(error) }));
  process.exit(1);
});
