import type { AgreedActionInput, RecordedEvent } from "./events";
import type { Category, CompensationKind, Feeling, Mood, Phase, Severity, Stage } from "./vocabulary";

export type CompensationState = {
  id: string;
  kind: CompensationKind;
  description: string;
  valueCents: number;
  status: "offered" | "awaiting_approval" | "approved" | "declined" | "withdrawn";
  decidedById?: string;
  decisionNote?: string;
};

export type PendingManager = {
  kind: "authority" | "remedy";
  reason: string;
  requestedAt: Date;
  requestedById: string;
};

export type ManagerDecision = {
  kind: PendingManager["kind"];
  decision: "approved" | "declined";
  note?: string;
  managerId: string;
  at: Date;
};

export type AgreedAction = AgreedActionInput & { status: "open" | "done"; completedAt?: Date };

export type CaseState = {
  phase: Phase;
  reference?: string;
  locationId?: string;
  openedById?: string;
  authorityLimitCents: number;
  practice: boolean;
  complaint?: { customerWords: string; category: Category; severity: Severity; spot: string; mood: Mood };
  feeling?: { feeling: Feeling; words?: string };
  apology?: { ourFault: boolean; words?: string };
  facts?: string;
  options: string[];
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
  authorityLimitCents: 0,
  practice: false,
  options: [],
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

export function settledCompensation(state: CaseState): CompensationState | undefined {
  return state.compensation.findLast((c) => c.status === "offered" || c.status === "approved");
}

export function compensationSettled(state: CaseState): boolean {
  return settledCompensation(state) !== undefined || state.compensationSkippedReason !== undefined;
}

export type { RecordedEvent };
