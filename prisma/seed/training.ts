// Demo training library: two collections built from the seeded history, so the trainer's library
// and the practice list have something in them. Deterministic and idempotent.
import { loadLogs, scoreForTrainer } from "@/lib/training/common";
import type { Db } from "@/lib/db/client";

const PER_COLLECTION = 6;
const TRAINER_ID = "usr-tara";

export const DEMO_COLLECTIONS = [
  {
    name: "Great recoveries",
    description: "Serious failures turned round: every rubric item met.",
    tags: ["recovery"],
  },
  {
    name: "Say no graciously",
    description: "A firm no with a plain reason, and something the customer could have instead.",
    tags: ["say no"],
  },
] as const;

/** Creates the demo collections (if missing) and fills each with up to six fitting seeded cases. */
export async function seedTrainingLibrary(db: Db): Promise<{ collections: number; items: number }> {
  const cases = await db.case.findMany({
    where: { isPractice: false, status: "closed" },
    orderBy: [{ closedAt: "desc" }, { id: "asc" }],
    take: 400,
    select: { id: true, severity: true, mood: true, category: true },
  });
  const logs = await loadLogs(
    db,
    cases.map((c) => c.id),
  );
  const scored = cases.map((c) => {
    const log = logs.get(c.id) ?? [];
    return { ...c, log, score: scoreForTrainer(log).score };
  });
  const picks: Record<(typeof DEMO_COLLECTIONS)[number]["name"], typeof scored> = {
    "Great recoveries": scored.filter((c) => c.score === 100 && (c.severity ?? 0) >= 3),
    "Say no graciously": scored.filter((c) => c.log.some((e) => e.type === "request_declined")),
  };

  let items = 0;
  for (const spec of DEMO_COLLECTIONS) {
    const collection = await db.caseCollection.upsert({
      where: { name: spec.name },
      create: { name: spec.name, description: spec.description, createdById: TRAINER_ID, publishedAt: new Date() },
      update: {},
    });
    for (const c of picks[spec.name].slice(0, PER_COLLECTION)) {
      const tags = [
        ...spec.tags,
        ...(c.mood === "furious" || c.mood === "angry" ? [c.mood] : []),
        ...(c.category ? [c.category.replaceAll("_", " ")] : []),
      ];
      const item = await db.collectionItem.upsert({
        where: { collectionId_caseId: { collectionId: collection.id, caseId: c.id } },
        create: { collectionId: collection.id, caseId: c.id, addedById: TRAINER_ID },
        update: {},
      });
      for (const tag of tags) {
        await db.collectionItemTag.upsert({
          where: { itemId_tag: { itemId: item.id, tag } },
          create: { itemId: item.id, tag },
          update: {},
        });
      }
      items++;
    }
  }
  return { collections: DEMO_COLLECTIONS.length, items };
}
