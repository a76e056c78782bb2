import { beforeAll, describe, expect, it } from "vitest";
import { csvField, csvLine } from "@/lib/manager/csv";
import { prepareQueueCsv } from "@/lib/manager/export-queue-csv";
import { listCaseQueue } from "@/lib/manager/list-queue";
import { driveCase } from "@/tests/support/drive-case";
import { actorFor } from "@/tests/support/actors";
import { createTestDb, onPostgres } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const ben = actorFor("usr-ben");
const chloe = actorFor("usr-chloe");
const maria = actorFor("usr-maria");
const james = actorFor("usr-james");
const alex = actorFor("usr-alex");
const NOW = new Date("2026-03-10T12:00:00Z");

/** A minimal CSV reader (quotes, doubled quotes, CRLF), to check the export round-trips. */
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
    else if (ch === "\r" && text[i + 1] === "\n") {
      (row.push(field), rows.push(row), (row = []), (field = ""), i++);
    } else field += ch;
  }
  if (field || row.length) (row.push(field), rows.push(row));
  return rows;
}

const ids: Record<string, string> = {};
const refs: Record<string, string> = {};

beforeAll(async () => {
  const make = async (key: string, spec: Parameters<typeof driveCase>[1]) => {
    const c = await driveCase(db, spec);
    ids[key] = c.caseId;
    refs[key] = c.reference;
  };
  await make("A", {
    staff: amira,
    at: new Date("2026-03-01T10:00:00Z"),
    category: "food_quality",
    severity: 2,
    words: "Our SOUP arrived cold",
    tags: ["product_quality"],
  });
  await make("B", {
    staff: ben,
    at: new Date("2026-03-02T19:00:00Z"),
    category: "wait_time",
    severity: 3,
    stopAt: "confirm",
    words: "We waited 50% longer than promised_ok",
  });
  await make("C", {
    staff: amira,
    manager: maria,
    at: new Date("2026-03-03T20:00:00Z"),
    category: "billing",
    severity: 4,
    stopAt: "escalated",
    words: 'He said "no", then left\nangrily, =SUM(A1)',
  });
  await make("D", { staff: amira, at: new Date("2026-03-04T12:00:00Z"), stopAt: "listen" });
  await make("E", { staff: chloe, at: new Date("2026-03-05T13:00:00Z"), category: "food_quality", severity: 3, tags: ["product_quality"] });
  await make("F", {
    staff: amira,
    at: new Date("2026-03-05T14:00:00Z"),
    category: "food_quality",
    severity: 3,
    practice: true,
    stopAt: "validate",
  });
  await make("G", { staff: amira, at: new Date("2026-03-06T09:00:00Z"), category: "food_quality", severity: 2, abandon: true });
  await make("H", {
    staff: ben,
    at: new Date("2026-03-06T10:00:00Z"),
    category: "drink",
    severity: 1,
    stopAt: "validate",
    words: "Paid 50 pounds for this",
  });
  for (let i = 0; i < 25; i++) {
    await make(`N${i}`, { staff: amira, at: new Date(Date.UTC(2026, 1, 1, 12, i)), category: "noise", severity: 1, stopAt: "validate" });
  }
}, 120_000);

const refsOf = (rows: { reference: string }[]) => rows.map((r) => r.reference);
const keysOf = (rows: { id: string }[]) => rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.id));

describe("the case queue", () => {
  it("lists the manager's locations only, newest first, without practice cases", async () => {
    const page = await listCaseQueue(db, maria, { size: "100" }, NOW);
    expect(page.total).toBe(6 + 25); // A B C D G H + 25 noise; not E (other location), not F (practice)
    expect(keysOf(page.rows).slice(0, 6)).toEqual(["H", "G", "D", "C", "B", "A"]);
  });

  it("filters by stage or status, severity, category, root cause, staff member and open actions", async () => {
    const q = async (input: Record<string, string>) =>
      keysOf((await listCaseQueue(db, maria, { ...input, size: "100" }, NOW)).rows).filter((k) => !k?.startsWith("N"));
    expect(await q({ state: "awaiting_manager" })).toEqual(["C"]);
    expect(await q({ state: "closed" })).toEqual(["A"]);
    expect(await q({ state: "abandoned" })).toEqual(["G"]);
    expect(await q({ state: "listen" })).toEqual(["D"]);
    expect(await q({ state: "confirm" })).toEqual(["B"]);
    expect(await q({ state: "open" })).toEqual(["H", "D", "C", "B"]);
    expect(await q({ severity: "4" })).toEqual(["C"]);
    expect(await q({ category: "food_quality" })).toEqual(["G", "A"]);
    expect(await q({ tag: "product_quality" })).toEqual(["A"]);
    expect(await q({ staff: "usr-ben" })).toEqual(["H", "B"]);
    expect(await q({ actions: "open" })).toEqual(["B", "A"]);
    expect(await q({ actions: "overdue" })).toEqual(["B", "A"]);
    expect(keysOf((await listCaseQueue(db, maria, { actions: "overdue" }, new Date("2026-03-01T10:30:00Z"))).rows)).toEqual([]);
  });

  it("filters by a local date range, both ends inclusive", async () => {
    const page = await listCaseQueue(db, maria, { from: "2026-03-02", to: "2026-03-03" }, NOW);
    expect(keysOf(page.rows)).toEqual(["C", "B"]);
  });

  it("searches the customer's words case-insensitively, with % and _ taken literally", async () => {
    expect(keysOf((await listCaseQueue(db, maria, { q: "soup arrived" }, NOW)).rows)).toEqual(["A"]);
    expect(keysOf((await listCaseQueue(db, maria, { q: "50%" }, NOW)).rows)).toEqual(["B"]);
    // SQLite: any substring. PostgreSQL: full-text search through its GIN index, so each word
    // typed must begin a word of the text ("promised_ok", "promis", but not "d_ok" from mid-word),
    // and then the text as typed must be there too.
    expect(keysOf((await listCaseQueue(db, maria, { q: "d_ok" }, NOW)).rows)).toEqual(onPostgres ? [] : ["B"]);
    expect(keysOf((await listCaseQueue(db, maria, { q: "promised_OK" }, NOW)).rows)).toEqual(["B"]);
    expect(keysOf((await listCaseQueue(db, maria, { q: "SOUP arr" }, NOW)).rows)).toEqual(["A"]);
    expect(keysOf((await listCaseQueue(db, maria, { q: "50" }, NOW)).rows)).toEqual(["H", "B"]);
    expect((await listCaseQueue(db, maria, { q: "%" }, NOW)).rows.map((r) => r.customerWords)).toEqual([
      "We waited 50% longer than promised_ok",
    ]);
  });

  it("sorts by severity (unknown last), by last activity, and ascending", async () => {
    const bySeverity = keysOf((await listCaseQueue(db, maria, { sort: "severity", size: "100" }, NOW)).rows).filter(
      (k) => !k?.startsWith("N"),
    );
    expect(bySeverity).toEqual(["C", "B", "G", "A", "H", "D"]);
    const byActivity = (await listCaseQueue(db, maria, { sort: "activity", size: "100" }, NOW)).rows;
    const times = byActivity.map((r) => r.lastEventAt);
    expect([...times].sort().reverse()).toEqual(times);
    const oldest = await listCaseQueue(db, maria, { dir: "asc", size: "10" }, NOW);
    expect(keysOf(oldest.rows)[0]).toBe("N0");
  });

  it("pages in the database: no overlaps, no gaps, with a total", async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => listCaseQueue(db, maria, { category: "noise", size: "10", page: String(page) }, NOW)),
    );
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 5]);
    expect(pages[0].total).toBe(25);
    expect(pages[0].pageCount).toBe(3);
    const all = pages.flatMap((p) => refsOf(p.rows));
    expect(new Set(all).size).toBe(25);
    const beyond = await listCaseQueue(db, maria, { category: "noise", size: "10", page: "4" }, NOW);
    expect(beyond.rows).toEqual([]);
  });

  it("stops counting at the cap and still offers the next page", async () => {
    const first = await listCaseQueue(db, maria, { category: "noise", size: "10" }, NOW, { countCap: 12 });
    expect(first).toMatchObject({ total: 12, totalCapped: true, pageCount: 2, hasNext: true });
    const third = await listCaseQueue(db, maria, { category: "noise", size: "10", page: "3" }, NOW, { countCap: 12 });
    expect(third.rows).toHaveLength(5);
    expect(third.hasNext).toBe(false);
    const exact = await listCaseQueue(db, maria, { category: "noise", size: "10" }, NOW, { countCap: 25 });
    expect(exact).toMatchObject({ total: 25, totalCapped: false, pageCount: 3, hasNext: true });
  });

  it("shows the row's location, staff member and open or overdue actions", async () => {
    const page = await listCaseQueue(db, maria, { state: "confirm" }, NOW);
    expect(page.rows[0]).toMatchObject({
      reference: refs.B,
      locationName: "The Harbour Kitchen",
      staffName: "Ben Okafor",
      openActions: 1,
      overdueActions: 1,
      severity: 3,
    });
  });

  it("refuses bad filters with a 400 naming the field", async () => {
    const error = await errorOf(listCaseQueue(db, maria, { severity: "9" }, NOW));
    expect(error.status).toBe(400);
    expect(error.details?.fields).toHaveProperty("severity");
    expect((await errorOf(listCaseQueue(db, maria, { from: "2026-03-05", to: "2026-03-01" }, NOW))).status).toBe(400);
    expect((await errorOf(listCaseQueue(db, maria, { state: "sideways" }, NOW))).status).toBe(400);
  });

  it("refuses another location's queue (403) and staff (403); admins see what they ask for", async () => {
    expect((await errorOf(listCaseQueue(db, maria, { location: "loc-grand" }, NOW))).status).toBe(403);
    expect((await errorOf(listCaseQueue(db, amira, {}, NOW))).status).toBe(403);
    expect(keysOf((await listCaseQueue(db, james, {}, NOW)).rows)).toEqual(["E"]);
    expect(keysOf((await listCaseQueue(db, alex, { location: "loc-grand" }, NOW)).rows)).toEqual(["E"]);
  });
});

describe("CSV export", () => {
  it("escapes quotes, commas and line breaks, and defuses formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=1+2")).toBe("'=1+2");
    // Plain text after a minus is left as it is (issue 17); a formula after it is not.
    expect(csvField("-5 stars, awful")).toBe('"-5 stars, awful"');
    expect(csvField("-5+5")).toBe("'-5+5");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
    expect(csvField(true)).toBe("yes");
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });

  it("exports the filtered queue, round-tripping awkward text", async () => {
    const { count, chunks } = await prepareQueueCsv(db, maria, { severity: "4" }, NOW);
    expect(count).toBe(1);
    let text = "";
    for await (const chunk of chunks) text += chunk;
    expect(text.startsWith("\uFEFFReference,Opened at (venue time),Location,Time zone,")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(2);
    const header = rows[0];
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1][i]]));
    expect(row.Reference).toBe(refs.C);
    expect(row["Customer words"]).toBe('He said "no", then left\nangrily, =SUM(A1)');
    expect(row.Status).toBe("awaiting_manager");
    expect(row.Location).toBe("The Harbour Kitchen");
  });

  it("exports every matching row across batches, in the queue's order", async () => {
    const { count, chunks } = await prepareQueueCsv(db, maria, { sort: "opened", dir: "asc" }, NOW);
    let text = "";
    for await (const chunk of chunks) text += chunk;
    const rows = parseCsv(text.slice(1));
    expect(count).toBe(31);
    expect(rows).toHaveLength(32);
    expect(rows[1][0]).toBe(refs.N0);
    expect(rows.at(-1)?.[0]).toBe(refs.H);
    const a = rows.find((r) => r[0] === refs.A);
    expect(a?.[header(rows, "Root causes")]).toBe("Product quality");
    expect(a?.[header(rows, "Compensation (GBP)")]).toBe("5.00");
  });

  it("refuses another location's export", async () => {
    expect((await errorOf(prepareQueueCsv(db, maria, { location: "loc-grand" }, NOW))).status).toBe(403);
  });
});

function header(rows: string[][], name: string): number {
  return rows[0].indexOf(name);
}
