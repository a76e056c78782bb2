"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AppendResult } from "@/lib/cases/client-event";
import { newClientId, postJson, type ApiError } from "@/lib/client/api";
import { fetchServerView, requestFlush } from "@/lib/client/field-sync";
import { tabletStore, type LocalCase, type LoggedEvent, type Refusal, type Step } from "@/lib/client/tablet-store";
import { useSyncStatus, useTabletStore } from "@/components/field/use-tablet";
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

/**
 * idle: nothing recorded from this page yet; saving: being written on this tablet;
 * tablet: stored on this tablet (IndexedDB), waiting to send; memory: waiting to send but only in
 * this page (no IndexedDB here); saved: the server has every step; failed: could not even be
 * stored here; refused: the server refused a step recorded here.
 */
export type SaveStatus = "idle" | "saving" | "tablet" | "memory" | "saved" | "failed" | "refused";

export function toRecordedEvent(event: LoggedEvent): RecordedEvent {
  const { clientEventId: _id, ...rest } = event;
  return { ...rest, at: new Date(event.at) };
}

/** A step captured here, as the local fold sees it until the server confirms it. */
export function stepToRecorded(step: Step, reference: string): RecordedEvent {
  const at = new Date(step.capturedAt);
  if (step.body.kind === "open") {
    const { locationId, authorityLimitCents, practice } = step.body;
    return { type: "case_opened", data: { reference, locationId, authorityLimitCents, practice }, at, actor: step.actor };
  }
  return { ...step.body.event, at, actor: step.actor };
}

/** A step of this case the server refused, and how many later steps it holds back. */
export type RefusedStep = { step: Step; refusal: Refusal; held: number };

/**
 * The case on this tablet: the log the server confirmed, then this tablet's steps it has not
 * confirmed yet, up to the first one it refused (the steps after that one are held back).
 */
export function mergeLog(confirmed: readonly LoggedEvent[], steps: readonly Step[], reference: string) {
  const known = new Set(confirmed.map((e) => e.clientEventId).filter(Boolean));
  const pending = steps.filter((s) => !known.has(s.clientEventId)).sort((a, b) => a.seq - b.seq);
  const cut = pending.findIndex((s) => s.state === "refused");
  const applied = cut < 0 ? pending : pending.slice(0, cut);
  const refusedStep = cut < 0 ? null : pending[cut];
  const refused: RefusedStep | null =
    refusedStep?.refusal ? { step: refusedStep, refusal: refusedStep.refusal, held: pending.length - cut - 1 } : null;
  return {
    log: [...confirmed.map(toRecordedEvent), ...applied.map((s) => stepToRecorded(s, reference))],
    waiting: pending.filter((s) => s.state === "waiting").length,
    refused,
  };
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

export type CaseSource = Omit<LocalCase, "updatedAt">;

/**
 * The case as this tablet knows it, and the way to record the next step. A step is checked by the
 * playbook here, written to this tablet's store (it survives a closed tab or lost Wi-Fi), folded
 * at once so the coach moves on, and sent in the background (lib/client/field-sync.ts). The
 * server checks it again; what it refuses is shown with its reason.
 */
export function useCaseLog({ view, fromServer, actor }: { view: CaseSource; fromServer: boolean; actor: CaseActor }) {
  const caseId = view.id;
  const store = useTabletStore();
  const sync = useSyncStatus();
  const [confirmed, setConfirmed] = useState<LoggedEvent[]>(view.log);
  const [reference, setReference] = useState<string | null>(view.reference);
  const [steps, setSteps] = useState<Step[]>([]);
  const [writing, setWriting] = useState(0);
  const [storeFailed, setStoreFailed] = useState(false);
  const [touched, setTouched] = useState(false);
  const [reachable, setReachable] = useState(true);
  const [deciding, setDeciding] = useState(false);

  // The server's view of this case (from the page, or a poll) is kept on the tablet for offline use.
  useEffect(() => {
    if (store && fromServer && view.reference) {
      void store.saveServerView({ ...view, updatedAt: new Date().toISOString() });
    }
  }, [store, fromServer, view]);

  // Follow the tablet's store: steps added here or in another tab, acknowledged by the sync.
  useEffect(() => {
    if (!store) return;
    let live = true;
    const load = async () => {
      const [local, all] = await Promise.all([store.getCase(caseId), store.steps()]);
      if (!live) return;
      if (local) {
        setConfirmed((current) => (local.log.length >= current.length ? local.log : current));
        if (local.reference) setReference(local.reference);
      }
      setSteps(all.filter((s) => s.caseId === caseId));
    };
    void load();
    const off = store.onChange(() => void load());
    return () => {
      live = false;
      off();
    };
  }, [store, caseId]);

  const merged = useMemo(() => mergeLog(confirmed, steps, reference ?? "Not sent yet"), [confirmed, steps, reference]);
  const { log, waiting, refused: refusedStep } = merged;
  const state = useMemo(() => foldLog(log), [log]);

  const refresh = useCallback(async () => {
    const fresh = await fetchServerView(caseId);
    setReachable(fresh !== null || typeof navigator === "undefined" || navigator.onLine);
    if (!fresh) return;
    const tablet = store ?? (await tabletStore());
    await tablet.saveServerView(fresh);
    // Only ever move forward: the log is append-only, so a longer log is a newer one.
    setConfirmed((current) => (fresh.log.length > current.length ? fresh.log : current));
    setReference(fresh.reference);
  }, [caseId, store]);

  const send = useCallback<SendStep>(
    async (draft) => {
      const by: Actor = { id: actor.id, role: actor.role };
      const refusal = playbookRefusal(state, { ...draft, at: new Date(), actor: by });
      if (refusal) return refused(refusal);
      const parsed = playbookEventSchema.safeParse(draft);
      if (!parsed.success) return invalid(fieldsFromIssues(parsed.error.issues, draft));
      const checked = parsed.data;
      if (checked.type === "case_opened") return refused("A case is opened from the home screen.");
      setWriting((n) => n + 1);
      try {
        const tablet = store ?? (await tabletStore());
        const step = await tablet.addStep({
          caseId,
          clientEventId: newClientId(),
          actor: by,
          capturedAt: new Date().toISOString(),
          body: { kind: "event", event: checked },
        });
        // Fold it now: the coach must not wait for the Wi-Fi.
        setSteps((current) => (current.some((s) => s.seq === step.seq) ? current : [...current, step]));
        setTouched(true);
        setStoreFailed(false);
        void requestFlush(tablet, actor.id);
        return { ok: true };
      } catch {
        setStoreFailed(true);
        return { ok: false, kind: "failed", message: "This step could not be stored on the tablet. Try again.", fields: {} };
      } finally {
        setWriting((n) => n - 1);
      }
    },
    [actor.id, actor.role, state, store, caseId],
  );

  /** Drops a refused step and the steps held behind it, and catches up with the server. */
  const discardRefused = useCallback(async () => {
    const tablet = store ?? (await tabletStore());
    await tablet.discardRefused(caseId);
    await refresh();
  }, [store, caseId, refresh]);

  /** Client ids of decisions whose answer never arrived, so a retry cannot record them twice. */
  const retryIds = useRef(new Map<string, string>());

  // A manager's approval is checked against their PIN on the server: it needs the connection,
  // and the steps before it must be there first. The PIN is never stored on the tablet.
  const decideAsManager = useCallback<DecideAsManager>(
    async ({ managerId, pin, decision }) => {
      const by: Actor = { id: managerId || "manager", role: "manager" };
      const local = transition(state, { type: "manager_decided", data: decision, at: new Date(), actor: by });
      if (!local.ok) return refused(local.reason);
      const fields: FieldErrors = {};
      if (!managerId) fields.managerId = "Pick the manager";
      if (!/^\d{4,8}$/.test(pin)) fields.pin = "The manager's PIN is 4 to 8 digits";
      const parsed = eventSchemas.manager_decided.shape.data.safeParse(decision);
      if (!parsed.success) Object.assign(fields, fieldsFromIssues(parsed.error.issues, decision));
      if (Object.keys(fields).length || !parsed.success) return invalid(fields);

      setDeciding(true);
      try {
        const tablet = store ?? (await tabletStore());
        await requestFlush(tablet, actor.id);
        const stillWaiting = (await tablet.steps()).filter((s) => s.caseId === caseId);
        if (stillWaiting.length) {
          const offline = stillWaiting.every((s) => s.state === "waiting");
          return {
            ok: false,
            kind: offline ? "offline" : "failed",
            message: offline
              ? "A manager's approval needs the connection: the earlier steps must reach the server first. Try again when the Wi-Fi is back."
              : "The server refused an earlier step of this case; see the message at the top first.",
            fields: {},
          };
        }
        const body = { managerId, pin, decision: parsed.data };
        const url = `/api/cases/${encodeURIComponent(caseId)}/manager-decision`;
        const retryKey = JSON.stringify(body);
        const clientEventId = retryIds.current.get(retryKey) ?? newClientId();
        retryIds.current.set(retryKey, clientEventId);
        const result = await postJson<AppendResult>(url, { clientEventId, ...body });
        if (!result.ok) {
          if (!mayHaveReachedServer(result.error)) retryIds.current.delete(retryKey);
          setReachable(result.error.status !== 0);
          if (result.error.status === 409) void refresh();
          return { ok: false, ...failureFromApi(result.error) };
        }
        retryIds.current.delete(retryKey);
        setTouched(true);
        await refresh(); // the server knows the manager's real role
        return { ok: true };
      } finally {
        setDeciding(false);
      }
    },
    [state, store, actor.id, caseId, refresh],
  );

  const open = isOpen(state);
  useEffect(() => {
    if (!open || !fromServerOrSent(confirmed)) return;
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
  }, [open, refresh, confirmed]);

  const saveStatus: SaveStatus = refusedStep
    ? "refused"
    : writing > 0 || deciding
      ? "saving"
      : storeFailed
        ? "failed"
        : waiting > 0
          ? store && !store.durable
            ? "memory"
            : "tablet"
          : touched
            ? "saved"
            : "idle";
  return {
    log,
    state,
    send,
    decideAsManager,
    refresh,
    discardRefused,
    saveStatus,
    waiting,
    refused: refusedStep,
    reference,
    reachable: reachable && sync.online,
    storage: sync.storage,
  };
}

/** Poll the server only for a case it knows (one opened offline is polled once it has been sent). */
const fromServerOrSent = (confirmed: readonly LoggedEvent[]) => confirmed.length > 0;
