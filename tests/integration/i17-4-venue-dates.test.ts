// Issue 17, finding 4: dates were shown in one time zone for every venue: the repeats' "last"
// date on London's clock, the queue's times on London's clock, the CSV's timestamps in UTC with
// milliseconds. Now each case's dates are on its own venue's clock, and the queue's date filter
// takes each venue's days on its own clock, as the insights do.
import { beforeAll, describe, expect, it } from "vitest";
import { prepareQueueCsv } from "@/lib/manager/export-queue-csv";
import { formatDate } from "@/lib/display/format";
import { getInsights } from "@/lib/manager/insights";
import { listCaseQueue } from "@/lib/manager/list-queue";
import { AWKWARD_PEOPLE, addAwkwardVenues, ordinary, play } from "../oracle/awkward-cases";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();
const { kiri, area } = AWKWARD_PEOPLE;
const NOW = new Date("2026-11-20T21:30:00.000Z");

beforeAll(async () => {
  await addAwkwardVenues(db);
  // Auckland, Monday 9 November 2026 at 09:00 and 12:00 NZDT (Sunday 8th in UTC and in London).
  await play(db, kiri, new Date("2026-11-08T20:00:00.000Z"), ordinary(["booking"], { category: "booking" }));
  await play(db, kiri, new Date("2026-11-08T23:00:00.000Z"), ordinary(["booking"], { category: "booking" }));
}, 60_000);

/** A minimal CSV reader (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(field), (field = ""));
    else if (ch === "\r" && text[i + 1] === "\n") (row.push(field), rows.push(row), (row = []), (field = ""), i++);
    else field += ch;
  }
  return rows;
}

describe("dates on the venue's own clock", () => {
  it("export each case's times on its venue's clock, naming the zone, to the second", async () => {
    const { chunks } = await prepareQueueCsv(db, area, { location: "loc-kiwi", sort: "opened", dir: "asc" }, NOW);
    let text = "";
    for await (const chunk of chunks) text += chunk;
    const [header, ...rows] = parseCsv(text.slice(1));
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    expect(row["Opened at (venue time)"]).toBe("2026-11-09 09:00:00");
    expect(row["Time zone"]).toBe("Pacific/Auckland");
    expect(row["Closed at (venue time)"]).toMatch(/^2026-11-09 09:\d\d:00$/);
    expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
  });

  it("give each queue row its venue's clock, and filter each venue's days on its own clock", async () => {
    const queue = await listCaseQueue(db, area, { from: "2026-11-09", to: "2026-11-09" }, NOW);
    expect(queue.total).toBe(2);
    expect(queue.rows.map((r) => r.timeZone)).toEqual(["Pacific/Auckland", "Pacific/Auckland"]);
    expect((await listCaseQueue(db, area, { from: "2026-11-08", to: "2026-11-08" }, NOW)).total).toBe(0);
  });

  it("show a repeat's last case on its venue's clock", async () => {
    const insights = await getInsights(db, area, { from: "2026-11-01", to: "2026-11-15" }, NOW);
    const [row] = insights.repeats.rows;
    expect(row).toMatchObject({ locationId: "loc-kiwi", timeZone: "Pacific/Auckland", lastAt: "2026-11-08T23:00:00.000Z" });
    expect(formatDate(row.lastAt, row.timeZone)).toBe("9 Nov 2026");
  });
});
