import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { loadCaseLog } from "@/lib/cases/case-log";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { playbookEventSchema, ROLES, type RecordedEvent, type Role } from "@/lib/playbook";
import { parseInput } from "@/lib/validation";
import { describeHistory } from "./describe-event";
import { assertManagesCase, assertManager } from "./scope";
import { DEFAULT_TIMEZONE } from "./time";

export const HELD_STEP_OUTCOMES = ["recorded_by_hand", "not_needed"] as const;
export type HeldStepOutcome = (typeof HELD_STEP_OUTCOMES)[number];

export const heldStepsQuerySchema = z.object({
  /** "open": not reviewed yet; "reviewed": done; "all" (the default): both, newest first. */
  status: z.enum(["open", "reviewed", "all"], { message: 'status must be "open", "reviewed" or "all"' }).default("all"),
  /** Only this case's held steps (the manager's case page). */
  caseId: z.string().trim().min(1, "caseId is empty").max(64, "caseId is too long").optional(),
});

/** The most a list shows; the count of those still to review is always exact. */
export const HELD_STEPS_LIMIT = 200;

export type HeldStepView = {
  id: string;
  kind: "open" | "event";
  /** When the tablet captured it (its own clock), or when the server held it if the tablet did not say. */
  capturedAt: string;
  heldAt: string;
  author: string;
  location: { id: string; name: string; timeZone: string } | null;
  /** The case it belongs to; `linkable` when it exists at one of the manager's locations. */
  case: { id: string; reference: string | null; linkable: boolean };
  /** The step in the words of the case history (lib/manager/describe-event.ts), never its raw data. */
  what: string;
  detail?: string;
  /** Why the server could not record it, as it told the tablet. */
  reason: string;
  review: { at: string; by: string; outcome: HeldStepOutcome; note: string } | null;
};

export type HeldStepList = { steps: HeldStepView[]; unreviewed: number };

const payloadSchema = z.object({
  event: z.optional(playbookEventSchema),
  capturedAt: z.iso.datetime({ offset: true }).optional(),
});

/** A heads-up's held step (docs/decisions/0034-heads-ups-offline.md), in words: never its raw data. */
const headsUpPayloadSchema = z.object({
  what: z.string().max(200).optional(),
  spot: z.string().max(80).optional(),
  option: z.string().max(200).optional(),
  note: z.string().max(500).optional(),
});
function headsUpLine(kind: string, text: string): { what: string } {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // described without its details below
  }
  const parsed = headsUpPayloadSchema.safeParse(json);
  const data = parsed.success ? parsed.data : {};
  if (kind === "heads_up_raise") return { what: data.what ? `Raised a heads-up: ${data.what}` : "Raised a heads-up" };
  if (kind === "heads_up_end") return { what: data.note ? `Ended a heads-up: “${data.note}”` : "Ended a heads-up" };
  return { what: `Told ${data.spot ?? "a table"} about a heads-up${data.option ? `: chose ${data.option}` : ""}` };
}

/**
 * Steps captured on a tablet after which the server could no longer record them (the case closed
 * meanwhile, the author deactivated: lib/steps/append-sealed-step.ts), for the managers of the
 * location they were captured at, newest first (docs/decisions/0019-held-steps.md). With a caseId,
 * that case's held steps, for a manager of the case.
 */
export async function listHeldSteps(db: Db, actor: Actor, input: unknown = {}): Promise<HeldStepList> {
  assertManager(actor);
  const { status, caseId } = parseInput(heldStepsQuerySchema, input);
  let scope: Prisma.HeldStepWhereInput;
  if (caseId !== undefined) {
    await assertManagesCase(db, actor, caseId);
    scope = { caseId };
  } else {
    scope = heldStepScope(actor);
  }
  const filter: Prisma.HeldStepWhereInput =
    status === "open" ? { reviewedAt: null } : status === "reviewed" ? { reviewedAt: { not: null } } : {};
  const [rows, unreviewed] = await Promise.all([
    db.heldStep.findMany({
      where: { AND: [scope, filter] },
      orderBy: [{ heldAt: "desc" }, { id: "desc" }],
      take: HELD_STEPS_LIMIT,
    }),
    db.heldStep.count({ where: { AND: [scope, { reviewedAt: null }] } }),
  ]);
  if (rows.length === 0) return { steps: [], unreviewed };

  const caseIds = [...new Set(rows.map((r) => r.caseId))];
  const userIds = [...new Set(rows.flatMap((r) => (r.reviewedById ? [r.userId, r.reviewedById] : [r.userId])))];
  const [cases, users, locations, tags] = await Promise.all([
    db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, reference: true, locationId: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, role: true } }),
    db.location.findMany({
      where: { id: { in: [...new Set(rows.flatMap((r) => (r.locationId ? [r.locationId] : [])))] } },
      select: { id: true, name: true, timezone: true },
    }),
    db.rootCauseTag.findMany({ select: { slug: true, label: true } }),
  ]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const locationById = new Map(locations.map((l) => [l.id, { id: l.id, name: l.name, timeZone: l.timezone || DEFAULT_TIMEZONE }]));
  const tagLabels = new Map(tags.map((t) => [t.slug, t.label]));
  // The case's own log, so a step naming an action or answering an offer reads as it would have.
  const logs = new Map<string, RecordedEvent[]>();
  for (const id of caseIds) if (caseById.has(id)) logs.set(id, await loadCaseLog(db, id));

  const steps = rows.map((row): HeldStepView => {
    const author = userById.get(row.userId);
    const role: Role = author && ROLES.includes(author.role as Role) ? (author.role as Role) : "staff";
    const existing = caseById.get(row.caseId);
    const location = row.locationId ? (locationById.get(row.locationId) ?? null) : null;
    const payload = readPayload(row.payload);
    const capturedAt = payload.capturedAt ? new Date(payload.capturedAt) : row.heldAt;
    const names = new Map([[row.userId, author?.name ?? "Someone no longer listed"]]);
    let line: { what: string; detail?: string };
    if (row.kind === "open") {
      line = { what: "Opened a new case on the tablet" };
    } else if (row.kind === "heads_up_raise" || row.kind === "heads_up_tell" || row.kind === "heads_up_end") {
      line = headsUpLine(row.kind, row.payload);
    } else if (payload.event) {
      const recorded: RecordedEvent = { ...payload.event, at: capturedAt, actor: { id: row.userId, role } };
      const described = describeHistory([...(logs.get(row.caseId) ?? []), recorded], names, tagLabels, location?.timeZone).at(-1);
      line = { what: described?.what ?? "A step", detail: described?.detail };
    } else {
      line = { what: "A step the coach could not read back (its details did not match any step it knows)" };
    }
    const reviewer = row.reviewedById ? userById.get(row.reviewedById) : undefined;
    return {
      id: row.id,
      kind: row.kind === "open" ? "open" : "event",
      capturedAt: capturedAt.toISOString(),
      heldAt: row.heldAt.toISOString(),
      author: author?.name ?? "Someone no longer listed",
      location,
      case: {
        id: row.caseId,
        reference: existing?.reference ?? null,
        linkable: Boolean(existing && actor.locationIds.includes(existing.locationId)),
      },
      ...line,
      reason: row.reason,
      review: row.reviewedAt
        ? {
            at: row.reviewedAt.toISOString(),
            by: reviewer?.name ?? "Someone no longer listed",
            outcome: row.reviewOutcome === "recorded_by_hand" ? "recorded_by_hand" : "not_needed",
            note: row.reviewNote ?? "",
          }
        : null,
    };
  });
  return { steps, unreviewed };
}

/** The held steps a manager's view covers: their locations'; an admin's also those no location could be found for. */
export function heldStepScope(actor: Actor): Prisma.HeldStepWhereInput {
  const own: Prisma.HeldStepWhereInput = { locationId: { in: [...actor.locationIds] } };
  return actor.role === "admin" ? { OR: [own, { locationId: null }] } : own;
}

function readPayload(text: string): z.infer<typeof payloadSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  const parsed = payloadSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  // The event did not parse (it may be why it was held): keep the capture time if that did.
  const time = z.object({ capturedAt: z.iso.datetime({ offset: true }) }).safeParse(json);
  return time.success ? { capturedAt: time.data.capturedAt } : {};
}
