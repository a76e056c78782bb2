// Issue 10, item 4: "Redaction misses what trainers must never see". Names in free text ("My name
// is Jane Doe", "Mr Smith"), phone numbers in full-width digits, with extensions, with dots or
// middle dots or glued to a word, and emails spelled out ("jane dot doe at example dot com")
// reached trainers. lib/cases/redact.ts now finds numbers with libphonenumber-js and names with
// the compromise NLP tagger, after normalising the text.
//
// The corpus (tests/security/redaction-corpus/) is scored here and its figures printed: recall
// per kind, and precision two ways. tune.json is what the redaction was tuned on; holdout.json
// was written with it and never tuned on.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getCase } from "@/lib/cases/get-case";
import { EMAIL_MASK, findPersonalDetails, maskPersonalDetails, NAME_MASK, PHONE_MASK } from "@/lib/cases/redact";
import type { PlaybookEvent } from "@/lib/playbook";
import { demoCaseSteps, demoSeedSettings, planDemoCases } from "@/prisma/seed/demo-cases";
import { actorFor } from "@/tests/support/actors";
import { getReplay } from "@/lib/training/get-replay";
import { listReplayCases } from "@/lib/training/list-replay-cases";
import { recordCase } from "@/tests/support/record-case";
import { createTestDb } from "../setup/test-db";
import { KINDS, loadCorpus, recall, report, score, type Score } from "./redaction-corpus/score";

const reports: string[] = [];
afterAll(() => {
  // The figures the issue asks for, in the test output.
  console.log(`\nRedaction corpus (tests/security/redaction-corpus)\n${reports.join("\n")}`);
});

const spanPrecision = (s: Score) => s.spans.onSecret / s.spans.total;
const keptIntact = (s: Score) => s.keep.intact / s.keep.total;

describe("the redaction corpus", () => {
  const tune = loadCorpus("tune");
  const holdout = loadCorpus("holdout");

  it("has at least 100 tricky strings, with every kind of secret and things that must stay", () => {
    const all = [...tune, ...holdout];
    expect(all.length).toBeGreaterThanOrEqual(100);
    for (const kind of KINDS) expect(all.filter((e) => e[kind]?.length).length, kind).toBeGreaterThanOrEqual(20);
    expect(all.filter((e) => !KINDS.some((k) => e[k]?.length)).length).toBeGreaterThanOrEqual(50);
    for (const entry of all)
      for (const part of [...KINDS.flatMap((k) => entry[k] ?? []), ...(entry.keep ?? [])]) expect(entry.text).toContain(part);
  });

  it("masks what it was tuned on, and leaves prices, times, tables, dates and quantities alone", () => {
    const s = score(tune);
    reports.push(report("tune (tuned on)", s));
    expect(recall(s)).toBeGreaterThanOrEqual(0.97);
    for (const kind of ["phone", "email"] as const) expect(s.secrets[kind].masked, kind).toBe(s.secrets[kind].total);
    expect(spanPrecision(s)).toBeGreaterThanOrEqual(0.97);
    expect(keptIntact(s)).toBeGreaterThanOrEqual(0.97);
  });

  it("does nearly as well on the held-out half", () => {
    const s = score(holdout);
    reports.push(report("holdout (never tuned on)", s));
    expect(recall(s)).toBeGreaterThanOrEqual(0.95);
    expect(spanPrecision(s)).toBeGreaterThanOrEqual(0.95);
    expect(keptIntact(s)).toBeGreaterThanOrEqual(0.95);
  });

  it("reads only the sentences where a name could be, and that changes no result (corpus and 200 demo cases)", () => {
    const texts = [...tune, ...holdout].map((e) => e.text);
    const walk = (v: unknown): string[] =>
      typeof v === "string" ? [v] : Array.isArray(v) ? v.flatMap(walk) : v && typeof v === "object" ? Object.values(v).flatMap(walk) : [];
    for (const plan of planDemoCases(200, demoSeedSettings({}, 1500)))
      for (const step of demoCaseSteps(plan)) texts.push(...walk(step.event.data));
    const differ = [...new Set(texts)].filter(
      (t) => JSON.stringify(findPersonalDetails(t)) !== JSON.stringify(findPersonalDetails(t, undefined, { everySentence: true })),
    );
    expect(differ).toEqual([]);
  });
});

describe("what the issue found, through the trainer's own views", () => {
  const FOUND = [
    { said: "My name is Jane Doe", secret: ["Jane", "Doe"], mask: NAME_MASK },
    { said: "ask for Mr Smith", secret: ["Smith"], mask: NAME_MASK },
    { said: "ring ０７７００ ９００４５６", secret: ["０７７００", "９００４５６"], mask: PHONE_MASK },
    { said: "office 020 7946 0123 ext. 93", secret: ["7946 0123", "ext. 93"], mask: PHONE_MASK },
    { said: "mobile 07700.900.457", secret: ["07700.900.457", "900.457"], mask: PHONE_MASK },
    { said: "or 07700·900·458", secret: ["900·458", "07700"], mask: PHONE_MASK },
    { said: "text07700900459", secret: ["07700900459"], mask: PHONE_MASK },
    { said: "email jane dot doe at example dot com", secret: ["jane dot doe", "example dot com"], mask: EMAIL_MASK },
  ];
  const words = `Cold soup, rude staff. ${FOUND.map((f) => f.said).join(". ")}.`;

  it("a trainer's case view, replay and list show none of it", async () => {
    const { db } = await createTestDb();
    const amira = actorFor("usr-amira");
    const tara = actorFor("usr-tara");
    const recorded = await recordCase(db, {
      staff: amira,
      manager: actorFor("usr-maria"),
      at: new Date(Date.now() - 2 * 60 * 60_000),
      options: { customerWords: words, spot: "Table 4, Mr Smith's party", note: FOUND.map((f) => f.said).join("; ") },
      edit: (e: PlaybookEvent) => e,
    });
    // The staff member's own view keeps every word: otherwise this test would prove nothing.
    expect(JSON.stringify(await getCase(db, amira, recorded.caseId))).toContain("Jane Doe");

    const views = {
      getCase: await getCase(db, tara, recorded.caseId),
      getReplay: await getReplay(db, tara, recorded.caseId),
      listReplayCases: await listReplayCases(db, tara, {}),
    };
    for (const [name, view] of Object.entries(views)) {
      const text = JSON.stringify(view);
      for (const found of FOUND)
        for (const secret of found.secret) expect(text, `${name} shows “${secret}” (${found.said})`).not.toContain(secret);
      for (const mask of [NAME_MASK, PHONE_MASK, EMAIL_MASK]) expect(text, name).toContain(mask);
      expect(text, name).toContain("Cold soup, rude staff");
      expect(text, name).toContain("Table 4");
    }
    // A search for the details finds nothing; a search for the mask finds the case.
    for (const q of ["Jane", "Smith", "900459", "example"]) expect((await listReplayCases(db, tara, { q })).total, q).toBe(0);
    expect((await listReplayCases(db, tara, { q: "name removed" })).total).toBe(1);
  });

  it("keeps a title before a name, and the words around it", () => {
    expect(maskPersonalDetails("Sorry Mr Gupta, the table for 4 at 19:30 is ready")).toBe(
      `Sorry Mr ${NAME_MASK}, the table for 4 at 19:30 is ready`,
    );
  });
});

describe("redaction runs on the server only", () => {
  it("no client component, nor anything the tablet loads, imports the redaction or its libraries", () => {
    const root = path.resolve(__dirname, "..", "..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.(ts|tsx)$/.test(name)) {
          const source = readFileSync(file, "utf8");
          const client =
            /^\s*["']use client["']/m.test(source) ||
            file.includes(`${path.sep}components${path.sep}`) ||
            file.includes(`${path.sep}lib${path.sep}client${path.sep}`);
          if (client && /from\s+["'](@\/lib\/cases\/redact|compromise|libphonenumber-js[^"']*)["']/.test(source))
            offenders.push(path.relative(root, file));
        }
      }
    };
    for (const dir of ["app", "components", "lib/client"]) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
