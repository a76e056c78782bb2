// The trainer's library reads each case's score off its Case row (the rubric stored by
// docs/decisions/0037) instead of scoring logs when it loads: the same numbers as scoring the logs,
// for generated cases, with no log loaded but the one of a case reopened since it was added.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/cases/append-event";
import { loadCaseLog } from "@/lib/cases/case-log";
import type { Db } from "@/lib/db/client";
import type { PlaybookEvent } from "@/lib/playbook";
import { addToCollection } from "@/lib/training/add-to-collection";
import { isEnded, scoreCases, scoreForTrainer } from "@/lib/training/common";
import { createCollection } from "@/lib/training/create-collection";
import { listLibrary } from "@/lib/training/list-library";
import { actorFor } from "@/tests/support/actors";
import { randomCaseLogs, writeCaseLog } from "@/tests/support/random-case-log";
import { recordCase } from "@/tests/support/record-case";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const maria = actorFor("usr-maria");
const tara = actorFor("usr-tara");

/** `db`, with the case ids whose logs are read (caseEvent.findMany) written down. */
function watchingLogs(target: Db): { db: Db; loaded: string[] } {
  const loaded: string[] = [];
  const caseEvent = new Proxy(target.caseEvent, {
    get(events, prop) {
      const value: unknown = Reflect.get(events, prop);
      if (prop !== "findMany" || typeof value !== "function") return value;
      return (args: { where?: { caseId?: string | { in?: string[] } } }) => {
        const ids = args.where?.caseId;
        loaded.push(...(typeof ids === "string" ? [ids] : (ids?.in ?? [])));
        return Reflect.apply(value, events, [args]) as unknown;
      };
    },
  });
  const watched = new Proxy(target, { get: (client, prop) => (prop === "caseEvent" ? caseEvent : Reflect.get(client, prop)) });
  return { db: watched, loaded };
}

let added: string[] = [];
let reopened: string;

beforeAll(async () => {
  // Generated logs (a fixed seed, so a failure can be replayed), plus scripted cases whose scores
  // differ (a say-no, an excuse in the apology, a big remedy): the ended ones go in the library.
  const generated = fc.sample(randomCaseLogs(), { numRuns: 40, seed: 37 });
  const ids: string[] = [];
  for (const [i, log] of generated.entries()) ids.push(...(await writeCaseLog([db], log, `L${i}`)).caseIds);
  const at = (days: number) => new Date(Date.now() - days * 24 * 3_600_000);
  for (const [i, spec] of [
    { options: { sayNo: true } },
    { options: { severity: 4 as const, compensationCents: 500 } },
    {
      edit: (e: PlaybookEvent) =>
        e.type === "apology_given" ? { ...e, data: { ...e.data, words: "Sorry, but we are short staffed." } } : e,
    },
    { options: { escalate: "declined" as const } },
    {},
  ].entries())
    ids.push((await recordCase(db, { staff: amira, manager: maria, at: at(i + 2), ...spec })).caseId);

  const ended = await db.case.findMany({ where: { id: { in: ids }, isPractice: false }, select: { id: true, status: true } });
  added = ended.filter((c) => isEnded(c.status)).map((c) => c.id);
  const first = await createCollection(db, tara, { name: "Generated, first half" });
  const second = await createCollection(db, tara, { name: "Generated, second half" });
  for (const [i, caseId] of added.entries()) {
    await addToCollection(db, tara, i % 2 ? second.id : first.id, { caseId, tags: ["generated"] });
    // Some cases in both collections: scored once, shown twice.
    if (i % 5 === 0) await addToCollection(db, tara, i % 2 ? first.id : second.id, { caseId });
  }
  // A case reopened after it went in the library: its row has no stored rubric any more.
  reopened = added[added.length - 1];
  await appendEvent(db, maria, reopened, {
    clientEventId: randomUUID(),
    event: { type: "case_reopened", data: { reason: "The customer wrote in again." } },
  });
}, 240_000);

describe("the library's scores off the Case row", () => {
  it("are the scores of the logs, case by case, for generated cases", async () => {
    // Enough ended cases, with different scores, or the comparison says little.
    expect(added.length).toBeGreaterThanOrEqual(10);
    const { collections } = await listLibrary(db, tara);
    const shown = collections.flatMap((c) => c.items);
    expect(new Set(shown.map((i) => i.caseId))).toEqual(new Set(added));

    // Scored from the logs, both as the library did before (scoreCases) and as the replay shows it.
    const folded = await scoreCases(db, added);
    for (const item of shown) {
      expect(item.score, item.reference).toBe(folded.get(item.caseId)?.score ?? null);
      expect(item.score, item.reference).toBe(scoreForTrainer(await loadCaseLog(db, item.caseId)).score);
    }
    const scores = new Set(shown.map((i) => i.score));
    expect(scores.size).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("loads no log but the reopened case's", async () => {
    const watched = watchingLogs(db);
    const library = await listLibrary(watched.db, tara);
    expect(library).toEqual(await listLibrary(db, tara));
    expect(watched.loaded).toEqual([reopened]);
    const row = await db.case.findUniqueOrThrow({ where: { id: reopened }, select: { rubricSequence: true, status: true } });
    expect(row).toEqual({ rubricSequence: null, status: "open" });
  });

  it("keeps the library's scope: another venue's trainer sees none of these cases", async () => {
    const atGrand = { ...tara, locationIds: ["loc-grand"], currentLocationId: "loc-grand" };
    expect((await listLibrary(db, atGrand)).collections.flatMap((c) => c.items)).toEqual([]);
  });
});
