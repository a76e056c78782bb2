import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { describeHistory } from "@/lib/manager/describe-event";
import { DEFAULT_TIMEZONE } from "@/lib/manager/time";
import { scoreCase } from "@/lib/playbook/rubric";
import { ENDED_STATUSES, loadLogs } from "./common";

/** How many of one's own recent cases "my feedback" scores. */
export const MY_CASES = 30;

/**
 * "My feedback": the signed-in person's own ended cases with their rubric scores, and every
 * coaching comment a trainer left for them, each with the step it is pinned to. Their own
 * cases, so nothing is redacted here.
 */
export async function listMyFeedback(db: Db, actor: Actor) {
  assertCan(actor, "feedback.own");
  const [recent, comments] = await Promise.all([
    db.case.findMany({
      where: { openedById: actor.id, isPractice: false, status: { in: [...ENDED_STATUSES] } },
      orderBy: [{ closedAt: "desc" }, { id: "desc" }],
      take: MY_CASES,
      select: { id: true },
    }),
    db.coachingComment.findMany({
      where: { staffId: actor.id },
      orderBy: { createdAt: "desc" },
      include: { author: { select: { name: true } } },
    }),
  ]);
  const caseIds = [...new Set([...comments.map((c) => c.caseId), ...recent.map((c) => c.id)])];
  const [rows, logs, tags] = await Promise.all([
    db.case.findMany({
      where: { id: { in: caseIds } },
      select: {
        id: true,
        reference: true,
        status: true,
        isPractice: true,
        category: true,
        spot: true,
        customerWords: true,
        openedAt: true,
        closedAt: true,
        location: { select: { name: true, timezone: true } },
      },
    }),
    loadLogs(db, caseIds),
    db.rootCauseTag.findMany({ select: { slug: true, label: true } }),
  ]);
  const tagLabels = new Map(tags.map((t) => [t.slug, t.label]));
  const names = new Map([[actor.id, "You"]]);

  const cases = rows
    .map((row) => {
      const log = logs.get(row.id) ?? [];
      const lines = describeHistory(log, names, tagLabels, row.location.timezone || DEFAULT_TIMEZONE);
      const mine = comments.filter((c) => c.caseId === row.id);
      return {
        id: row.id,
        reference: row.reference,
        status: row.status,
        practice: row.isPractice,
        category: row.category,
        spot: row.spot,
        words: row.customerWords,
        locationName: row.location.name,
        /** The venue's time zone: the case's and its comments' times are shown on its clock. */
        timeZone: row.location.timezone || DEFAULT_TIMEZONE,
        openedAt: row.openedAt.toISOString(),
        closedAt: row.closedAt?.toISOString() ?? null,
        rubric: scoreCase(log),
        comments: mine
          .sort((a, b) => a.eventSequence - b.eventSequence || a.createdAt.getTime() - b.createdAt.getTime())
          .map((c) => ({
            id: c.id,
            eventSequence: c.eventSequence,
            step: lines[c.eventSequence - 1]?.what ?? `Step ${c.eventSequence}`,
            text: c.text,
            authorName: c.author.name,
            createdAt: c.createdAt.toISOString(),
            acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
          })),
      };
    })
    // Cases with something unread first, then newest first.
    .sort((a, b) => {
      const unread = (c: typeof a) => c.comments.some((m) => !m.acknowledgedAt);
      if (unread(a) !== unread(b)) return unread(a) ? -1 : 1;
      return (b.closedAt ?? b.openedAt).localeCompare(a.closedAt ?? a.openedAt);
    });

  const scored = cases.filter((c) => !c.practice && c.rubric.score !== null);
  return {
    cases,
    unacknowledged: comments.filter((c) => !c.acknowledgedAt).length,
    averageScore: scored.length ? Math.round(scored.reduce((sum, c) => sum + (c.rubric.score ?? 0), 0) / scored.length) : null,
  };
}
export type MyFeedback = Awaited<ReturnType<typeof listMyFeedback>>;
export type MyFeedbackCase = MyFeedback["cases"][number];
