import "server-only";
import type { Db } from "@/lib/db/client";
import type { RecordedEvent } from "@/lib/playbook";
import type { RubricReference, RubricResult } from "@/lib/playbook/rubric";
import { customerFacts, seedFrom, simulateCustomer } from "@/lib/playbook/simulated-customer";
import { maskPersonalDetails } from "@/lib/cases/redact";
import { loadLogs, scoreForTrainer } from "./common";

/** What a practice run is checked against: the source case's severity and fault, not the trainee's marks. */
export function practiceReference(sourceLog: readonly RecordedEvent[]): RubricReference | undefined {
  const facts = customerFacts(sourceLog);
  return facts ? { severity: facts.severity, ourFault: facts.ourFault } : undefined;
}

/** Scores of ended practice runs, each checked against its own source case. */
export async function scorePracticeRuns(
  db: Pick<Db, "caseEvent">,
  runs: readonly { practiceCaseId: string; sourceCaseId: string }[],
): Promise<Map<string, RubricResult>> {
  const logs = await loadLogs(db, [...new Set(runs.flatMap((r) => [r.practiceCaseId, r.sourceCaseId]))]);
  return new Map(
    runs.map((r) => [
      r.practiceCaseId,
      scoreForTrainer(logs.get(r.practiceCaseId) ?? [], practiceReference(logs.get(r.sourceCaseId) ?? [])),
    ]),
  );
}

/**
 * What the simulated customer said after each step of a practice run (by log index; -1 is their
 * opening), with their temper: the same simulation, source and seed the trainee's tablet ran.
 */
export function practiceCustomerReplies(sourceLog: readonly RecordedEvent[], runLog: readonly RecordedEvent[], practiceCaseId: string) {
  const sim = simulateCustomer(customerFacts(sourceLog), runLog, seedFrom(practiceCaseId));
  return sim.turns.map((t) => ({
    index: t.index,
    say: maskPersonalDetails(t.say),
    temper: t.temper,
    vent: t.vent,
    walkedOut: t.walkedOut,
  }));
}
