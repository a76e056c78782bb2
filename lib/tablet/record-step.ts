import type { ApiError } from "@/lib/client/api";
import { eventSchemas, playbookEventSchema, type Actor, type PlaybookEvent, type RecordedEvent } from "@/lib/playbook/events";
import { withOwnLimit } from "@/lib/playbook/authority";
import { transition } from "@/lib/playbook/machine";
import type { CaseState } from "@/lib/playbook/state";
import type { FieldErrors, ManagerDecisionInput, StepDraft, StepFailure, StepOutcome } from "@/lib/tablet/step-types";

// Checking a step before it is recorded: the playbook first, then the event's zod schema (the
// server's own). Loaded with the first step (components/case/use-case-log.ts): neither the rules'
// refusals nor zod are needed to show the case.

/**
 * The playbook speaks first: "offer at least two options" helps more than "Required".
 * Its guards read only what they check, so asking about a draft with a blank field is safe;
 * zod then says what is missing. Should a future rule trip over a blank, zod still decides.
 */
function playbookRefusal(state: CaseState, draft: StepDraft & { at: Date; actor: Actor }): string | null {
  try {
    const result = transition(state, draft as RecordedEvent);
    return result.ok ? null : result.reason;
  } catch {
    return null;
  }
}

/** "event.data.spot" (server) and ["data", "spot"] (local zod) both become "spot". */
function toFieldKey(path: string): string {
  const key = path.replace(/^event\./, "").replace(/^(data|decision)\.?/, "");
  return key === "" ? "_" : key;
}

function valueAt(source: unknown, path: readonly PropertyKey[]): unknown {
  let value = source;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function fieldsFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], source: unknown): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = toFieldKey(issue.path.map(String).join("."));
    // A blank field gets a plain word, not zod's default "Invalid input: expected number…";
    // the schema's own messages ("Pick a severity") are kept.
    const blank = valueAt(source, issue.path) === undefined && issue.message.startsWith("Invalid ");
    fields[key] ??= blank ? "Required" : issue.message;
  }
  return fields;
}

export const refused = (reason: string): StepOutcome => ({ ok: false, kind: "refused", message: reason, fields: {} });
export const invalid = (fields: FieldErrors): StepOutcome => ({
  ok: false,
  kind: "invalid",
  message: fields._ ?? "Some details need fixing: see the marked fields.",
  fields,
});

export function failureFromApi(error: ApiError): StepFailure {
  if (error.status === 0) {
    return {
      kind: "offline",
      message: "No connection, so this step was not saved. Your input is still here: try again when the Wi-Fi is back.",
      fields: {},
    };
  }
  if (error.status === 400) {
    const raw = error.details?.fields;
    const fields: FieldErrors = {};
    if (raw && typeof raw === "object") {
      for (const [path, message] of Object.entries(raw)) {
        if (typeof message === "string") fields[toFieldKey(path)] ??= message;
      }
    }
    return {
      kind: "invalid",
      message: Object.keys(fields).length ? "Some details need fixing: see the marked fields." : error.message,
      fields,
    };
  }
  if (error.status === 409 && error.code === "playbook_refused") return { kind: "refused", message: error.message, fields: {} };
  return { kind: "failed", message: error.message, fields: {} };
}

/** A failure worth retrying with the same client id, because the server may have recorded it. */
export const mayHaveReachedServer = (error: ApiError) => error.status === 0 || error.status >= 500;

/** A step the playbook allows and the schema accepts, ready to store; or why not. */
export function checkStep(
  state: CaseState,
  raw: StepDraft,
  by: Actor,
  limitCents?: number,
): { ok: true; event: Exclude<PlaybookEvent, { type: "case_opened" }> } | { ok: false; outcome: StepOutcome } {
  // An offer carries its maker's own limit, as the server will write it in: the coach then knows
  // at once whether it waits for a manager.
  const draft = limitCents === undefined ? raw : withOwnLimit(raw, limitCents);
  const refusal = playbookRefusal(state, { ...draft, at: new Date(), actor: by });
  if (refusal) return { ok: false, outcome: refused(refusal) };
  const parsed = playbookEventSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, outcome: invalid(fieldsFromIssues(parsed.error.issues, draft)) };
  const checked = parsed.data;
  if (checked.type === "case_opened") return { ok: false, outcome: refused("A case is opened from the home screen.") };
  return { ok: true, event: checked };
}

/** A manager's decision on this tablet, checked like a step, plus the manager and PIN fields. */
export function checkDecision(
  state: CaseState,
  { managerId, pin, decision, limitCents }: ManagerDecisionInput,
): { ok: true; decision: ManagerDecisionInput["decision"] } | { ok: false; outcome: StepOutcome } {
  const by: Actor = { id: managerId || "manager", role: "manager" };
  // Checked against the picked manager's limit here; the server checks it against their role's.
  const data = limitCents === undefined ? decision : { ...decision, authorityLimitCents: limitCents };
  const local = transition(state, { type: "manager_decided", data, at: new Date(), actor: by });
  if (!local.ok) return { ok: false, outcome: refused(local.reason) };
  const fields: FieldErrors = {};
  if (!managerId) fields.managerId = "Pick the manager";
  if (!/^\d{4,8}$/.test(pin)) fields.pin = "The manager's PIN is 4 to 8 digits";
  const parsed = eventSchemas.manager_decided.shape.data.safeParse(decision);
  if (!parsed.success) Object.assign(fields, fieldsFromIssues(parsed.error.issues, decision));
  if (Object.keys(fields).length || !parsed.success) return { ok: false, outcome: invalid(fields) };
  return { ok: true, decision: parsed.data };
}

/** The failure to show for an API error, as a step outcome. */
export function outcomeFromApi(error: ApiError): StepOutcome {
  return { ok: false, ...failureFromApi(error) };
}
