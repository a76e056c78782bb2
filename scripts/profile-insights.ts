// Each statement of the insights alone, and the page with a cold, warm and no day cache (decision 31),
// on a database a `scripts/bench-manager.ts --keep` run left:
//   npx tsx --conditions=react-server scripts/profile-insights.ts <database url> [runs]
import { createDb, configureSqlite } from "../lib/db/client";
import { getInsights, insightQueries } from "../lib/manager/insights";
import { preventionFigures } from "../lib/manager/prevention-insights";
import { addDays, localDate } from "../lib/manager/time";
import type { Actor } from "../lib/auth/actor";

const url = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
async function time(name: string, fn: () => Promise<unknown>) {
  const t: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const s = performance.now();
    await fn();
    if (i) t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  console.log(`${name.padEnd(60)} p50 ${t[Math.floor(t.length / 2)].toFixed(1).padStart(7)}  min ${t[0].toFixed(1).padStart(7)}`);
}
async function main() {
  const db = createDb(url);
  await configureSqlite(db);
  const locations = (await db.location.findMany({ where: { id: { startsWith: "bench-loc-" } }, orderBy: { id: "asc" } })).map((l) => l.id);
  const area: Actor = { id: "bench-area-manager", name: "A", role: "manager", locationIds: locations, currentLocationId: locations[0] };
  const now = new Date();
  const today = localDate(now);
  for (const days of [90, 365]) {
    const from = addDays(today, -(days - 1));
    const scope = { locationIds: locations, from, to: today };
    await time(`${days}d getInsights, no day cache (all live)`, () => getInsights(db, area, { from, to: today }, now, { dayCache: false }));
    await time(`${days}d getInsights, cold day cache (builds it)`, async () => {
      await db.$executeRawUnsafe(`DELETE FROM "InsightDay"`);
      await getInsights(db, area, { from, to: today }, now);
    });
    await time(`${days}d getInsights, warm day cache`, () => getInsights(db, area, { from, to: today }, now));
    for (const [name, q] of Object.entries(insightQueries)) await time(`${days}d ${name}`, () => q(db, scope));
    await time(`${days}d prevention`, () => preventionFigures(db, scope, now));
  }
  await db.$disconnect();
}
void main();
