// The redaction as it was before issue 10.4 (regular expressions for emails and phone numbers only),
// kept as the baseline that scripts/bench-redaction.ts measures against in the same run.
/**
 * Trainers learn from real cases without seeing who the customer was: every free-text field in
 * the log's event data has email addresses and phone numbers masked, and any customer-name field
 * is dropped. Identifiers, dates and closed-set values are left alone so the replay still folds.
 */

export const EMAIL_MASK = "[email removed]";
export const PHONE_MASK = "[phone removed]";

/** Keys whose values are structure, not something a person typed. */
const STRUCTURED_KEYS = new Set([
  "id",
  "actionId",
  "dueAt",
  "reference",
  "locationId",
  "tags",
  "kind",
  "category",
  "mood",
  "feeling",
  "decision",
  "backTo",
  "status",
]);

/** A customer's name, wherever a future event carries one. */
const NAME_KEY = /^(customer|guest|caller|complainant)_?(full_?)?name$/i;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A run of digits with the separators people type in phone numbers; judged by its digit count below.
const PHONE_RUN = /(?<![\p{L}\p{N}])(?:\+|00)?\(?\d[\d\s().\-/]{5,}\d(?![\p{L}\p{N}])/gu;
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;

function looksLikePhone(run: string): boolean {
  const digits = run.replace(/\D/g, "").length;
  if (digits < 7 || digits > 15) return false;
  if (DATE_LIKE.test(run.trim())) return false;
  return true;
}

/** Masks email addresses and phone numbers in one piece of free text. */
export function maskContactDetails(text: string): string {
  return text.replace(EMAIL, EMAIL_MASK).replace(PHONE_RUN, (run) => (looksLikePhone(run) ? PHONE_MASK : run));
}

function redactValue(value: unknown, key: string | null): unknown {
  if (typeof value === "string") return key !== null && STRUCTURED_KEYS.has(key) ? value : maskContactDetails(value);
  if (Array.isArray(value)) return key !== null && STRUCTURED_KEYS.has(key) ? value : value.map((item) => redactValue(item, null));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (NAME_KEY.test(k)) continue;
      out[k] = redactValue(v, k);
    }
    return out;
  }
  return value;
}

/** Deep-masks one event's data; the shape is unchanged apart from dropped name fields. */
export function redactEventData<T>(data: T): T {
  return redactValue(data, null) as T;
}

type ViewWithLog = { log: readonly { data: unknown }[] };

/** A case view as a trainer may see it. The input is not changed. */
export function redactForTrainer<V extends ViewWithLog>(view: V): V {
  return { ...view, log: view.log.map((event) => ({ ...event, data: redactEventData(event.data) })) };
}

/** A log (or any list of events) as a trainer may see it: each event's data deep-masked. The input is not changed. */
export function redactEvents<E extends { data: unknown }>(log: readonly E[]): E[] {
  return log.map((event) => ({ ...event, data: redactEventData(event.data) }));
}
