import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { loadCaseLog } from "@/lib/cases/case-log";
import type { Db } from "@/lib/db/client";
import { customerScript, type CustomerScript } from "@/lib/playbook/practice";
import { redactLog } from "./common";

export type PracticeSession = { sourceCaseId: string; script: CustomerScript };

/**
 * For the live coach's page: when the case is a practice run, the customer's side it plays
 * (from the redacted source log); null for a real case. The page has already checked the
 * actor may see the practice case itself.
 */
export async function getPracticeSession(db: Db, actor: Actor, caseId: string): Promise<PracticeSession | null> {
  if (!can(actor, "practice.run")) return null;
  const run = await db.practiceRun.findUnique({ where: { practiceCaseId: caseId }, select: { sourceCaseId: true } });
  if (!run) return null;
  const log = redactLog(await loadCaseLog(db, run.sourceCaseId));
  return { sourceCaseId: run.sourceCaseId, script: customerScript(log) };
}
