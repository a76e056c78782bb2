// Another process writing through the app's own use-cases (tests/integration/live-updates.test.ts):
// opens a complaint case and raises a heads-up at loc-harbour as Amira, prints their ids as JSON.
// Usage: npx tsx --conditions=react-server tests/integration/support/live-writer.ts <database url> <tag>
import { openCase } from "@/lib/cases/open-case";
import { configureSqlite, createDb } from "@/lib/db/client";
import { raiseHeadsUp } from "@/lib/heads-ups/raise-heads-up";
import { actorFor } from "@/tests/support/actors";

async function main() {
  const [url, tag] = process.argv.slice(2);
  const db = createDb(url);
  await configureSqlite(db);
  const amira = actorFor("usr-amira", "loc-harbour");
  const opened = await openCase(db, amira, { clientEventId: `live-writer-open-${tag}` });
  const raised = await raiseHeadsUp(db, amira, {
    clientEventId: `live-writer-heads-up-${tag}`,
    kind: "sold_out",
    what: "Oysters are off tonight",
    reason: "The delivery did not come",
    options: [
      { choice: "change", text: "Mussels instead" },
      { choice: "cancel", text: "Take it off the bill" },
    ],
  });
  console.log(JSON.stringify({ caseId: opened.caseId, headsUpId: raised.id }));
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
