// Where a warm read of the insights spends its time (decision 31's follow-ups), on a database a
// `scripts/bench-manager.ts --keep` run left (the day cache is warmed first):
//   npx tsx --conditions=react-server scripts/profile-insights-warm.ts <database url> [runs] [days]
// Prints p50 / p95 of the whole page and of its parts, each alone.
import { createDb, configureSqlite } from "../lib/db/client";
import { getInsights } from "../lib/manager/insights";
import { insightDays, liveDayFigures } from "../lib/manager/insight-days";
import { headsUpFigures } from "../lib/manager/prevention-insights";
import { venuesOf } from "../lib/manager/scope";
import { addDays, localDate } from "../lib/manager/time";
import type { Actor } from "../lib/auth/actor";

const url = process.argv[2];
const runs = Number(process.argv[3] ?? 30);
const days = Number(process.argv[4] ?? 365);
async function time(name: string, fn: () => Promise<unknown>) {
  const t: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const s = performance.now();
    await fn();
    if (i >= 2) t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  const p = (q: number) => t[Math.min(t.length - 1, Math.ceil(q * t.length) - 1)];
  console.log(
    `${name.padEnd(58)} p50 ${p(0.5).toFixed(1).padStart(7)}  p95 ${p(0.95).toFixed(1).padStart(7)}  min ${t[0].toFixed(1).padStart(7)}`,
  );
}
async function main() {
  const db = createDb(url);
  await configureSqlite(db);
  const locations = (await db.location.findMany({ where: { id: { startsWith: "bench-loc-" } }, orderBy: { id: "asc" } })).map((l) => l.id);
  const area: Actor = { id: "bench-area-manager", name: "A", role: "manager", locationIds: locations, currentLocationId: locations[0] };
  const now = new Date();
  const today = localDate(now);
  const from = addDays(today, -(days - 1));
  const venues = await venuesOf(db, locations);
  await getInsights(db, area, { from, to: today }, now);
  await time(`${days}d getInsights, warm`, () => getInsights(db, area, { from, to: today }, now));
  await time(`${days}d insightDays, warm`, () => insightDays(db, { venues, from, to: today }, now));
  await time(`${days}d headsUpFigures`, () => headsUpFigures(db, { locationIds: locations, from, to: today }));
  await time(`venues + tags + improvements`, () =>
    Promise.all([
      venuesOf(db, locations),
      db.rootCauseTag.findMany({ select: { id: true } }),
      db.improvement.findMany({ where: { status: "open", locationId: { in: locations } } }),
    ]),
  );
  await time(`liveDayFigures, yesterday + today`, () => liveDayFigures(db, locations, [addDays(today, -1), today], now));
  await time(`SELECT 1 (a round trip)`, () => db.$queryRawUnsafe("SELECT 1"));
  await db.$disconnect();
}
void main();
