"use client";

import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AppendResult } from "@/lib/cases/client-event";
import { newClientId, postJson } from "@/lib/client/api";
import { whenIdle } from "@/lib/client/idle";
import { followLiveLater } from "@/lib/client/follow-live-later";
import { loadOnce } from "@/lib/client/load-once";
import { fetchServerView, localSession, requestFlush, tabletStore } from "@/lib/tablet/tablet";
import type { LocalCase, LoggedEvent, Step } from "@/lib/tablet/tablet-store";
import { useSyncStatus, useTabletStore } from "@/components/tablet/use-tablet";
import type { Actor, PlaybookEvent } from "@/lib/playbook/events";
import { isOpen } from "@/lib/playbook/state";
import type * as CaseFold from "@/lib/tablet/case-fold";
import type { FoldedCase } from "@/lib/tablet/case-fold";
import type * as RecordStep from "@/lib/tablet/record-step";
import type { CaseActor } from "./types";
import type { DecideAsManager, SendStep, StepOutcome } from "@/lib/tablet/step-types";

type RecordedStepEvent = Exclude<PlaybookEvent, { type: "case_opened" }>;

/**
 * A manager's decision from another tablet shows up while the guest waits: at once through the live
 * stream (docs/decisions/0026), else within 3 s by polling, whichever app instance took it
 * (docs/decisions/0021). While the stream is healthy the case still polls, slowly.
 */
const POLL_MS = 2500;
const SLOW_POLL_MS = 15_000;

/**
 * idle: nothing recorded from this page yet; saving: being written on this tablet;
 * tablet: stored on this tablet (IndexedDB), waiting to send; memory: waiting to send but only in
 * this page (no IndexedDB here); saved: the server has every step; failed: could not even be
 * stored here; refused: the server refused a step recorded here.
 */
export type SaveStatus = "idle" | "saving" | "tablet" | "memory" | "saved" | "failed" | "refused";

export type { RefusedStep } from "@/lib/tablet/case-fold";

// The fold and the step checks load just after the page is up: the page shows the server's fold
// (`initial`) until then, which is the same fold of the same log (docs/decisions/0006).
export const loadCaseFold = loadOnce<typeof CaseFold>(() => import("@/lib/tablet/case-fold"));
const loadRecordStep = loadOnce<typeof RecordStep>(() => import("@/lib/tablet/record-step"));

const CHECKER_MISSING: StepOutcome = {
  ok: false,
  kind: "offline",
  message: "This tablet has not loaded the coach fully yet. Try again when the Wi-Fi is back.",
  fields: {},
};

export type CaseSource = Omit<LocalCase, "updatedAt">;

/**
 * The case as this tablet knows it, and the way to record the next step. A step is checked by the
 * playbook here, written to this tablet's store (it survives a closed tab or lost Wi-Fi), folded
 * at once so the coach moves on, and sent in the background (lib/tablet/field-sync.ts). The
 * server checks it again; what it refuses is shown with its reason.
 */
export function useCaseLog({
  view,
  initial,
  fromServer,
  actor,
}: {
  view: CaseSource;
  /** The fold of view.log, made by whoever rendered the page (components/case/case-log.ts). */
  initial: FoldedCase;
  fromServer: boolean;
  actor: CaseActor;
}) {
  const caseId = view.id;
  const [caseFold, setCaseFold] = useState<typeof CaseFold | null>(null);
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
      const mine = all.filter((s) => s.caseId === caseId);
      // Not urgent (the screen already shows the case): React may spread the re-render out.
      startTransition(() => {
        if (local) {
          setConfirmed((current) => (local.log.length >= current.length ? local.log : current));
          if (local.reference) setReference(local.reference);
        }
        setSteps((current) => (sameSteps(current, mine) ? current : mine));
      });
    };
    void load();
    const off = store.onChange(() => void load());
    return () => {
      live = false;
      off();
    };
  }, [store, caseId]);

  // Once the page is idle: until then the server's fold is the case (steps waiting on this
  // tablet from before show up then). A step recorded sooner loads what it needs itself.
  useEffect(() => {
    let live = true;
    const cancel = whenIdle(() => {
      void loadCaseFold()
        .then((module) => {
          if (live) startTransition(() => setCaseFold(module));
        })
        .catch(() => undefined); // offline before it was ever fetched: the server's fold stays on screen
    });
    return () => {
      live = false;
      cancel();
    };
  }, []);

  const merged = useMemo(
    () => caseFold?.mergeLog(confirmed, steps, reference ?? "Not sent yet") ?? null,
    [caseFold, confirmed, steps, reference],
  );
  const folded = useMemo(() => (caseFold && merged ? caseFold.foldCase(merged.log) : initial), [caseFold, merged, initial]);
  const { state, reached } = folded;
  const waiting = merged?.waiting ?? 0;
  const refusedStep = merged?.refused ?? null;

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
      const record = await loadRecordStep().catch(() => null);
      // Offline on a tablet whose service worker never kept the checker: keep the step rather
      // than lose it; the server checks it on arrival, and a refusal is shown with a way on.
      const check = record
        ? record.checkStep(state, draft, by, actor.authorityLimitCents)
        : { ok: true as const, event: draft as RecordedStepEvent };
      if (!check.ok) return check.outcome;
      const checked = check.event;
      setWriting((n) => n + 1);
      try {
        const tablet = store ?? (await tabletStore());
        const step = await (
          await localSession()
        ).captureStep(tablet, {
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
        void requestFlush(tablet);
        return { ok: true };
      } catch {
        setStoreFailed(true);
        return { ok: false, kind: "failed", message: "This step could not be stored on the tablet. Try again.", fields: {} };
      } finally {
        setWriting((n) => n - 1);
      }
    },
    [actor.id, actor.role, actor.authorityLimitCents, state, store, caseId],
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
    async (input) => {
      const { managerId, pin } = input;
      const record = await loadRecordStep().catch(() => null);
      if (!record) return CHECKER_MISSING; // the decision needs the connection anyway
      const check = record.checkDecision(state, input);
      if (!check.ok) return check.outcome;

      setDeciding(true);
      try {
        const tablet = store ?? (await tabletStore());
        await requestFlush(tablet);
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
        const body = { managerId, pin, decision: check.decision };
        const url = `/api/cases/${encodeURIComponent(caseId)}/manager-decision`;
        const retryKey = JSON.stringify(body);
        const clientEventId = retryIds.current.get(retryKey) ?? newClientId();
        retryIds.current.set(retryKey, clientEventId);
        const result = await postJson<AppendResult>(url, { clientEventId, ...body });
        if (!result.ok) {
          if (!record.mayHaveReachedServer(result.error)) retryIds.current.delete(retryKey);
          setReachable(result.error.status !== 0);
          if (result.error.status === 409) void refresh();
          return record.outcomeFromApi(result.error);
        }
        retryIds.current.delete(retryKey);
        setTouched(true);
        await refresh(); // the server knows the manager's real role
        return { ok: true };
      } finally {
        setDeciding(false);
      }
    },
    [state, store, caseId, refresh],
  );

  const open = isOpen(state);
  const known = fromServerOrSent(confirmed);
  useEffect(() => {
    if (!open || !known) return;
    return followLiveLater({
      caseId,
      wants: (notice) => notice.type === "case" && notice.caseId === caseId,
      refresh,
      fastMs: POLL_MS,
      slowMs: SLOW_POLL_MS,
      visibleOnly: true,
    });
  }, [open, known, refresh, caseId]);

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
    state,
    /** The case's log as this tablet knows it; null until the fold has loaded. */
    log: merged?.log ?? null,
    reached,
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

/** The same steps in the same states: nothing to re-render. */
function sameSteps(a: readonly Step[], b: readonly Step[]): boolean {
  return a.length === b.length && a.every((step, i) => step.seq === b[i].seq && step.state === b[i].state);
}

/** Poll the server only for a case it knows (one opened offline is polled once it has been sent). */
const fromServerOrSent = (confirmed: readonly LoggedEvent[]) => confirmed.length > 0;
