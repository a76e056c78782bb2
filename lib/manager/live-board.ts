import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { loadCurrentState } from "@/lib/cases/case-log";
import type { Db } from "@/lib/db/client";
import {
  CATEGORY_LABELS,
  COMPENSATION_LABELS,
  FEELING_LABELS,
  formatMoney,
  SEVERITY_LABELS,
  type Category,
  type CompensationKind,
  type Severity,
} from "@/lib/playbook";
import { authorityLimitFor } from "@/lib/cases/authority-limit";
import { repeatWarningsFor } from "./repeat-warning";
import { scopeLocations } from "./scope";
import { DEFAULT_TIMEZONE } from "./time";

/** How recent an open case's last step must be to count as happening now. */
export const LIVE_WINDOW_MS = 12 * 60 * 60 * 1000;
const MAX_LIVE = 100;

/** Everything a manager needs to decide without walking over first. */
export type ManagerBrief = {
  caseId: string;
  reference: string;
  locationName: string;
  practice: boolean;
  stage: string;
  spot: string | null;
  kind: "authority" | "remedy";
  /** What is asked for, in one line. */
  request: string;
  /** Why, in the staff member's (or the playbook's) words. */
  reason: string;
  requestedBy: string;
  requestedAt: string;
  openedAt: string;
  complaint: { words: string; category: string; severity: number; severityLabel: string; mood: string } | null;
  feeling: { label: string; words?: string } | null;
  apology: { ourFault: boolean } | null;
  facts?: string;
  offered: string[];
  declined: { request: string; reason: string; alternatives: string[] }[];
  chosenOption?: string;
  /** The remedy asked for: `kind` in words, `kindKey` as recorded; `limitCents` is the asker's own limit. */
  compensation: { description: string; kind: string; kindKey: CompensationKind; valueCents: number; limitCents: number } | null;
  earlierDecisions: { decision: "approved" | "declined"; note?: string; at: string }[];
  repeat: string[];
};

export type BoardCase = {
  caseId: string;
  reference: string;
  locationName: string;
  staffName: string;
  stage: string;
  status: string;
  category: string | null;
  severity: number | null;
  spot: string | null;
  openedAt: string;
  lastEventAt: string;
  practice: boolean;
  repeat: string[];
};

export type LiveBoard = {
  generatedAt: string;
  /** The zone the board's "updated" time is shown in. */
  timeZone: string;
  locations: { id: string; name: string }[];
  waiting: ManagerBrief[];
  live: BoardCase[];
  /** Open cases with no step in the last 12 hours: they belong in the queue, not on the board. */
  staleOpen: number;
  /** The most the manager looking at the board may approve on their own (their role's limit). */
  myLimitCents: number;
};

export async function getLiveBoard(db: Db, actor: Actor, now: Date = new Date()): Promise<LiveBoard> {
  const locationIds = scopeLocations(actor);
  const since = new Date(now.getTime() - LIVE_WINDOW_MS);
  const [locations, waitingRows, liveRows, staleOpen, myLimitCents] = await Promise.all([
    db.location.findMany({
      where: { id: { in: locationIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, timezone: true },
    }),
    db.case.findMany({
      where: { locationId: { in: locationIds }, isPractice: false, status: "awaiting_manager" },
      orderBy: { lastEventAt: "asc" },
      select: { id: true, locationId: true, location: { select: { name: true } } },
    }),
    db.case.findMany({
      where: { locationId: { in: locationIds }, isPractice: false, status: "open", lastEventAt: { gte: since } },
      orderBy: [{ openedAt: "asc" }],
      take: MAX_LIVE,
      include: {
        location: { select: { name: true } },
        openedBy: { select: { name: true } },
        rootCauses: { select: { tag: { select: { slug: true } } } },
      },
    }),
    db.case.count({
      where: {
        locationId: { in: locationIds },
        isPractice: false,
        status: { in: ["open", "awaiting_manager"] },
        lastEventAt: { lt: since },
      },
    }),
    authorityLimitFor(db, actor.role),
  ]);

  const folded = await Promise.all(waitingRows.map(async (row) => ({ row, state: await loadCurrentState(db, row.id) })));
  const userIds = [...new Set(folded.map((f) => f.state.pendingManager?.requestedById).filter((x): x is string => !!x))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );

  const repeatTargets = [
    ...liveRows.map((c) => ({
      id: c.id,
      locationId: c.locationId,
      category: c.category,
      openedAt: c.openedAt,
      tags: c.rootCauses.map((r) => r.tag.slug),
    })),
    ...folded.map(({ row, state }) => ({
      id: row.id,
      locationId: row.locationId,
      category: state.complaint?.category ?? null,
      openedAt: state.openedAt ?? now,
      tags: state.rootCauseTags,
    })),
  ];
  const repeats = await repeatWarningsFor(db, repeatTargets, now);

  const waiting: ManagerBrief[] = [];
  for (const { row, state } of folded) {
    const pending = state.pendingManager;
    if (!pending) continue;
    const awaiting = state.compensation.findLast((c) => c.status === "awaiting_approval");
    const lastDeclined = state.declined.at(-1);
    const askerLimit = pending.limitCents ?? state.authorityLimitCents;
    const request =
      pending.kind === "remedy" && awaiting
        ? `Approve ${awaiting.description} (${formatMoney(awaiting.valueCents)}) — above the ${formatMoney(askerLimit)} limit`
        : lastDeclined
          ? `Manager needed: the customer wants “${lastDeclined.request}”`
          : "Manager needed at the table";
    waiting.push({
      caseId: row.id,
      reference: state.reference ?? row.id,
      locationName: row.location.name,
      practice: state.practice,
      stage: state.phase,
      spot: state.complaint?.spot ?? null,
      kind: pending.kind,
      request,
      reason: pending.reason,
      requestedBy: names.get(pending.requestedById) ?? "Someone",
      requestedAt: pending.requestedAt.toISOString(),
      openedAt: (state.openedAt ?? now).toISOString(),
      complaint: state.complaint
        ? {
            words: state.complaint.customerWords,
            category: CATEGORY_LABELS[state.complaint.category],
            severity: state.complaint.severity,
            severityLabel: SEVERITY_LABELS[state.complaint.severity as Severity],
            mood: state.complaint.mood,
          }
        : null,
      feeling: state.feeling ? { label: FEELING_LABELS[state.feeling.feeling], words: state.feeling.words } : null,
      apology: state.apology ? { ourFault: state.apology.ourFault } : null,
      facts: state.facts,
      offered: [...new Set([...state.options, ...state.declined.flatMap((d) => d.alternatives)])],
      declined: state.declined,
      chosenOption: state.chosenOption,
      compensation: awaiting
        ? {
            description: awaiting.description,
            kind: COMPENSATION_LABELS[awaiting.kind],
            kindKey: awaiting.kind,
            valueCents: awaiting.valueCents,
            limitCents: askerLimit,
          }
        : null,
      earlierDecisions: state.decisions.map((d) => ({ decision: d.decision, note: d.note, at: d.at.toISOString() })),
      repeat: repeats.get(row.id)?.messages ?? [],
    });
  }
  waiting.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));

  const live: BoardCase[] = liveRows
    .map((c) => ({
      caseId: c.id,
      reference: c.reference,
      locationName: c.location.name,
      staffName: c.openedBy.name,
      stage: c.stage,
      status: c.status,
      category: c.category ? (CATEGORY_LABELS[c.category as Category] ?? c.category) : null,
      severity: c.severity,
      spot: c.spot,
      openedAt: c.openedAt.toISOString(),
      lastEventAt: c.lastEventAt.toISOString(),
      practice: c.isPractice,
      repeat: repeats.get(c.id)?.messages ?? [],
    }))
    .sort((a, b) => (b.severity ?? 0) - (a.severity ?? 0) || a.openedAt.localeCompare(b.openedAt));

  // The board's clock: its venues' zone (a desk over venues in several zones shows the first's).
  const timeZone = locations[0]?.timezone || DEFAULT_TIMEZONE;
  return {
    generatedAt: now.toISOString(),
    timeZone,
    locations: locations.map(({ id, name }) => ({ id, name })),
    waiting,
    live,
    staleOpen,
    myLimitCents,
  };
}
