import { settledCompensation, type CaseState } from "./state";

export type CaseStatus = "open" | "awaiting_manager" | "closed" | "abandoned";

export function caseStatus(state: CaseState): CaseStatus {
  if (state.phase === "closed") return "closed";
  if (state.phase === "abandoned") return "abandoned";
  return state.pendingManager ? "awaiting_manager" : "open";
}

/** The UTC calendar day (YYYY-MM-DD) of an instant: what SQLite's date() gives for the stored text. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Milliseconds from `from` to `to`, as the BigInt the Case row stores (null while `to` is unknown). */
function millisSince(from: Date, to: Date | undefined): bigint | null {
  return to ? BigInt(to.getTime() - from.getTime()) : null;
}

/** The sum of every offered or approved remedy, or null when there is none (an offer of 0 still counts). */
function remedyCents(state: CaseState): bigint | null {
  const given = state.compensation.filter((c) => c.status === "offered" || c.status === "approved");
  return given.length ? given.reduce((sum, c) => sum + BigInt(c.valueCents), BigInt(0)) : null;
}

/**
 * The Case row and its child rows as the fold determines them. Storage writes exactly this,
 * so the stored projection can always be checked against a fresh fold of the stored events.
 */
export function projectCase(state: CaseState) {
  if (state.phase === "new" || !state.openedAt || !state.lastEventAt || !state.locationId) throw new Error("A case must be opened first");
  return {
    row: {
      stage: state.phase,
      status: caseStatus(state),
      category: state.complaint?.category ?? null,
      severity: state.complaint?.severity ?? null,
      spot: state.complaint?.spot ?? null,
      mood: state.complaint?.mood ?? null,
      customerWords: state.complaint?.customerWords ?? null,
      feeling: state.feeling?.feeling ?? null,
      ourFault: state.apology?.ourFault ?? null,
      chosenSolution: state.chosenOption ?? null,
      readbackAccepted: state.readback?.accepted ?? null,
      returnsToListen: state.returnsToListen,
      preventionNote: state.preventionNote ?? null,
      abandonReason: state.abandonReason ?? null,
      eventCount: state.eventCount,
      openedAt: state.openedAt,
      firstApologyAt: state.firstApologyAt ?? null,
      resolvedAt: state.resolvedAt ?? null,
      closedAt: state.closedAt ?? null,
      lastEventAt: state.lastEventAt,
      isPractice: state.practice,
      // Derived for the insights (docs/decisions/0006); written with the rest, so never stale.
      openedDay: utcDay(state.openedAt),
      firstApologyMs: millisSince(state.openedAt, state.firstApologyAt),
      resolutionMs: millisSince(state.openedAt, state.resolvedAt),
      remedyCents: remedyCents(state),
    },
    /** Copied onto every CaseRootCause row; all fixed when the case is opened. */
    rootCauseScope: { locationId: state.locationId, isPractice: state.practice, openedAt: state.openedAt, openedDay: utcDay(state.openedAt) },
    actions: state.actions.map((a) => ({
      id: a.id,
      description: a.description,
      owner: a.owner,
      dueAt: new Date(a.dueAt),
      status: a.status,
      completedAt: a.completedAt ?? null,
    })),
    rootCauseSlugs: state.rootCauseTags,
    compensation: [
      ...state.compensation.map((c) => ({
        id: c.id,
        kind: c.kind as string,
        description: c.description,
        valueCents: c.valueCents,
        status: c.status as string,
        decidedById: c.decidedById ?? null,
        decisionNote: c.decisionNote ?? null,
      })),
    ],
    settledCompensation: settledCompensation(state),
  };
}
export type CaseProjection = ReturnType<typeof projectCase>;
