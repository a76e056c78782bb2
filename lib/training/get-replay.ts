import "server-only";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/policy";
import { loadCaseLog } from "@/lib/cases/case-log";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { describeHistory } from "@/lib/manager/describe-event";
import { DEFAULT_TIMEZONE } from "@/lib/manager/time";
import { assertCaseId, isEnded, redactLog, scoreForTrainer, serialiseLog } from "./common";
import { practiceCustomerReplies, practiceReference } from "./practice-scores";

/**
 * Everything the replay player needs for one ended case, redacted on the server: the log
 * (folded again in the browser with foldSteps), each step in plain words, the rubric with the
 * event proving each item, coaching comments, and the library collections.
 */
export async function getReplay(db: Db, actor: Actor, caseId: string) {
  assertCan(actor, "trainer.replay");
  const id = assertCaseId(caseId);
  const row = await db.case.findUnique({
    where: { id },
    select: {
      id: true,
      reference: true,
      status: true,
      isPractice: true,
      locationId: true,
      openedAt: true,
      closedAt: true,
      location: { select: { name: true, timezone: true } },
      openedBy: { select: { id: true, name: true } },
    },
  });
  if (!row) throw new AppError("not_found", "No case with that id.");
  assertAtLocation(actor, row.locationId);
  if (!isEnded(row.status)) {
    throw new AppError("conflict", "This case is still open: it can be replayed once it has ended.", {
      reference: row.reference,
      status: row.status,
    });
  }

  const stored = await loadCaseLog(db, id);
  // A practice run is scored against its source case, as the trainee's own page scores it.
  const run = row.isPractice ? await db.practiceRun.findUnique({ where: { practiceCaseId: id }, select: { sourceCaseId: true } }) : null;
  const sourceLog = run ? redactLog(await loadCaseLog(db, run.sourceCaseId)) : null;
  const reference = sourceLog ? practiceReference(sourceLog) : undefined;
  const log = redactLog(stored);
  const actorIds = [...new Set(log.map((e) => e.actor.id))];
  const [users, tags, comments, collections] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
    db.rootCauseTag.findMany({ select: { slug: true, label: true } }),
    db.coachingComment.findMany({
      where: { caseId: id },
      orderBy: [{ eventSequence: "asc" }, { createdAt: "asc" }],
      include: { author: { select: { name: true } }, staff: { select: { name: true } } },
    }),
    db.caseCollection.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, items: { where: { caseId: id }, select: { id: true } } },
    }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const tagLabels = new Map(tags.map((t) => [t.slug, t.label]));

  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    practice: row.isPractice,
    locationName: row.location.name,
    timeZone: row.location.timezone || DEFAULT_TIMEZONE,
    staff: { id: row.openedBy.id, name: row.openedBy.name },
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    log: serialiseLog(log),
    lines: describeHistory(log, names, tagLabels, row.location.timezone || DEFAULT_TIMEZONE),
    rootCauses: tags.map((t) => ({ slug: t.slug, label: t.label })),
    rubric: scoreForTrainer(stored, reference),
    /** In a practice run: what the simulated customer said after each step (by log index), as the trainee saw it. */
    customer: sourceLog ? practiceCustomerReplies(sourceLog, stored, id) : null,
    comments: comments.map((c) => ({
      id: c.id,
      eventSequence: c.eventSequence,
      text: c.text,
      authorName: c.author.name,
      staffName: c.staff.name,
      createdAt: c.createdAt.toISOString(),
      acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
    })),
    collections: collections.map((c) => ({ id: c.id, name: c.name, contains: c.items.length > 0 })),
    canCoach: can(actor, "trainer.coach"),
  };
}
export type ReplayView = Awaited<ReturnType<typeof getReplay>>;
export type ReplayComment = ReplayView["comments"][number];
