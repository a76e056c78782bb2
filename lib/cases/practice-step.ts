import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { CaseState, RecordedEvent } from "@/lib/playbook";
import { customerFacts, readbackAnswer, seedFrom, simulateCustomer } from "@/lib/playbook/simulated-customer";
import { loadCaseLog } from "./case-log";
import { redactEvents } from "./redact";

/**
 * In a practice run the app plays the customer, so the customer's answer to the read-back is
 * the simulation's, worked out again here from the same log, source case and seed: a trainee
 * cannot record "Yes" for a customer who would have said no (and so cannot game the rubric).
 */
export async function assertPracticeStep(
  db: Db,
  caseId: string,
  state: CaseState,
  /** The case's log so far: read only when this step needs it (an append usually starts from the snapshot). */
  log: () => Promise<readonly RecordedEvent[]>,
  event: RecordedEvent,
): Promise<void> {
  if (!state.practice || event.type !== "readback_answered") return;
  const run = await db.practiceRun.findUnique({ where: { practiceCaseId: caseId }, select: { sourceCaseId: true } });
  if (!run) return;
  // The customer plays from the redacted source, as the trainee's tablet does.
  const facts = customerFacts(redactEvents(await loadCaseLog(db, run.sourceCaseId)));
  const seed = seedFrom(caseId);
  const expected = readbackAnswer(facts, simulateCustomer(facts, await log(), seed), state, seed);
  if (expected.accepted !== event.data.accepted) {
    throw new AppError("playbook_refused", "In practice the customer answers the read-back themselves; their answer was not this one.", {
      refusal: "practice_customer_answers",
      phase: state.phase,
    });
  }
}
