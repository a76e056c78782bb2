// Scores the ended cases whose stored rubric is missing or stale (docs/decisions/0037), through
// the app's own scoring code. Run by scripts/migrate.mjs when it finds such a case; safe to run again.
//   tsx --conditions=react-server scripts/backfill-case-scores.ts [file:path.db | postgresql://…]
import { backfillCaseScores } from "@/lib/cases/backfill-case-scores";
import { createDb } from "@/lib/db/client";

async function main() {
  const url = process.argv[2];
  const db = url ? createDb(url) : createDb();
  try {
    const scored = await backfillCaseScores(db);
    console.log(`Scored ${scored} ended case${scored === 1 ? "" : "s"}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
