import { settledCompensation, type CaseState } from "./state";
import { venueDay } from "./venue-day";

export type CaseStatus = "open" | "awaiting_manager" | "closed" | "abandoned";

export function caseStatus(state: CaseState): CaseStatus {
  if (state.phase === "closed") return "closed";
  if (state.phase === "abandoned") return "abandoned";
  return state.pendingManager ? "awaiting_manager" : "open";
}

/**
 * How the customer answered the read-back, over every round: yes the first time; yes after one
 * or more "not quite"; or "not quite" and no yes (yet, or ever: the case may have been abandoned).
 * Null while nobody has been asked. A "not quite" starts a new round, which clears the round's
 * answer in the state (CaseState.readback), so the outcome is read from what never resets: the
 * acceptance time and the count of refusals. An accepted read-back moves the case to Prevent and
 * no rule leads back to Confirm, so no refusal can follow an acceptance.
 */
export const READBACK_OUTCOMES = ["accepted_first_time", "accepted_after_changes", "not_accepted"] as const;
export type ReadbackOutcome = (typeof READBACK_OUTCOMES)[number];

export function readbackOutcome(state: Pick<CaseState, "resolvedAt" | "readbackRefusals">): ReadbackOutcome | null {
  if (state.resolvedAt) return state.readbackRefusals === 0 ? "accepted_first_time" : "accepted_after_changes";
  return state.readbackRefusals > 0 ? "not_accepted" : null;
}

/** Where the case happens: the venue's time zone, which decides its calendar day and week. */
export type ProjectionVenue = { timeZone: string };

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
export function projectCase(state: CaseState, venue: ProjectionVenue) {
  if (state.phase === "new" || !state.openedAt || !state.lastEventAt || !state.locationId) throw new Error("A case must be opened first");
  const openedLocalDay = venueDay(state.openedAt, venue.timeZone);
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
      readbackOutcome: readbackOutcome(state),
      readbackRefusals: state.readbackRefusals,
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
      // Derived for the insights (docs/decisions/0007, 0010); written with the rest, so never stale.
      openedLocalDay,
      firstApologyMs: millisSince(state.openedAt, state.firstApologyAt),
      resolutionMs: millisSince(state.openedAt, state.resolvedAt),
      remedyCents: remedyCents(state),
    },
    /** Copied onto every CaseRootCause row; all fixed when the case is opened. */
    rootCauseScope: { locationId: state.locationId, isPractice: state.practice, openedAt: state.openedAt, openedLocalDay },
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
