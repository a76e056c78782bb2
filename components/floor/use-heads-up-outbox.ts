"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { whenIdle } from "@/lib/client/idle";
import type { Actor } from "@/lib/playbook";
import type { HeadsUpSent } from "@/lib/tablet/field-sync";
import { queuedHeadsUps, type QueuedHeadsUp } from "@/lib/tablet/heads-up-steps";
import { fieldSync, localSession, requestFlush, tabletStore } from "@/lib/tablet/tablet";
import type { NewStep } from "@/lib/tablet/tablet-store";
import { useTabletStore, useWaitingSteps } from "@/components/tablet/use-tablet";

/**
 * A heads-up captured on this tablet (docs/decisions/0034-heads-ups-offline.md): kept (sealed)
 * before anything is sent, then sent by the same sync as a complaint's steps.
 *  - sent: the server has it (the form goes on as it did online);
 *  - queued: no connection: "Saved on this tablet, will send when online";
 *  - refused: the server said no at once; the step is dropped and the input stays in the form;
 *  - failed: not even kept (the tablet's store could not be loaded): the input stays in the form.
 */
export type Captured =
  | { kind: "sent"; data: HeadsUpSent | undefined }
  | { kind: "queued" }
  | { kind: "refused"; message: string }
  | { kind: "failed"; message: string };

export const QUEUED_WORDS = "Saved on this tablet, will send when online";

/** Heads-ups being captured on this page right now: not shown as waiting, nor as sent later, while their form says what became of them. */
const inFlight = new Set<string>();

/** Fetches the parts a capture needs while the connection is there, so a dropped Wi-Fi later finds them. */
function usePreload() {
  useEffect(
    () =>
      whenIdle(() => {
        void Promise.all([tabletStore(), fieldSync(), localSession()]).catch(() => undefined);
      }),
    [],
  );
}

export async function captureHeadsUp(step: NewStep): Promise<Captured> {
  inFlight.add(step.clientEventId);
  try {
    return await keepAndSend(step);
  } finally {
    inFlight.delete(step.clientEventId);
  }
}

async function keepAndSend(step: NewStep): Promise<Captured> {
  let store;
  try {
    store = await tabletStore();
    const session = await localSession();
    await session.captureStep(store, step);
  } catch {
    return { kind: "failed", message: "No connection, and this tablet could not keep it. Your input is still here: try again." };
  }
  await requestFlush(store);
  const waiting = (await store.steps()).find((s) => s.clientEventId === step.clientEventId);
  if (!waiting) {
    const sync = await fieldSync().catch(() => null);
    return { kind: "sent", data: sync?.sentHeadsUp(step.clientEventId) };
  }
  if (waiting.state === "refused") {
    // Said at once, to the person still holding the tablet: the form shows why, with their input.
    await store.discardRefused(waiting.caseId);
    return { kind: "refused", message: waiting.refusal?.message ?? "The server did not accept it." };
  }
  return { kind: "queued" };
}

export function useHeadsUpCapture() {
  usePreload();
  const [busy, setBusy] = useState(false);
  async function capture(step: NewStep): Promise<Captured> {
    setBusy(true);
    try {
      return await captureHeadsUp(step);
    } finally {
      setBusy(false);
    }
  }
  return { capture, busy };
}

export type OutboxLine = QueuedHeadsUp & { sent?: HeadsUpSent | null };

/**
 * This person's heads-ups waiting on the tablet (only theirs: an ended session's are sealed and
 * unreadable), and those that went while this page was open, marked sent. With `alertId`, only the
 * steps on that heads-up; with `kind`, only that kind (the tick-off form's tables, the end button's end). The server page is refreshed when one goes, so its lists show it.
 */
export function useHeadsUpOutbox(actor: Actor, alertId?: string, kind?: QueuedHeadsUp["kind"]) {
  const router = useRouter();
  const store = useTabletStore();
  const steps = useWaitingSteps(store);
  const [sent, setSent] = useState<OutboxLine[]>([]);
  const previous = useRef<QueuedHeadsUp[]>([]);
  const discarded = useRef(new Set<string>());
  const queued = steps ? queuedHeadsUps(steps, actor.id, alertId, kind) : [];
  const key = queued.map((q) => `${q.seq}:${q.refusal ? "r" : "w"}`).join(",");

  useEffect(() => {
    if (!steps) return;
    const now = queuedHeadsUps(steps, actor.id, alertId, kind);
    const news = (q: QueuedHeadsUp) => !inFlight.has(q.clientEventId);
    const gone = previous.current.filter((p) => !now.some((q) => q.seq === p.seq) && !discarded.current.has(p.caseId) && news(p));
    previous.current = now;
    if (!gone.length || !store) return;
    void (async () => {
      // Gone from this person's readable steps is not yet sent: a session that ends (switch user)
      // leaves its steps sealed in the store. Only those the store no longer holds went.
      const pending = new Set((await store.pendingSteps()).map((p) => p.clientEventId));
      const went = gone.filter((g) => !pending.has(g.clientEventId));
      if (!went.length) return;
      const sync = await fieldSync().catch(() => null);
      setSent((current) => [
        ...current,
        ...went.map((g) => ({ ...g, label: g.sentLabel, sent: sync?.sentHeadsUp(g.clientEventId) ?? null })),
      ]);
      router.refresh();
    })();
    // `key` stands for the queue's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, actor.id, alertId, kind, store]);

  async function discard(line: QueuedHeadsUp) {
    if (!store) return;
    discarded.current.add(line.caseId);
    await store.discardRefused(line.caseId);
  }
  // A heads-up sent at once is never shown as waiting: only those kept for later, or refused.
  const shown = queued.filter((q) => !inFlight.has(q.clientEventId));
  return { queued: shown, sent, discard };
}
