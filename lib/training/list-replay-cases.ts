import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, rolesWith } from "@/lib/auth/policy";
import { EMAIL_MASK, NAME_MASK, PHONE_MASK } from "@/lib/cases/redact";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CATEGORIES, type RecordedEvent } from "@/lib/playbook";
import { RUBRIC_ITEMS } from "@/lib/playbook/rubric";
import { parseInput } from "@/lib/validation";
import { ENDED_STATUSES, idSchema, loadLogs, maskText, redactLog, scopeTo, scoreCases } from "./common";

export const PAGE_SIZE = 20;
/** A text search looks at most this many of the newest matching cases (it reads redacted text, not SQL). */
export const SEARCH_WINDOW = 3000;
/** Filtering or sorting by score scores at most this many of the newest matching cases (said on the page). */
export const SCORE_WINDOW = 600;
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
  const saidBy = new Map<string, string>();
  const byScore = query.missed !== undefined || query.minScore !== undefined || query.maxScore !== undefined || query.sort !== "newest";
  let scoredWindow: number | null = null;
  if (query.q || byScore) {
    let matching: ReturnType<typeof toListRow>[];
    const window = await db.case.findMany({ where, orderBy, take: query.q ? SEARCH_WINDOW : SCORE_WINDOW, select: SELECT });
    if (query.q) {
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
      matching = window
        .filter((r) => acrossMask || said.has(r.id) || [r.reference, r.customerWords, r.spot, r.openedBy.name, r.location.name].some(has))
        .map(toListRow)
        .filter((r) => said.has(r.id) || [r.reference, r.words, r.spot, r.staffName, r.locationName].some(has));
    } else {
      matching = window.map(toListRow);
    }
    if (byScore) {
      matching = matching.slice(0, SCORE_WINDOW);
      scoredWindow = matching.length;
      const scores = await scoreCases(
        db,
        matching.map((r) => r.id),
      );
      const score = (id: string) => scores.get(id)?.score ?? null;
      matching = matching.filter((r) => {
        const rubric = scores.get(r.id);
        if (query.missed && !rubric?.items.some((i) => i.id === query.missed && i.outcome === "missed")) return false;
        const value = score(r.id);
        if (query.minScore !== undefined && (value === null || value < query.minScore)) return false;
        if (query.maxScore !== undefined && (value === null || value > query.maxScore)) return false;
        return true;
      });
      if (query.sort !== "newest") {
        const sign = query.sort === "score_low" ? 1 : -1;
        // Unscored cases last either way; ties stay newest first.
        matching = [...matching].sort((a, b) => {
          const x = score(a.id);
          const y = score(b.id);
          if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
          return sign * (x - y);
        });
      }
    }
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
    scoreCases(
      db,
      rows.map((r) => r.id),
    ),
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
    /** When filtered or sorted by score: how many of the newest matching cases were scored. */
    scoredWindow,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => {
      const rubric = scores.get(r.id);
      return {
        ...r,
        score: rubric?.score ?? null,
        met: rubric?.met ?? 0,
        applicable: rubric?.applicable ?? 0,
        missed: rubric ? rubric.items.filter((i) => i.outcome === "missed").map((i) => i.id) : [],
        /** What staff said that matched the search, masked. */
        staffSaid: saidBy.get(r.id) ?? null,
      };
    }),
    options: { locations, staff },
  };
}
export type ReplayList = Awaited<ReturnType<typeof listReplayCases>>;
export type ReplayListRow = ReplayList["rows"][number];
