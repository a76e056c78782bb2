import type { AgreedAction, CaseState, ManagerDecision, PendingManager, PromiseTelling, SupersededRound } from "./state";

/**
 * The folded state of a case, stored on its row beside the projection (docs/decisions/0023) so an
 * append starts from it instead of reading and folding the whole log.
 *
 * Without its notes: no transition reads them (snapshot.test.ts folds random logs both ways and
 * checks every step is decided alike), and a case's notes are most of what grows with its length,
 * so the 200th step would decode and store more than the 2nd. Whatever shows notes folds the log.
 *
 * JSON with every Date as its epoch milliseconds. Both directions stay on JSON's native path: a
 * replacer or reviver function (called for every value) or Date#toJSON (a generic call per Date)
 * cost a 200-step case about a millisecond each way. The fields that hold Dates are converted
 * before stringifying and after parsing — only those, never free text or numbers elsewhere. The
 * lists below must name every Date field: the compiler checks each list against its type
 * (DateFields), and the round-trip property test (snapshot.test.ts) checks the whole against the fold.
 */
type DateFields<T> = { [K in keyof T]-?: NonNullable<T[K]> extends Date ? K : never }[keyof T];
type Fields<T> = Record<DateFields<T>, true>;

const CASE: Fields<CaseState> = {
  openedAt: true,
  phaseEnteredAt: true,
  firstApologyAt: true,
  resolvedAt: true,
  closedAt: true,
  lastEventAt: true,
};
const PENDING: Fields<PendingManager> = { requestedAt: true };
const DECISION: Fields<ManagerDecision> = { at: true };
const ACTION: Fields<AgreedAction> = { completedAt: true };
const ROUND: Fields<SupersededRound> = { at: true };
const TELLING: Fields<PromiseTelling> = { at: true };
const NOTE: Fields<CaseState["notes"][number]> = { at: true };
const READBACK: Fields<NonNullable<CaseState["readback"]>> = { at: true };

type Convert = (value: unknown) => unknown;
const toMs: Convert = (value) => (value instanceof Date ? value.getTime() : value);
const toDate: Convert = (value) => (typeof value === "number" ? new Date(value) : value);

/** A shallow copy of `value` with its Date fields converted. */
function converted<T extends object>(value: T, fields: Fields<T>, convert: Convert): T {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (copy[key] !== undefined) copy[key] = convert(copy[key]);
  return copy as T;
}

function convertedEach<T extends object>(values: readonly T[], fields: Fields<T>, convert: Convert): T[] {
  return values.map((value) => converted(value, fields, convert));
}

/** The state with every Date field converted (the state given is not changed). */
function convertState(state: CaseState, convert: Convert): CaseState {
  return {
    ...converted(state, CASE, convert),
    pendingManager: state.pendingManager && converted(state.pendingManager, PENDING, convert),
    readback: state.readback && converted(state.readback, READBACK, convert),
    decisions: convertedEach(state.decisions, DECISION, convert),
    actions: convertedEach(state.actions, ACTION, convert),
    promiseTellings: convertedEach(state.promiseTellings, TELLING, convert),
    notes: convertedEach(state.notes, NOTE, convert),
    managerNotes: convertedEach(state.managerNotes, NOTE, convert),
    superseded: state.superseded.map((round) => ({
      ...converted(round, ROUND, convert),
      actions: convertedEach(round.actions, ACTION, convert),
    })),
  };
}

/** The state as its snapshot keeps it: everything a step is decided from, without the notes. */
export function withoutNotes(state: CaseState): CaseState {
  return state.notes.length ? { ...state, notes: [] } : state;
}

export function encodeState(state: CaseState): string {
  return JSON.stringify(convertState(withoutNotes(state), toMs));
}

/** The state a snapshot holds: notes empty (a snapshot written before they were left out keeps them; they are dropped here). */
export function decodeState(text: string): CaseState {
  return withoutNotes(convertState(JSON.parse(text) as CaseState, toDate));
}

/**
 * One text for equal states, whatever order their keys were added in and whether an absent field
 * is missing or undefined: for comparing a stored snapshot with the fold of the log.
 */
export function canonicalState(state: CaseState): string {
  return JSON.stringify(state, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.getTime() };
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(record)
          .sort()
          .map((k) => [k, record[k]]),
      );
    }
    return value;
  });
}
