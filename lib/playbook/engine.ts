// The one engine every playbook runs on. A playbook is data: a table with one row per event type
// (where it may happen, whether it may happen while a manager is awaited, what must be true first,
// what it changes), plus the words for its phases and events. `definePlaybook` turns that table
// into `transition`, `fold` and `foldSteps`, so the complaint playbook and the heads-up playbook
// refuse, fold and replay in exactly the same way.

export type RefusalCode = "wrong_stage" | "not_ready" | "awaiting_manager" | "not_authorised" | "case_ended";
export type Refusal = { ok: false; code: RefusalCode; reason: string };
export type TransitionOf<S> = { ok: true; state: S } | Refusal;

/** What every playbook's state carries: where it is, and how many events made it. */
export type EngineState<P extends string> = { phase: P; eventCount: number; lastEventAt?: Date };
/** What every recorded event carries: its type, and when it happened. */
export type EngineEvent = { type: string; at: Date };

export type EngineRule<S, E> = {
  /** Phases in which the event may happen. */
  in: readonly (S extends { phase: infer P } ? P : never)[];
  /** Allowed while a manager's decision is awaited? */
  whileWaiting?: boolean;
  /** Why the event may not happen now: a plain-words message (not_ready), a refusal with its own code (e.g. not_authorised), or null. */
  guard?: (state: S, event: E) => string | { code: RefusalCode; reason: string } | null;
  apply: (state: S, event: E) => S;
};

/** One rule per event type of the playbook's union. */
export type FlowTable<S, E extends EngineEvent> = { [T in E["type"]]: EngineRule<S, Extract<E, { type: T }>> };

export type PlaybookSpec<P extends string, S extends EngineState<P>, E extends EngineEvent> = {
  flow: FlowTable<S, E>;
  initial: S;
  /** Phases after which only the events whose rules name them may happen. */
  ended: readonly P[];
  phaseNames: Record<P, string>;
  eventNames: Record<E["type"], string>;
  /** Why nothing more happens on a case that has ended in `phase`. */
  endedReason: (phase: P) => string;
  /** Is a manager's decision awaited? (Only events marked whileWaiting may happen then.) */
  awaitingManager?: (state: S) => boolean;
};

export class PlaybookRefusal extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly eventIndex: number,
  ) {
    super(refusal.reason);
  }
}

function refuse(code: RefusalCode, reason: string): Refusal {
  return { ok: false, code, reason };
}

export type Playbook<P extends string, S extends EngineState<P>, E extends EngineEvent> = {
  spec: PlaybookSpec<P, S, E>;
  /** The next state after `event`, or the reason the playbook does not allow it. */
  transition: (state: S, event: E) => TransitionOf<S>;
  /** A case's state is its event log folded through `transition`; throws PlaybookRefusal. */
  fold: (events: readonly E[], from?: S) => S;
  /** Every intermediate state, for replays: states[i] is the state after events[i]. */
  foldSteps: (events: readonly E[]) => S[];
};

export function definePlaybook<P extends string, S extends EngineState<P>, E extends EngineEvent>(
  spec: PlaybookSpec<P, S, E>,
): Playbook<P, S, E> {
  const transition = (state: S, event: E): TransitionOf<S> => {
    const rule = (spec.flow as unknown as Record<string, EngineRule<S, E> | undefined>)[event.type];
    if (!rule) return refuse("wrong_stage", "This playbook has no such step.");
    const allowed = rule.in as readonly P[];
    if (spec.ended.includes(state.phase) && !allowed.includes(state.phase)) {
      return refuse("case_ended", spec.endedReason(state.phase));
    }
    if (!allowed.includes(state.phase)) {
      const where = allowed.map((p) => spec.phaseNames[p]).join(" or ");
      const what = spec.eventNames[event.type as E["type"]];
      return refuse("wrong_stage", `You can ${what} only at ${where}; this case is at ${spec.phaseNames[state.phase]}.`);
    }
    if (spec.awaitingManager?.(state) && !rule.whileWaiting) {
      return refuse("awaiting_manager", "Waiting for a manager's decision before the next step.");
    }
    const refused = rule.guard?.(state, event);
    if (refused) return typeof refused === "string" ? refuse("not_ready", refused) : refuse(refused.code, refused.reason);
    const next = rule.apply(state, event);
    return { ok: true, state: { ...next, eventCount: state.eventCount + 1, lastEventAt: event.at } };
  };

  const fold = (events: readonly E[], from: S = spec.initial): S =>
    events.reduce((state, event, index) => {
      const result = transition(state, event);
      if (!result.ok) throw new PlaybookRefusal(result, index);
      return result.state;
    }, from);

  const foldSteps = (events: readonly E[]): S[] => {
    fold(events);
    const states: S[] = [];
    events.reduce((state, event) => {
      const result = transition(state, event);
      const next = result.ok ? result.state : state;
      states.push(next);
      return next;
    }, spec.initial);
    return states;
  };

  return { spec, transition, fold, foldSteps };
}
