import type { CaseStep, LoggedEvent, Refusal, Step } from "@/lib/tablet/tablet-store";
import { isCaseStep } from "@/lib/tablet/step-kinds";
import type { RecordedEvent } from "@/lib/playbook/events";
import { PLAYBOOK_REVISION } from "@/lib/playbook/revision";
import { fold, transition } from "@/lib/playbook/machine";
import { initialState, type CaseState } from "@/lib/playbook/state";
import type { Phase } from "@/lib/playbook/vocabulary";

// A case's log as this tablet knows it, and its fold. Plain functions: the server page folds
// the log it renders with them, and the tablet loads them just after the page is up
// (components/case/use-case-log.ts), so the first script does not carry the playbook's rules.

export function toRecordedEvent(event: LoggedEvent): RecordedEvent {
  const { clientEventId: _id, ...rest } = event;
  return { ...rest, at: new Date(event.at) };
}

/** A step captured here, as the local fold sees it until the server confirms it. */
export function stepToRecorded(step: CaseStep, reference: string): RecordedEvent {
  const at = new Date(step.capturedAt);
  if (step.body.kind === "open") {
    const { locationId, authorityLimitCents, practice } = step.body;
    // The server opens every case under the current revision of the playbook's rules.
    return {
      type: "case_opened",
      data: { reference, locationId, authorityLimitCents, practice, revision: PLAYBOOK_REVISION },
      at,
      actor: step.actor,
    };
  }
  return { ...step.body.event, at, actor: step.actor };
}

/** A step of this case the server refused, and how many later steps it holds back. */
export type RefusedStep = { step: CaseStep; refusal: Refusal; held: number };

/**
 * The case on this tablet: the log the server confirmed, then this tablet's steps it has not
 * confirmed yet, up to the first one it refused (the steps after that one are held back).
 */
export function mergeLog(confirmed: readonly LoggedEvent[], steps: readonly Step[], reference: string) {
  const known = new Set(confirmed.map((e) => e.clientEventId).filter(Boolean));
  const pending = steps
    .filter(isCaseStep)
    .filter((s) => !known.has(s.clientEventId))
    .sort((a, b) => a.seq - b.seq);
  const cut = pending.findIndex((s) => s.state === "refused");
  const applied = cut < 0 ? pending : pending.slice(0, cut);
  const refusedStep = cut < 0 ? null : pending[cut];
  const refused: RefusedStep | null = refusedStep?.refusal
    ? { step: refusedStep, refusal: refusedStep.refusal, held: pending.length - cut - 1 }
    : null;
  return {
    log: [...confirmed.map(toRecordedEvent), ...applied.map((s) => stepToRecorded(s, reference))],
    waiting: pending.filter((s) => s.state === "waiting").length,
    refused,
  };
}

/**
 * The same fold the server runs. A log the server accepted always folds; should this tablet
 * run an older playbook than the server, skip what it cannot apply rather than crash mid-complaint.
 */
export function foldLog(log: readonly RecordedEvent[]): CaseState {
  try {
    return fold(log);
  } catch {
    return log.reduce((state, event) => {
      const next = transition(state, event);
      return next.ok ? next.state : state;
    }, initialState);
  }
}

/** The folded case, and how far it got (an abandoned case's rail shows the phase before the end). */
export type FoldedCase = { state: CaseState; reached: Phase };

export function foldCase(log: readonly RecordedEvent[]): FoldedCase {
  const state = foldLog(log);
  return { state, reached: state.phase === "abandoned" ? foldLog(log.slice(0, -1)).phase : state.phase };
}

/** The server's log of a case, folded: what the page shows before the tablet's own store is read. */
export function foldLogged(log: readonly LoggedEvent[]): FoldedCase {
  return foldCase(log.map(toRecordedEvent));
}
