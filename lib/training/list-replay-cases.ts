import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, rolesWith } from "@/lib/auth/policy";
import { missedColumn, missedFromColumn } from "@/lib/cases/case-score";
import { EMAIL_MASK, NAME_MASK, PHONE_MASK } from "@/lib/cases/redact";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CATEGORIES, type RecordedEvent } from "@/lib/playbook";
import { RUBRIC_ITEMS, type RubricItemId } from "@/lib/playbook/rubric";
import { parseInput } from "@/lib/validation";
import { ENDED_STATUSES, idSchema, loadLogs, maskText, redactLog, scopeTo } from "./common";

export const PAGE_SIZE = 20;
/** A text search looks at most this many of the newest matching cases (it reads redacted text, not SQL). */
export const SEARCH_WINDOW = 3000;
/** Staff's own words are searched in at most this many of the newest cases whose log holds the needle. */
const WORDS_WINDOW = 400;

export const REPLAY_SORTS = ["newest", "score_low", "score_high"] as const;

export const replayListSchema = z.object({
  q: z.string().trim().max(100, "Search at most 100 characters").optional(),
  location: idSchema.optional(),
  staff: idSchema.optional(),
  category: z.enum(CATEGORIES, { message: "Unknown category" }).optional(),
  status: z.enum(ENDED_STATUSES, { message: "Use closed or abandoned" }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Cases that missed this rubric item. */
  missed: z.enum(RUBRIC_ITEMS, { message: "Unknown rubric item" }).optional(),
  minScore: z.coerce.number().int().min(0, "0 to 100").max(100, "0 to 100").optional(),
  maxScore: z.coerce.number().int().min(0, "0 to 100").max(100, "0 to 100").optional(),
  sort: z.enum(REPLAY_SORTS, { message: "Unknown order" }).default("newest"),
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
  location: { select: { name: true, timezone: true } },
  openedBy: { select: { id: true, name: true } },
  _count: { select: { coachingComments: true } },
  rubricScore: true,
  rubricMet: true,
  rubricApplicable: true,
  rubricMissed: true,
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
    /** The venue's time zone: the case's times are shown on its clock. */
    timeZone: row.location.timezone,
    staffId: row.openedBy.id,
    staffName: row.openedBy.name,
    comments: row._count.coachingComments,
    /** The rubric stored when the case ended (docs/decisions/0037). */
    rubric: {
      score: row.rubricScore,
      met: row.rubricMet ?? 0,
      applicable: row.rubricApplicable ?? 0,
      missed: missedFromColumn(row.rubricMissed) as RubricItemId[],
    },
  };
}

/** What staff said to the customer in a step (not the customer's words): what "search staff's words" reads. */
function staffWords(event: RecordedEvent): string[] {
  switch (event.type) {
    case "feeling_validated":
    case "apology_given":
      return event.data.words ? [event.data.words] : [];
    case "options_offered":
      return [event.data.facts ?? "", ...event.data.options];
    case "request_declined":
      return [event.data.reason, ...event.data.alternatives];
    case "solution_agreed":
      return [event.data.option];
    case "compensation_offered":
      return [event.data.description];
    case "compensation_skipped":
    case "escalation_requested":
    case "case_abandoned":
      return [event.data.reason];
    case "note_added":
      return [event.data.text];
    default:
      return [];
  }
}

/**
 * Cases among `ids` where what staff said holds `needle`, read from the redacted log (so a
 * customer's number typed into a note cannot be searched for). The database narrows first.
 */
async function whereStaffSaid(db: Db, ids: string[], needle: string, raw: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const variants = [...new Set([raw, needle, raw.charAt(0).toUpperCase() + raw.slice(1)])];
  const hits = await db.caseEvent.findMany({
    where: { caseId: { in: ids }, OR: variants.map((v) => ({ payload: { contains: v } })) },
    distinct: ["caseId"],
    orderBy: { caseId: "asc" },
    take: WORDS_WINDOW,
    select: { caseId: true },
  });
  const logs = await loadLogs(
    db,
    hits.map((h) => h.caseId),
  );
  const found = new Map<string, string>();
  for (const [id, log] of logs) {
    for (const event of redactLog(log)) {
      const said = staffWords(event).find((w) => w.toLowerCase().includes(needle));
      if (said) {
        found.set(id, said);
        break;
      }
    }
  }
  return found;
}

/** Where the stored rubric (docs/decisions/0037) narrows the list: a missed item, a score range. */
function scoreWhere(query: ReplayListQuery): Prisma.CaseWhereInput {
  const range = {
    ...(query.minScore !== undefined ? { gte: query.minScore } : {}),
    ...(query.maxScore !== undefined ? { lte: query.maxScore } : {}),
  };
  return {
    ...(Object.keys(range).length ? { rubricScore: range } : {}),
    ...(query.missed ? { rubricMissed: { contains: missedColumn([query.missed]) } } : {}),
  };
}

/** Newest first, or by stored score (unscored cases last either way; ties newest first). */
function orderFor(sort: ReplayListQuery["sort"]): Prisma.CaseOrderByWithRelationInput[] {
  const newest: Prisma.CaseOrderByWithRelationInput[] = [{ closedAt: "desc" }, { id: "desc" }];
  if (sort === "newest") return newest;
  return [{ rubricScore: { sort: sort === "score_low" ? "asc" : "desc", nulls: "last" } }, ...newest];
}

/**
 * Ended, real cases at the trainer's locations, newest first or by score, with their rubric
 * scores. Score filters and the order by score read the rubric stored on each Case row, so they
 * cover every case (docs/decisions/0037). The search reads the masked text, so it can never be
 * used to find a customer's email or number.
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
    ...scoreWhere(query),
  };
  const orderBy = orderFor(query.sort);

  let rows: ReturnType<typeof toListRow>[];
  let total: number;
  const saidBy = new Map<string, string>();
  if (query.q) {
    // The newest matching cases are searched (score filters already applied by the database), then ordered.
    const window = await db.case.findMany({ where, orderBy: orderFor("newest"), take: SEARCH_WINDOW, select: SELECT });
    const needle = query.q.toLowerCase();
    const has = (text: string | null | undefined) => text?.toLowerCase().includes(needle) ?? false;
    // Masked text can only hold the needle where the stored text does, or across a mask itself
    // ("[name removed]"): only those rows are masked to check, since masking is the slow part.
    const acrossMask =
      needle.includes("[") || needle.includes("]") || [EMAIL_MASK, PHONE_MASK, NAME_MASK].some((m) => m.toLowerCase().includes(needle));
    const said = await whereStaffSaid(
      db,
      window.map((r) => r.id),
      needle,
      query.q,
    );
    for (const [id, words] of said) saidBy.set(id, maskText(words) ?? "");
    let matching = window
      .filter((r) => acrossMask || said.has(r.id) || [r.reference, r.customerWords, r.spot, r.openedBy.name, r.location.name].some(has))
      .map(toListRow)
      .filter((r) => said.has(r.id) || [r.reference, r.words, r.spot, r.staffName, r.locationName].some(has));
    if (query.sort !== "newest") {
      const sign = query.sort === "score_low" ? 1 : -1;
      // As orderFor: unscored cases last either way; ties stay newest first (a stable sort).
      matching = [...matching].sort((a, b) => {
        const x = a.rubric.score;
        const y = b.rubric.score;
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        return sign * (x - y);
      });
    }
    total = matching.length;
    rows = matching.slice((query.page - 1) * PAGE_SIZE, query.page * PAGE_SIZE);
  } else {
    // The page's ids first, ordered and counted off the index (Case_replay_score_idx,
    // Case_replay_closed_idx), then their rows: sorting whole rows (the customer's words and all)
    // over every matching case is what made the order by score slow.
    const [count, ids] = await Promise.all([
      db.case.count({ where }),
      db.case.findMany({ where, orderBy, skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: { id: true } }),
    ]);
    const found = new Map((await db.case.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: SELECT })).map((r) => [r.id, r]));
    total = count;
    rows = ids.flatMap(({ id }) => {
      const row = found.get(id);
      return row ? [toListRow(row)] : [];
    });
  }

  const [locations, staff] = await Promise.all([
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
    rows: rows.map(({ rubric, ...r }) => ({
      ...r,
      ...rubric,
      /** What staff said that matched the search, masked. */
      staffSaid: saidBy.get(r.id) ?? null,
    })),
    options: { locations, staff },
  };
}
export type ReplayList = Awaited<ReturnType<typeof listReplayCases>>;
export type ReplayListRow = ReplayList["rows"][number];
