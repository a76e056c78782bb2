// Rounds of agreement. When the customer says "not quite" to the read-back, the round's agreed
// solution, remedy (and the manager's decision on it) and actions are retired: the log keeps
// them, the history shows them as superseded, and nothing downstream counts them again.
import type { EventType, RecordedEvent } from "./events";
import { replayStates, stateBefore } from "./replay";

const RETIRED_WITH_THE_ROUND: ReadonlySet<EventType> = new Set<EventType>([
  "solution_agreed",
  "compensation_offered",
  "compensation_skipped",
  "actions_agreed",
  "action_updated",
]);

/** For each step of a log: does it belong to a round the customer later said "not quite" to? */
export function supersededSteps(log: readonly RecordedEvent[]): boolean[] {
  const states = replayStates(log);
  const current = states.at(-1)?.round ?? 1;
  return log.map((event, index) => {
    const before = stateBefore(states, index);
    if (before.round >= current) return false;
    if (RETIRED_WITH_THE_ROUND.has(event.type)) return true;
    return event.type === "manager_decided" && before.pendingManager?.kind === "remedy";
  });
}
