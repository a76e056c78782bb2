import type { CaseState } from "./state";

/**
 * The folded state of a case, stored on its row beside the projection (docs/decisions/0023) so an
 * append starts from it instead of reading and folding the whole log. JSON, with every Date kept
 * as `{"$date": <epoch ms>}` so it comes back a Date (CaseState holds several). Keys whose value
 * is undefined are dropped, as JSON drops them; the state reads the same either way.
 */
const DATE_KEY = "$date";

export function encodeState(state: CaseState): string {
  return JSON.stringify(state, function (this: Record<string, unknown>, key: string, value: unknown) {
    // JSON.stringify has already called Date#toJSON on `value`: the Date itself is on the holder.
    const raw = this[key];
    return raw instanceof Date ? { [DATE_KEY]: raw.getTime() } : value;
  });
}

export function decodeState(text: string): CaseState {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      const ms = record[DATE_KEY];
      if (typeof ms === "number" && Object.keys(record).length === 1) return new Date(ms);
    }
    return value;
  }) as CaseState;
}

/**
 * One text for equal states, whatever order their keys were added in and whether an absent field
 * is missing or undefined: for comparing a stored snapshot with the fold of the log.
 */
export function canonicalState(state: CaseState): string {
  return JSON.stringify(state, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { [DATE_KEY]: raw.getTime() };
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
