import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { loadCaseState } from "@/lib/cases/case-log";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  caseStatus,
  CATEGORY_LABELS,
  COMPENSATION_LABELS,
  FEELING_LABELS,
  remedyStatusText,
  SEVERITY_LABELS,
  transition,
  type Severity,
} from "@/lib/playbook";
import { describeHistory, type HistoryLine } from "./describe-event";
import { getRepeatWarning } from "./repeat-warning";
import { assertManagesCase } from "./scope";
import { DEFAULT_TIMEZONE } from "./time";

/** Where follow-up of agreed actions is allowed (see the playbook's action_updated rule). */
const FOLLOW_UP_PHASES = ["confirm", "prevent", "closed"];

export type CaseDetailAction = {
  id: string;
  description: string;
  owner: string;
  dueAt: string;
  status: "open" | "done";
  completedAt?: string;
  overdue: boolean;
};

export type CaseDetail = Awaited<ReturnType<typeof getCaseDetail>>;

/** A case as the manager follows it up: its summary, every step in plain words, actions and notes. */
export async function getCaseDetail(db: Db, actor: Actor, caseId: string, now: Date = new Date()) {
  await assertManagesCase(db, actor, caseId);
  const row = await db.case.findUnique({
    where: { id: caseId },
    include: { location: { select: { id: true, name: true, timezone: true } }, openedBy: { select: { name: true } } },
  });
  if (!row) throw new AppError("not_found", "No case with that id.");
  const { log, state } = await loadCaseState(db, caseId);

  const actorIds = [...new Set([...log.map((e) => e.actor.id), ...state.managerNotes.map((n) => n.actorId)])];
  const [users, tags, linked, openImprovements, repeat] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
    db.rootCauseTag.findMany({ select: { slug: true, label: true } }),
    db.caseImprovement.findMany({
      where: { caseId },
      include: { improvement: { select: { id: true, title: true, status: true, dueAt: true } } },
    }),
    db.improvement.findMany({
      where: { status: "open", OR: [{ locationId: row.locationId }, { locationId: null }] },
      orderBy: { dueAt: "asc" },
      select: { id: true, title: true },
    }),
    getRepeatWarning(db, actor, caseId, now),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const tagLabels = new Map(tags.map((t) => [t.slug, t.label]));
  const history: HistoryLine[] = describeHistory(log, names, tagLabels, row.location.timezone || DEFAULT_TIMEZONE);

  const probe = { at: now, actor: { id: actor.id, role: actor.role } };
  const canClose = transition(state, { type: "case_closed", data: {}, ...probe });
  const actions: CaseDetailAction[] = state.actions.map((a) => ({
    id: a.id,
    description: a.description,
    owner: a.owner,
    dueAt: new Date(a.dueAt).toISOString(),
    status: a.status,
    completedAt: a.completedAt?.toISOString(),
    overdue: a.status === "open" && new Date(a.dueAt) < now,
  }));
  const linkedIds = new Set(linked.map((l) => l.improvementId));

  return {
    id: row.id,
    reference: row.reference,
    location: { id: row.location.id, name: row.location.name, timezone: row.location.timezone },
    openedBy: row.openedBy.name,
    openedAt: row.openedAt.toISOString(),
    lastEventAt: row.lastEventAt.toISOString(),
    closedAt: state.closedAt?.toISOString(),
    resolvedAt: state.resolvedAt?.toISOString(),
    firstApologyAt: state.firstApologyAt?.toISOString(),
    phase: state.phase,
    status: caseStatus(state),
    practice: state.practice,
    complaint: state.complaint
      ? {
          words: state.complaint.customerWords,
          category: CATEGORY_LABELS[state.complaint.category],
          severity: state.complaint.severity,
          severityLabel: SEVERITY_LABELS[state.complaint.severity as Severity],
          spot: state.complaint.spot,
          mood: state.complaint.mood,
        }
      : null,
    feeling: state.feeling ? FEELING_LABELS[state.feeling.feeling] : null,
    ourFault: state.apology?.ourFault ?? null,
    chosenOption: state.chosenOption ?? null,
    readback: state.readback ? { accepted: state.readback.accepted, comment: state.readback.comment } : null,
    compensation: state.compensation.map((c) => {
      const decidedBy = c.decidedById ? (names.get(c.decidedById) ?? c.decidedById) : undefined;
      return {
        id: c.id,
        kind: COMPENSATION_LABELS[c.kind],
        description: c.description,
        valueCents: c.valueCents,
        status: c.status,
        /** The status in words, the same on every screen ("approved by Maria instead of £180.00, given"). */
        statusText: remedyStatusText(c, state, decidedBy),
        requestedCents: c.requested?.valueCents,
        decidedBy,
        decisionNote: c.decisionNote,
      };
    }),
    compensationSkippedReason: state.compensationSkippedReason ?? null,
    rootCauses: state.rootCauseTags.map((slug) => ({ slug, label: tagLabels.get(slug) ?? slug })),
    preventionNote: state.preventionNote ?? null,
    abandonReason: state.abandonReason ?? null,
    pendingManager: state.pendingManager
      ? {
          kind: state.pendingManager.kind,
          reason: state.pendingManager.reason,
          requestedAt: state.pendingManager.requestedAt.toISOString(),
        }
      : null,
    actions,
    managerNotes: state.managerNotes.map((n) => ({ text: n.text, at: n.at.toISOString(), by: names.get(n.actorId) ?? n.actorId })),
    history,
    can: {
      close: canClose.ok,
      closeBlockedBecause: canClose.ok ? null : canClose.reason,
      reopen: state.phase === "closed" || state.phase === "abandoned",
      updateActions: FOLLOW_UP_PHASES.includes(state.phase),
    },
    improvements: linked.map((l) => ({ ...l.improvement, dueAt: l.improvement.dueAt.toISOString() })),
    linkableImprovements: openImprovements.filter((i) => !linkedIds.has(i.id)),
    repeat,
  };
}
