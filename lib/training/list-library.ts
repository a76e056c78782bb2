import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import { STORED_SCORE_COLUMNS, idSchema, maskText, storedScores } from "./common";

export const librarySchema = z.object({
  q: z.string().trim().max(100, "Search at most 100 characters").optional(),
  tag: z.string().trim().toLowerCase().max(30).optional(),
  collection: idSchema.optional(),
});

/**
 * The case library: every collection with the cases in it that are at the viewer's locations,
 * their tags, notes and scores. Search reads names, notes, tags and the masked complaint.
 */
export async function listLibrary(db: Db, actor: Actor, input: unknown = {}) {
  assertCan(actor, "trainer.replay");
  const query = parseInput(librarySchema, input);
  const collections = await db.caseCollection.findMany({
    where: query.collection ? { id: query.collection } : {},
    orderBy: { name: "asc" },
    include: {
      items: {
        where: { case: { locationId: { in: actor.locationIds }, isPractice: false } },
        orderBy: [{ addedAt: "desc" }, { id: "desc" }],
        include: {
          tags: { orderBy: { tag: "asc" }, select: { tag: true } },
          case: {
            select: {
              ...STORED_SCORE_COLUMNS,
              reference: true,
              status: true,
              category: true,
              severity: true,
              spot: true,
              customerWords: true,
              closedAt: true,
              location: { select: { name: true, timezone: true } },
              openedBy: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  // Each case's score off its row (docs/decisions/0037): no logs loaded for ended cases.
  const scores = await storedScores(
    db,
    collections.flatMap((c) => c.items.map((i) => i.case)),
  );

  const tagCounts = new Map<string, number>();
  const needle = query.q?.toLowerCase();
  const shaped = collections.map((collection) => {
    const items = collection.items.map((item) => {
      const tags = item.tags.map((t) => t.tag);
      for (const tag of tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
      return {
        itemId: item.id,
        caseId: item.caseId,
        reference: item.case.reference,
        status: item.case.status,
        category: item.case.category,
        severity: item.case.severity,
        spot: maskText(item.case.spot),
        words: maskText(item.case.customerWords),
        closedAt: item.case.closedAt?.toISOString() ?? null,
        locationName: item.case.location.name,
        timeZone: item.case.location.timezone,
        staffName: item.case.openedBy.name,
        note: item.note,
        tags,
        addedAt: item.addedAt.toISOString(),
        score: scores.get(item.caseId) ?? null,
      };
    });
    const collectionMatches =
      needle !== undefined && [collection.name, collection.description ?? ""].some((t) => t.toLowerCase().includes(needle));
    const shown = items.filter((item) => {
      if (query.tag && !item.tags.includes(query.tag)) return false;
      if (needle === undefined || collectionMatches) return true;
      return [item.reference, item.note ?? "", item.words ?? "", item.spot ?? "", item.staffName, ...item.tags].some((t) =>
        t.toLowerCase().includes(needle),
      );
    });
    return {
      id: collection.id,
      name: collection.name,
      description: collection.description,
      publishedAt: collection.publishedAt?.toISOString() ?? null,
      total: items.length,
      items: shown,
    };
  });
  const filtering = Boolean(query.q || query.tag);
  return {
    query,
    collections: filtering ? shaped.filter((c) => c.items.length > 0) : shaped,
    allCollections: collections.map((c) => ({ id: c.id, name: c.name })),
    tags: [...tagCounts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
  };
}
export type Library = Awaited<ReturnType<typeof listLibrary>>;
export type LibraryItem = Library["collections"][number]["items"][number];
