import { beforeAll, describe, expect, it } from "vitest";
import { driveCase } from "@/tests/support/drive-case";
import { actorFor } from "@/tests/support/actors";
import { addToCollection } from "@/lib/training/add-to-collection";
import { createCollection } from "@/lib/training/create-collection";
import { getReplay } from "@/lib/training/get-replay";
import { listLibrary } from "@/lib/training/list-library";
import { removeFromCollection } from "@/lib/training/remove-from-collection";
import { recordCase } from "@/tests/support/record-case";
import { createTestDb } from "../setup/test-db";
import { errorOf } from "../setup/app-error";

const { db } = await createTestDb();
const amira = actorFor("usr-amira");
const maria = actorFor("usr-maria");
const chloe = actorFor("usr-chloe");
const james = actorFor("usr-james");
const tara = actorFor("usr-tara");
const taraAtGrand = { ...tara, locationIds: ["loc-grand"], currentLocationId: "loc-grand" };

let sayNo: string;
let recovery: string;
let grand: string;
let practice: string;
let open: string;

beforeAll(async () => {
  sayNo = (
    await recordCase(db, {
      staff: amira,
      manager: maria,
      at: new Date("2026-03-02T19:00:00Z"),
      options: { sayNo: true, customerWords: "They want the whole birthday meal free." },
    })
  ).caseId;
  recovery = (
    await recordCase(db, {
      staff: amira,
      manager: maria,
      at: new Date("2026-03-03T19:00:00Z"),
      options: { severity: 3, compensationCents: 4500 },
    })
  ).caseId;
  grand = (await recordCase(db, { staff: chloe, manager: james, at: new Date("2026-03-04T19:00:00Z") })).caseId;
  practice = (await recordCase(db, { staff: amira, manager: maria, at: new Date("2026-03-05T19:00:00Z"), options: { practice: true } }))
    .caseId;
  open = (await driveCase(db, { staff: amira, at: new Date("2026-03-06T19:00:00Z"), stopAt: "confirm" })).caseId;
});

describe("the case library", () => {
  it("creates named collections, each name once", async () => {
    const created = await createCollection(db, tara, {
      name: "Say no graciously",
      description: "A firm no, a reason, and two alternatives.",
    });
    expect(created).toMatchObject({ name: "Say no graciously" });
    await createCollection(db, tara, { name: "Great recoveries" });
    expect((await errorOf(createCollection(db, tara, { name: "Say no graciously" }))).code).toBe("conflict");
    expect((await errorOf(createCollection(db, tara, { name: "  " }))).code).toBe("invalid_input");
  });

  it("collects ended, real cases with tags and a note; adding again updates them", async () => {
    const { collections } = await listLibrary(db, tara);
    const [great, no] = collections;
    expect(collections.map((c) => c.name)).toEqual(["Great recoveries", "Say no graciously"]);
    const added = await addToCollection(db, tara, no.id, {
      caseId: sayNo,
      tags: "Birthday, free meal,  birthday ",
      note: "Listen to how the no is phrased.",
    });
    expect(added).toMatchObject({
      collectionName: "Say no graciously",
      tags: ["birthday", "free meal"],
      note: "Listen to how the no is phrased.",
    });
    await addToCollection(db, tara, great.id, { caseId: recovery, tags: ["manager approval"] });
    await addToCollection(db, tara, great.id, { caseId: sayNo });
    const again = await addToCollection(db, tara, no.id, { caseId: sayNo, tags: ["birthday", "say no"] });
    expect(again).toMatchObject({ tags: ["birthday", "say no"], note: "Listen to how the no is phrased." });
    expect((await getReplay(db, tara, sayNo)).collections).toEqual([
      { id: great.id, name: "Great recoveries", contains: true },
      { id: no.id, name: "Say no graciously", contains: true },
    ]);
  });

  it("refuses practice runs, open cases, other locations, unknown collections and odd tags", async () => {
    const { collections } = await listLibrary(db, tara);
    const id = collections[0].id;
    expect((await errorOf(addToCollection(db, tara, id, { caseId: practice }))).code).toBe("invalid_input");
    expect((await errorOf(addToCollection(db, tara, id, { caseId: open }))).code).toBe("conflict");
    expect((await errorOf(addToCollection(db, taraAtGrand, id, { caseId: sayNo }))).status).toBe(403);
    expect((await errorOf(addToCollection(db, tara, "nope", { caseId: sayNo }))).status).toBe(404);
    expect((await errorOf(addToCollection(db, tara, id, { caseId: sayNo, tags: ["<script>"] }))).code).toBe("invalid_input");
  });

  it("lists every collection with its cases, scores, tags and notes", async () => {
    const library = await listLibrary(db, tara);
    const no = library.collections.find((c) => c.name === "Say no graciously");
    expect(no?.items).toEqual([
      expect.objectContaining({
        caseId: sayNo,
        tags: ["birthday", "say no"],
        note: "Listen to how the no is phrased.",
        score: 100,
        staffName: "Amira Shah",
      }),
    ]);
    expect(library.collections.find((c) => c.name === "Great recoveries")?.items.map((i) => i.caseId)).toEqual([sayNo, recovery]);
    expect(library.tags).toEqual([
      { tag: "birthday", count: 1 },
      { tag: "manager approval", count: 1 },
      { tag: "say no", count: 1 },
    ]);
  });

  it("searches by tag and by words, in names, notes and the complaint", async () => {
    const byTag = await listLibrary(db, tara, { tag: "manager approval" });
    expect(byTag.collections.map((c) => [c.name, c.items.map((i) => i.caseId)])).toEqual([["Great recoveries", [recovery]]]);
    const byWords = await listLibrary(db, tara, { q: "BIRTHDAY meal" });
    expect(byWords.collections.flatMap((c) => c.items.map((i) => i.caseId))).toEqual([sayNo, sayNo]);
    const byNote = await listLibrary(db, tara, { q: "phrased" });
    expect(byNote.collections.map((c) => c.name)).toEqual(["Say no graciously"]);
    const byName = await listLibrary(db, tara, { q: "recoveries" });
    expect(byName.collections.map((c) => [c.name, c.items.length])).toEqual([["Great recoveries", 2]]);
    expect((await listLibrary(db, tara, { q: "nothing like this" })).collections).toEqual([]);
  });

  it("shows a trainer only the cases at their own locations", async () => {
    const { collections } = await listLibrary(db, tara);
    await addToCollection(db, taraAtGrand, collections[0].id, { caseId: grand, tags: ["hotel"] });
    const atGrand = await listLibrary(db, taraAtGrand);
    expect(atGrand.collections.flatMap((c) => c.items.map((i) => i.caseId))).toEqual([grand]);
    expect(atGrand.tags).toEqual([{ tag: "hotel", count: 1 }]);
  });

  it("takes a case out of a collection", async () => {
    const { collections } = await listLibrary(db, tara);
    const great = collections.find((c) => c.name === "Great recoveries");
    if (!great) throw new Error("no collection");
    expect(await removeFromCollection(db, tara, great.id, recovery)).toEqual({ removed: true });
    expect((await errorOf(removeFromCollection(db, tara, great.id, recovery))).status).toBe(404);
    expect((await listLibrary(db, tara, { tag: "manager approval" })).collections).toEqual([]);
  });

  it("is for trainers: staff and managers cannot read or change it", async () => {
    const { collections } = await listLibrary(db, tara);
    for (const who of [amira, maria]) {
      expect((await errorOf(listLibrary(db, who))).status).toBe(403);
      expect((await errorOf(createCollection(db, who, { name: "Mine" }))).status).toBe(403);
      expect((await errorOf(addToCollection(db, who, collections[0].id, { caseId: sayNo }))).status).toBe(403);
      expect((await errorOf(removeFromCollection(db, who, collections[0].id, sayNo))).status).toBe(403);
    }
  });
});
