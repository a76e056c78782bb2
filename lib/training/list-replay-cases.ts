import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, rolesWith } from "@/lib/auth/policy";
import { EMAIL_MASK, NAME_MASK, PHONE_MASK } from "@/lib/cases/redact";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CATEGORIES } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { ENDED_STATUSES, idSchema, maskText, scopeTo, scoreCases } from "./common";

export const PAGE_SIZE = 20;
/** A text search looks at most this many of the newest matching cases (it reads redacted text, not SQL). */
export const SEARCH_WINDOW = 3000;

export const replayListSchema = z.object({
  q: z.string().trim().max(100, "Search at most 100 characters").optional(),
  location: idSchema.optional(),
  staff: idSchema.optional(),
  category: z.enum(CATEGORIES, { message: "Unknown category" }).optional(),
  status: z.enum(ENDED_STATUSES, { message: "Use closed or abandoned" }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type ReplayListQuery = z.infer<typeof replayListSchema>;

const SELECT = {
  id: true,
  reference: true,
  status: true,
  category: true,
  severity: true,
  spot: true,
  customerWords: true,
  openedAt: true,
  closedAt: true,
  location: { select: { name: true } },
  openedBy: { select: { id: true, name: true } },
  _count: { select: { coachingComments: true } },
} satisfies Prisma.CaseSelect;

type Row = Prisma.CaseGetPayload<{ select: typeof SELECT }>;

/** What the customer said and where, masked: the only customer text a list row carries. */
function toListRow(row: Row) {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    category: row.category,
    severity: row.severity,
    spot: maskText(row.spot),
    words: maskText(row.customerWords),
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    locationName: row.location.name,
    staffId: row.openedBy.id,
    staffName: row.openedBy.name,
    comments: row._count.coachingComments,
  };
}

/**
 * Ended, real cases at the trainer's locations, newest first, with their rubric scores. The
 * search reads the masked text, so it can never be used to find a customer's email or number.
 */
export async function listReplayCases(db: Db, actor: Actor, input: unknown) {
  assertCan(actor, "trainer.replay");
  const query = parseInput(replayListSchema, input);
  const locationIds = scopeTo(actor, query.location);
  const where: Prisma.CaseWhereInput = {
    locationId: { in: locationIds },
    isPractice: false,
    status: query.status ? query.status : { in: [...ENDED_STATUSES] },
    ...(query.staff ? { openedById: query.staff } : {}),
    ...(query.category ? { category: query.category } : {}),
  };
  const orderBy: Prisma.CaseOrderByWithRelationInput[] = [{ closedAt: "desc" }, { id: "desc" }];

  let rows: ReturnType<typeof toListRow>[];
  let total: number;
  if (query.q) {
    const needle = query.q.toLowerCase();
    const has = (text: string | null | undefined) => text?.toLowerCase().includes(needle) ?? false;
    // Masked text can only hold the needle where the stored text does, or across a mask itself
    // ("[name removed]"): only those rows are masked to check, since masking is the slow part.
    const acrossMask = needle.includes("[") || needle.includes("]") || [EMAIL_MASK, PHONE_MASK, NAME_MASK].some((m) => m.toLowerCase().includes(needle));
    const window = await db.case.findMany({ where, orderBy, take: SEARCH_WINDOW, select: SELECT });
    const matching = window
      .filter((r) => acrossMask || [r.reference, r.customerWords, r.spot, r.openedBy.name, r.location.name].some(has))
      .map(toListRow)
      .filter((r) => [r.reference, r.words, r.spot, r.staffName, r.locationName].some(has));
    total = matching.length;
    rows = matching.slice((query.page - 1) * PAGE_SIZE, query.page * PAGE_SIZE);
  } else {
    const [count, page] = await Promise.all([
      db.case.count({ where }),
      db.case.findMany({ where, orderBy, skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: SELECT }),
    ]);
    total = count;
    rows = page.map(toListRow);
  }

  const [scores, locations, staff] = await Promise.all([
    scoreCases(db, rows.map((r) => r.id)),
    db.location.findMany({ where: { id: { in: actor.locationIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { role: { in: [...rolesWith("case.open")] }, locations: { some: { locationId: { in: actor.locationIds } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    query,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => {
      const rubric = scores.get(r.id);
      return { ...r, score: rubric?.score ?? null, met: rubric?.met ?? 0, applicable: rubric?.applicable ?? 0 };
    }),
    options: { locations, staff },
  };
}
export type ReplayList = Awaited<ReturnType<typeof listReplayCases>>;
export type ReplayListRow = ReplayList["rows"][number];
