// Finding teaching cases (issue 16): filter and sort by score and by missed rubric item, and
// search what staff said — read from the redacted log, so no customer detail can be searched for.
import { beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "@/tests/support/actors";
import { listReplayCases } from "@/lib/training/list-replay-cases";
import { recordCase } from "@/tests/support/record-case";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const maria = actorFor("usr-maria");
const tara = actorFor("usr-tara");
const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

let textbook: string;
let excuse: string;
let tokenRemedy: string;

beforeAll(async () => {
  textbook = (await recordCase(db, { staff: amira, manager: maria, at: minutesAgo(300) })).caseId;
  excuse = (
    await recordCase(db, {
      staff: amira,
      manager: maria,
      at: minutesAgo(200),
      edit: (e) =>
        e.type === "apology_given"
          ? { ...e, data: { ...e.data, words: "Sorry, we are short staffed tonight. Call Pat on 07700 900123." } }
          : e,
    })
  ).caseId;
  tokenRemedy = (
    await recordCase(db, { staff: amira, manager: maria, at: minutesAgo(100), options: { severity: 4, compensationCents: 500 } })
  ).caseId;
});

describe("finding teaching cases", () => {
  it("filters by a missed rubric item", async () => {
    const list = await listReplayCases(db, tara, { missed: "apology_no_excuses" });
    expect(list.rows.map((r) => r.id)).toEqual([excuse]);
    expect(list.rows[0].missed).toContain("apology_no_excuses");
  });

  it("filters by a score range, and sorts by score either way", async () => {
    const low = await listReplayCases(db, tara, { maxScore: "99" });
    expect(low.rows.map((r) => r.id).sort()).toEqual([excuse, tokenRemedy].sort());
    expect((await listReplayCases(db, tara, { minScore: "100" })).rows.map((r) => r.id)).toEqual([textbook]);
    const ascending = await listReplayCases(db, tara, { sort: "score_low" });
    const scores = ascending.rows.map((r) => r.score ?? 101);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect((await listReplayCases(db, tara, { sort: "score_high" })).rows[0].id).toBe(textbook);
  });

  it("searches what staff said, masked, never the customer's details in it", async () => {
    const list = await listReplayCases(db, tara, { q: "short staffed" });
    expect(list.rows.map((r) => r.id)).toEqual([excuse]);
    expect(list.rows[0].staffSaid).toContain("short staffed tonight");
    expect(list.rows[0].staffSaid).not.toContain("07700");
    expect((await listReplayCases(db, tara, { q: "07700 900123" })).rows).toEqual([]);
    expect((await listReplayCases(db, tara, { q: "Pat" })).rows.map((r) => r.id)).not.toContain(excuse);
  });

  it("answers bad filters with a clear message", async () => {
    expect((await errorOf(listReplayCases(db, tara, { missed: "charm" }))).code).toBe("invalid_input");
    expect((await errorOf(listReplayCases(db, tara, { minScore: "-3" }))).code).toBe("invalid_input");
    expect((await errorOf(listReplayCases(db, tara, { sort: "random" }))).code).toBe("invalid_input");
    expect((await errorOf(listReplayCases(db, amira, {}))).status).toBe(403);
  });
});
