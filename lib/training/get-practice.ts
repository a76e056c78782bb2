import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { loadCaseLog } from "@/lib/cases/case-log";
import type { Db } from "@/lib/db/client";
import { describeHistory } from "@/lib/manager/describe-event";
import { DEFAULT_TIMEZONE } from "@/lib/manager/time";
import type { RecordedEvent } from "@/lib/playbook";
import { customerFacts } from "@/lib/playbook/simulated-customer";
import { scoreCase } from "@/lib/playbook/rubric";
import { parseInput } from "@/lib/validation";
import { idSchema, isEnded, loadLogs, redactLog, scoreForTrainer } from "./common";
import { loadPracticeSource } from "./practice-source";
import { practiceReference } from "./practice-scores";

export const getPracticeSchema = z.object({ run: idSchema.optional() });

/** Who did each step, without naming colleagues: a practice copy is anonymised both ways. */
function anonymousNames(log: readonly RecordedEvent[], me: string): Map<string, string> {
  return new Map(log.map((e) => [e.actor.id, e.actor.id === me ? "You" : e.actor.role === "staff" ? "Staff member" : "Manager"]));
}

/**
 * A practice case's page: the (redacted) customer it plays, the trainee's runs on it, and the
 * latest finished run (or the one asked for) scored beside the original staff member's path.
 */
export async function getPractice(db: Db, actor: Actor, sourceCaseId: string, input: unknown = {}) {
  assertCan(actor, "practice.run");
  const { run: wanted } = parseInput(getPracticeSchema, input);
  const source = await loadPracticeSource(db, actor, sourceCaseId);
  const summary = {
    id: source.id,
    reference: source.reference,
    locationName: source.location.name,
    category: source.category,
    severity: source.severity,
    mood: source.mood,
    practisable: source.practisable,
  };
  if (!source.practisable) return { source: summary, facts: null, runs: [], comparison: null };

  const timeZone = source.location.timezone || DEFAULT_TIMEZONE;
  const [storedSourceLog, runs, tags] = await Promise.all([
    loadCaseLog(db, source.id),
    db.practiceRun.findMany({
      where: { sourceCaseId: source.id, traineeId: actor.id },
      orderBy: { startedAt: "desc" },
      select: {
        practiceCaseId: true,
        startedAt: true,
        practiceCase: { select: { reference: true, status: true, stage: true, closedAt: true, location: { select: { timezone: true } } } },
      },
    }),
    db.rootCauseTag.findMany({ select: { slug: true, label: true } }),
  ]);
  const sourceLog = redactLog(storedSourceLog);
  const tagLabels = new Map(tags.map((t) => [t.slug, t.label]));
  const finished = runs.filter((r) => isEnded(r.practiceCase.status));
  const runLogs = await loadLogs(
    db,
    finished.map((r) => r.practiceCaseId),
  );
  const reference = practiceReference(storedSourceLog);
  const runScores = new Map([...runLogs].map(([id, log]) => [id, scoreCase(log, reference)]));

  const chosen = finished.find((r) => r.practiceCaseId === wanted) ?? finished[0];
  const chosenLog = chosen ? (runLogs.get(chosen.practiceCaseId) ?? []) : [];
  return {
    source: summary,
    facts: customerFacts(sourceLog),
    runs: runs.map((r) => ({
      practiceCaseId: r.practiceCaseId,
      reference: r.practiceCase.reference,
      startedAt: r.startedAt.toISOString(),
      timeZone: r.practiceCase.location.timezone,
      status: r.practiceCase.status,
      stage: r.practiceCase.stage,
      closedAt: r.practiceCase.closedAt?.toISOString() ?? null,
      score: runScores.get(r.practiceCaseId)?.score ?? null,
    })),
    comparison: chosen
      ? {
          runId: chosen.practiceCaseId,
          run: {
            rubric: runScores.get(chosen.practiceCaseId) ?? scoreCase(chosenLog, reference),
            lines: describeHistory(chosenLog, anonymousNames(chosenLog, actor.id), tagLabels, timeZone),
          },
          original: {
            handledByYou: source.openedById === actor.id,
            rubric: scoreForTrainer(storedSourceLog),
            lines: describeHistory(sourceLog, anonymousNames(sourceLog, actor.id), tagLabels, timeZone),
          },
        }
      : null,
  };
}
export type PracticeView = Awaited<ReturnType<typeof getPractice>>;
