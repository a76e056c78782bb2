import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoCases } from "@/prisma/seed/demo-cases";
import { DEMO_COLLECTIONS, seedTrainingLibrary } from "@/prisma/seed/training";
import { actorFor } from "@/tests/support/actors";
import { listLibrary } from "@/lib/training/list-library";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();

beforeAll(async () => {
  await seedDemoCases(db, { count: 60 });
}, 120_000);

describe("the demo training library", () => {
  it("fills each demo collection with fitting seeded cases, and seeding again adds nothing", async () => {
    const first = await seedTrainingLibrary(db);
    const counts = async () => ({
      collections: await db.caseCollection.count(),
      items: await db.collectionItem.count(),
      tags: await db.collectionItemTag.count(),
    });
    const before = await counts();
    expect(before.collections).toBe(DEMO_COLLECTIONS.length);
    expect(first.items).toBe(before.items);
    await seedTrainingLibrary(db);
    expect(await counts()).toEqual(before);

    const library = await listLibrary(db, actorFor("usr-tara"));
    const recoveries = library.collections.find((c) => c.name === "Great recoveries");
    const sayNo = library.collections.find((c) => c.name === "Say no graciously");
    expect(recoveries?.items.length).toBeGreaterThan(0);
    expect(sayNo?.items.length).toBeGreaterThan(0);
    for (const item of recoveries?.items ?? []) {
      expect(item.score).toBe(100);
      expect(item.severity).toBeGreaterThanOrEqual(3);
      expect(item.tags).toContain("recovery");
    }
    for (const item of sayNo?.items ?? []) expect(item.tags).toContain("say no");
  });
});
