"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AppendResult } from "@/lib/cases/client-event";
import type { CaseView, SerialisedEvent } from "@/lib/cases/get-case";
import { getJson, newClientId, postJson, type ApiError } from "@/lib/client/api";
import {
  eventSchemas,
  fold,
  initialState,
  isOpen,
  playbookEventSchema,
  transition,
  type Actor,
  type CaseState,
  type RecordedEvent,
} from "@/lib/playbook";
import type { CaseActor, DecideAsManager, FieldErrors, SendStep, StepDraft, StepFailure, StepOutcome } from "./types";

/** Often enough that a manager's decision from another tablet shows up while the guest waits. */
const POLL_MS = 4000;

export type SaveStatus = "idle" | "saving" | "saved" | "failed";

export function toRecordedEvent(event: SerialisedEvent): RecordedEvent {
  return { ...event, at: new Date(event.at) };
}

/**
 * The same fold the server runs. A log the server accepted always folds; should this tablet
 * run an older playbook than the server, skip what it cannot apply rather than crash mid-complaint.
 */
export function foldLog(log: readonly RecordedEvent[]): CaseState {
  try {
    return fold(log);
  } catch {
    return log.reduce((state, event) => {
      const next = transition(state, event);
      return next.ok ? next.state : state;
    }, initialState);
  }
}

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

const refused = (reason: string): StepOutcome => ({ ok: false, kind: "refused", message: reason, fields: {} });
const invalid = (fields: FieldErrors): StepOutcome => ({
  ok: false,
  kind: "invalid",
  message: fields._ ?? "Some details need fixing: see the marked fields.",
  fields,
});

function failureFromApi(error: ApiError): StepFailure {
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
    return { kind: "invalid", message: Object.keys(fields).length ? "Some details need fixing: see the marked fields." : error.message, fields };
  }
  if (error.status === 409 && error.code === "playbook_refused") return { kind: "refused", message: error.message, fields: {} };
  return { kind: "failed", message: error.message, fields: {} };
}

/** A failure worth retrying with the same client id, because the server may have recorded it. */
const mayHaveReachedServer = (error: ApiError) => error.status === 0 || error.status >= 500;

/**
 * The case as this tablet knows it: the event log, the state folded from it, and the way to
 * record the next step (checked by the playbook here first, then by the server).
 */
export function useCaseLog({ caseId, initialLog, actor }: { caseId: string; initialLog: SerialisedEvent[]; actor: CaseActor }) {
  const [log, setLog] = useState<RecordedEvent[]>(() => initialLog.map(toRecordedEvent));
  // Async handlers compare the server's sequence with the latest log, not the one they closed over.
  const logRef = useRef(log);
  const commit = useCallback((next: RecordedEvent[]) => {
    logRef.current = next;
    setLog(next);
  }, []);
  const state = useMemo(() => foldLog(log), [log]);

  const [inFlight, setInFlight] = useState(0);
  const [lastSave, setLastSave] = useState<"saved" | "failed" | null>(null);
  const [reachable, setReachable] = useState(true);
  /** Client ids of steps whose answer never arrived, so a retry cannot record them twice. */
  const retryIds = useRef(new Map<string, string>());

  const refresh = useCallback(async () => {
    const result = await getJson<CaseView>(`/api/cases/${encodeURIComponent(caseId)}`);
    setReachable(result.ok || result.error.status !== 0);
    // Only ever move forward: the log is append-only, so a longer log is a newer one.
    if (result.ok && result.data.log.length > logRef.current.length) commit(result.data.log.map(toRecordedEvent));
  }, [caseId, commit]);

  const post = useCallback(
    async (path: string, body: Record<string, unknown>, recorded: (result: AppendResult) => RecordedEvent): Promise<StepOutcome> => {
      const url = `/api/cases/${encodeURIComponent(caseId)}/${path}`;
      const retryKey = url + JSON.stringify(body);
      const clientEventId = retryIds.current.get(retryKey) ?? newClientId();
      retryIds.current.set(retryKey, clientEventId);
      setInFlight((n) => n + 1);
      const result = await postJson<AppendResult>(url, { clientEventId, ...body });
      setInFlight((n) => n - 1);

      if (!result.ok) {
        if (!mayHaveReachedServer(result.error)) retryIds.current.delete(retryKey);
        setReachable(result.error.status !== 0);
        setLastSave("failed");
        // Refused by the server: another tablet probably moved the case on, so catch up.
        if (result.error.status === 409) void refresh();
        return { ok: false, ...failureFromApi(result.error) };
      }
      retryIds.current.delete(retryKey);
      setReachable(true);
      setLastSave("saved");
      const { sequence } = result.data;
      const current = logRef.current;
      if (current.length === sequence - 1) commit([...current, recorded(result.data)]);
      else if (current.length < sequence - 1) void refresh(); // someone else added steps meanwhile
      return { ok: true };
    },
    [caseId, commit, refresh],
  );

  const send = useCallback<SendStep>(
    async (draft) => {
      const by: Actor = { id: actor.id, role: actor.role };
      const refusal = playbookRefusal(state, { ...draft, at: new Date(), actor: by });
      if (refusal) return refused(refusal);
      const parsed = playbookEventSchema.safeParse(draft);
      if (!parsed.success) return invalid(fieldsFromIssues(parsed.error.issues, draft));
      const checked = parsed.data;
      return post("events", { event: checked }, (result) => ({ ...checked, at: new Date(result.at), actor: by }));
    },
    [actor.id, actor.role, state, post],
  );

  const decideAsManager = useCallback<DecideAsManager>(
    async ({ managerId, pin, decision }) => {
      // The decision is recorded as the manager's; "manager" is enough for the playbook's check.
      const by: Actor = { id: managerId || "manager", role: "manager" };
      const local = transition(state, { type: "manager_decided", data: decision, at: new Date(), actor: by });
      if (!local.ok) return refused(local.reason);
      const fields: FieldErrors = {};
      if (!managerId) fields.managerId = "Pick the manager";
      if (!/^\d{4,8}$/.test(pin)) fields.pin = "The manager's PIN is 4 to 8 digits";
      const parsed = eventSchemas.manager_decided.shape.data.safeParse(decision);
      if (!parsed.success) Object.assign(fields, fieldsFromIssues(parsed.error.issues, decision));
      if (Object.keys(fields).length || !parsed.success) return invalid(fields);
      const data = parsed.data;
      const outcome = await post("manager-decision", { managerId, pin, decision: data }, (result) => ({
        type: "manager_decided",
        data,
        at: new Date(result.at),
        actor: by,
      }));
      if (outcome.ok) void refresh(); // the server knows the manager's real role
      return outcome;
    },
    [state, post, refresh],
  );

  const open = isOpen(state);
  useEffect(() => {
    if (!open) return;
    const poll = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    const timer = window.setInterval(poll, POLL_MS);
    window.addEventListener("focus", poll);
    document.addEventListener("visibilitychange", poll);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", poll);
      document.removeEventListener("visibilitychange", poll);
    };
  }, [open, refresh]);

  const saveStatus: SaveStatus = inFlight > 0 ? "saving" : (lastSave ?? "idle");
  return { log, state, send, decideAsManager, refresh, saveStatus, reachable };
}
