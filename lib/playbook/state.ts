import type { AgreedActionInput, RecordedEvent, RemedyTerms } from "./events";
import type { HeadsUpCarryOver } from "./heads-up/carry-over";
import type { Category, Feeling, Mood, Phase, Severity, Stage } from "./vocabulary";

export type { RemedyTerms };

/**
 * A remedy offered to the customer. Its kind, description and value are what the customer gets:
 * as offered, or as a manager approved it when they approved something different (`requested`
 * then keeps what was asked). "superseded": the customer said "not quite" to the read-back that
 * promised it, so it belongs to an earlier round (kept for the history, given to nobody).
 */
export type CompensationState = RemedyTerms & {
  id: string;
  status: "offered" | "awaiting_approval" | "approved" | "declined" | "withdrawn" | "superseded";
  /** The round of agreement it belongs to (see CaseState.round). */
  round: number;
  offeredById: string;
  /** What was asked, when a manager approved a different remedy (a counter-offer). */
  requested?: RemedyTerms;
  decidedById?: string;
  decisionNote?: string;
};

export type PendingManager = {
  kind: "authority" | "remedy";
  reason: string;
  requestedAt: Date;
  requestedById: string;
  /** For a remedy: the requester's own limit, which the remedy is above. */
  limitCents?: number;
};

export type ManagerDecision = {
  kind: PendingManager["kind"];
  decision: "approved" | "declined";
  note?: string;
  managerId: string;
  at: Date;
  round: number;
  /** A remedy decision that approved something other than what was asked: what was asked. */
  requested?: RemedyTerms;
  /** The remedy a remedy decision approved. */
  remedy?: RemedyTerms;
};

export type AgreedAction = AgreedActionInput & { status: "open" | "done"; completedAt?: Date };

/** What an earlier round agreed before the customer said "not quite" to its read-back. */
export type SupersededRound = {
  round: number;
  chosenOption?: string;
  remedy?: CompensationState;
  compensationSkippedReason?: string;
  actions: AgreedAction[];
  /** When the customer said "not quite", and what they said. */
  at: Date;
  comment?: string;
};

/** Someone went back to the customer to say an agreed action would be late (a broken promise, told). */
export type PromiseTelling = { actionId: string; at: Date; actorId: string; words?: string; dueAtWhenTold: string; newDueAt?: string };

export type CaseState = {
  phase: Phase;
  /** The heads-up this complaint grew out of, carried over when it was opened. */
  fromHeadsUp?: HeadsUpCarryOver;
  promiseTellings: PromiseTelling[];
  reference?: string;
  locationId?: string;
  openedById?: string;
  authorityLimitCents: number;
  practice: boolean;
  /** The playbook revision the case was opened under (see PLAYBOOK_REVISION). */
  revision: number;
  complaint?: { customerWords: string; category: Category; severity: Severity; spot: string; mood: Mood };
  feeling?: { feeling: Feeling; words?: string };
  apology?: { ourFault: boolean; words?: string };
  facts?: string;
  options: string[];
  /**
   * Rounds of agreement: 1 until the customer says "not quite" to a read-back, which retires the
   * round's agreed solution, remedy and actions (into `superseded`) and starts the next at Solve.
   */
  round: number;
  superseded: SupersededRound[];
  declined: { request: string; reason: string; alternatives: string[] }[];
  pendingManager?: PendingManager;
  decisions: ManagerDecision[];
  chosenOption?: string;
  compensation: CompensationState[];
  compensationSkippedReason?: string;
  actions: AgreedAction[];
  readback?: { accepted: boolean; comment?: string; at: Date };
  readbackRefusals: number;
  rootCauseTags: string[];
  preventionNote?: string;
  notes: { text: string; at: Date; actorId: string }[];
  managerNotes: { text: string; at: Date; actorId: string }[];
  /** The phase a case was in when it was abandoned, so a reopen can return there. */
  abandonedFrom?: Phase;
  reopenings: number;
  /** Where to return after the customer vented and was heard again. */
  resumeStage?: Stage;
  returnsToListen: number;
  abandonReason?: string;
  openedAt?: Date;
  phaseEnteredAt?: Date;
  firstApologyAt?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  lastEventAt?: Date;
  eventCount: number;
};

export const initialState: CaseState = {
  phase: "new",
  promiseTellings: [],
  authorityLimitCents: 0,
  practice: false,
  revision: 1,
  options: [],
  round: 1,
  superseded: [],
  declined: [],
  decisions: [],
  compensation: [],
  actions: [],
  readbackRefusals: 0,
  rootCauseTags: [],
  notes: [],
  managerNotes: [],
  reopenings: 0,
  returnsToListen: 0,
  eventCount: 0,
};

export function isOpen(state: CaseState): boolean {
  return state.phase !== "new" && state.phase !== "closed" && state.phase !== "abandoned";
}

/** Every option the customer has been given: offered ones, alternatives to a "no", a manager's. */
export function allOptions(state: CaseState): string[] {
  return [...new Set([...state.options, ...state.declined.flatMap((d) => d.alternatives)])];
}

/** The remedy this round gives the customer: offered within authority, or approved (as approved). */
export function settledCompensation(state: CaseState): CompensationState | undefined {
  return state.compensation.findLast((c) => c.round === state.round && (c.status === "offered" || c.status === "approved"));
}

/** The offer waiting for a manager's approval, if any. */
export function awaitingCompensation(state: CaseState): CompensationState | undefined {
  return state.compensation.findLast((c) => c.status === "awaiting_approval");
}

export function compensationSettled(state: CaseState): boolean {
  return settledCompensation(state) !== undefined || state.compensationSkippedReason !== undefined;
}

export type { RecordedEvent };
