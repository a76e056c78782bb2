import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { loadCaseLog } from "@/lib/cases/case-log";
import type { Db } from "@/lib/db/client";
import { customerFacts, seedFrom, type CustomerFacts } from "@/lib/playbook/simulated-customer";
import { redactLog } from "./common";

/** The simulated customer a practice run plays against: the source case's facts and the run's seed. */
export type PracticeSession = { sourceCaseId: string; facts: CustomerFacts | null; seed: number };

/**
 * For the live coach's page: when the case is a practice run, the customer it plays (from the
 * redacted source log, seeded by the run's id so a reload meets the same customer); null for a
 * real case. The page has already checked the actor may see the practice case itself.
 */
export async function getPracticeSession(db: Db, actor: Actor, caseId: string): Promise<PracticeSession | null> {
  if (!can(actor, "practice.run")) return null;
  const run = await db.practiceRun.findUnique({ where: { practiceCaseId: caseId }, select: { sourceCaseId: true } });
  if (!run) return null;
  const log = redactLog(await loadCaseLog(db, run.sourceCaseId));
  return { sourceCaseId: run.sourceCaseId, facts: customerFacts(log), seed: seedFrom(caseId) };
}
