import type { RemedyTerms } from "../events";
import type { HeadsUpOption, RecordedHeadsUpEvent } from "./events";
import type { HeadsUpChoice, HeadsUpKind, HeadsUpPhase } from "./vocabulary";

export type HeadsUpGesture = RemedyTerms & { id: string; round: number; offeredById: string };

export type HeadsUpState = {
  phase: HeadsUpPhase;
  reference?: string;
  locationId?: string;
  alertId?: string;
  openedById?: string;
  revision: number;
  issue?: { kind: HeadsUpKind; what: string; spot: string; customerAskedFirst: boolean };
  reason?: { reason: string; words?: string };
  options: HeadsUpOption[];
  /** What the customer chose this round. */
  decision?: { choice: HeadsUpChoice; option: string; note?: string; decidedById: string };
  gestures: HeadsUpGesture[];
  /** 1 until the customer says "not quite" at Confirm; then they decide again. */
  round: number;
  readbackRefusals: number;
  confirmedAt?: Date;
  prevention?: { tags: string[]; note?: string };
  complaint?: { caseId: string; reference: string; at: Date };
  abandonReason?: string;
  notes: { text: string; at: Date; actorId: string }[];
  openedAt?: Date;
  noticedAt?: Date;
  /** When the customer heard the reason: the moment they were told. */
  toldAt?: Date;
  toldById?: string;
  decidedAt?: Date;
  closedAt?: Date;
  phaseEnteredAt?: Date;
  lastEventAt?: Date;
  eventCount: number;
};

export const initialHeadsUpState: HeadsUpState = {
  phase: "new",
  revision: 1,
  options: [],
  gestures: [],
  round: 1,
  readbackRefusals: 0,
  notes: [],
  eventCount: 0,
};

export function isHeadsUpOpen(state: HeadsUpState): boolean {
  return state.phase !== "new" && state.phase !== "closed" && state.phase !== "complained" && state.phase !== "abandoned";
}

/** The gesture given this round, if any. */
export function currentGesture(state: HeadsUpState): HeadsUpGesture | undefined {
  return state.gestures.findLast((g) => g.round === state.round);
}

export type { RecordedHeadsUpEvent };
