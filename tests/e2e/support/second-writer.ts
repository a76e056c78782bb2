// A second process writing to the same SQLite file as the server, through the same use-cases:
// appends notes to the given cases (the storm's clients append to them too) for `ms`
// milliseconds. Prints one JSON line per acknowledged append, and one per failure.
// Usage: npx tsx tests/e2e/support/second-writer.ts file:path.db ms caseId...
import { appendEvent } from "@/lib/cases/append-event";
import { configureSqlite, createDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { actorFor } from "@/tests/support/actors";

async function main() {
  const [url, ms, ...caseIds] = process.argv.slice(2);
  const db = createDb(url);
  await configureSqlite(db);
  const actor = actorFor("usr-maria", "loc-harbour");
  const until = Date.now() + Number(ms);
  let n = 0;
  while (Date.now() < until) {
    const caseId = caseIds[n % caseIds.length];
    const clientEventId = `second-writer-${process.pid}-${n++}`;
    try {
      const result = await appendEvent(db, actor, caseId, {
        clientEventId,
        event: { type: "note_added", data: { text: `From the back office ${n}` } },
      });
      console.log(JSON.stringify({ ack: clientEventId, caseId, sequence: result.sequence }));
    } catch (error) {
      // A case not opened yet, or closed: the playbook's answer, not a failure of the database.
      if (isAppError(error) && (error.code === "not_found" || error.code === "playbook_refused")) continue;
      console.log(JSON.stringify({ error: String(error) }));
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ error: String(error) }));
  process.exit(1);
});
