import "server-only";
// The trainer's rubric of a case as stored on its Case row (docs/decisions/0037): the one place
// that turns a log into the rubric columns, used by the append, the backfill and the checks.
import type { RecordedEvent } from "@/lib/playbook";
import { fold } from "@/lib/playbook";
import { scoreCase, type RubricReference, type RubricResult } from "@/lib/playbook/rubric";
import { redactEvents } from "./redact";

/**
 * The rubric as trainers score it: from the log with contact details masked, as it always was (a
 * person's name changes no outcome, and finding names is the slow part of redaction; see
 * docs/decisions/0010). lib/training/common.ts scoreForTrainer masks what the lines quote on top.
 */
export function trainerRubric(log: readonly RecordedEvent[], reference?: RubricReference): RubricResult {
  return scoreCase(redactEvents(log, "contacts"), reference);
}

/** The Case row's rubric columns (prisma/schema.prisma). */
export type RubricColumns = {
  rubricScore: number | null;
  rubricMet: number | null;
  rubricApplicable: number | null;
  rubricMissed: string | null;
  rubricSequence: number | null;
};

export const NO_RUBRIC: RubricColumns = {
  rubricScore: null,
  rubricMet: null,
  rubricApplicable: null,
  rubricMissed: null,
  rubricSequence: null,
};

/** The stored form of the missed items: ",a,b," (",," for none), so one item is `contains: ",a,"`. */
export function missedColumn(missed: readonly string[]): string {
  return `,${missed.join(",")},`;
}

export function missedFromColumn(column: string | null): string[] {
  return column ? column.split(",").filter(Boolean) : [];
}

/** Whether a case's rubric is stored: an ended (closed or abandoned) case off the floor, not a practice run. */
export function isScored(state: { phase: string; practice?: unknown }): boolean {
  return (state.phase === "closed" || state.phase === "abandoned") && !state.practice;
}

/**
 * The rubric columns for a case's whole log: the trainer's rubric when the fold says the case has
 * ended (and is real), else none. `state` is the fold of `log` when the caller has it.
 */
export function rubricColumns(log: readonly RecordedEvent[], state = fold(log)): RubricColumns {
  if (!isScored(state)) return NO_RUBRIC;
  const result = trainerRubric(log);
  return {
    rubricScore: result.score,
    rubricMet: result.met,
    rubricApplicable: result.applicable,
    rubricMissed: missedColumn(result.items.filter((i) => i.outcome === "missed").map((i) => i.id)),
    rubricSequence: log.length,
  };
}
