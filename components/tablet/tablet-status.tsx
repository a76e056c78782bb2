"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { isHeadsUpStep } from "@/lib/tablet/step-kinds";
import type { LocalCase, Step } from "@/lib/tablet/tablet-store";
import { useOfflineReadiness } from "./service-worker";
import { useEndedSteps, useSyncStatus, useTabletStore, useWaitingSteps } from "./use-tablet";

type CaseLine = { id: string; label: string; href: string; waiting: number; refused: boolean };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The home screen's word on this tablet: does it work offline, is anything of this person's
 * waiting to send (and for which case), did the server refuse something, may the browser clear
 * what waits. Steps left by earlier sessions are only counted: they are sealed, and not this
 * person's to read.
 */
export function TabletStatus() {
  const store = useTabletStore();
  const steps = useWaitingSteps(store);
  const endedSteps = useEndedSteps(store);
  const sync = useSyncStatus();
  const offline = useOfflineReadiness();
  const [lines, setLines] = useState<CaseLine[]>([]);

  useEffect(() => {
    if (!store || !steps) return;
    let live = true;
    void (async () => {
      const byCase = new Map<string, Step[]>();
      for (const step of steps) byCase.set(step.caseId, [...(byCase.get(step.caseId) ?? []), step]);
      const next: CaseLine[] = [];
      for (const [id, ofCase] of byCase) {
        const [first] = ofCase;
        if (first && isHeadsUpStep(first)) {
          // A heads-up kept here (docs/decisions/0034-heads-ups-offline.md): its own line, to its page.
          const body = first.body;
          next.push({
            id,
            label:
              body.kind === "heads_up_raise"
                ? `Heads-up · ${body.raise.what}`
                : body.kind === "heads_up_tell"
                  ? `Heads-up · ${body.tell.spot} told`
                  : `Heads-up · ${body.what} ended`,
            href: body.kind === "heads_up_raise" ? "/heads-ups" : `/heads-ups/${encodeURIComponent(body.alertId)}`,
            waiting: ofCase.filter((s) => s.state === "waiting").length,
            refused: ofCase.some((s) => s.state === "refused"),
          });
          continue;
        }
        const local: LocalCase | undefined = await store.getCase(id);
        const known = Boolean(local?.log.length);
        const spot = ofCase
          .map((s) => (s.body.kind === "event" && s.body.event.type === "complaint_heard" ? s.body.event.data.spot : null))
          .find(Boolean);
        next.push({
          id,
          label: `${local?.reference ?? "New case"}${spot ? ` · ${spot}` : ""}`,
          href: known ? `/cases/${id}` : `/cases/offline?id=${encodeURIComponent(id)}`,
          waiting: ofCase.filter((s) => s.state === "waiting").length,
          refused: ofCase.some((s) => s.state === "refused"),
        });
      }
      if (live) setLines(next);
    })();
    return () => {
      live = false;
    };
  }, [store, steps]);

  const mine = steps ?? [];
  const others = endedSteps?.length ?? 0;
  const waiting = mine.filter((s) => s.state === "waiting").length;
  const refused = mine.filter((s) => s.state === "refused").length;

  return (
    <section
      aria-label="This tablet"
      data-testid="tablet-status"
      className="flex flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900 px-5 py-4"
    >
      <p className="flex flex-wrap items-center gap-3 text-base">
        {sync.online ? null : (
          <span className="rounded-md bg-rose-900 px-2 py-1 font-semibold text-rose-50" data-testid="offline-badge">
            Offline
          </span>
        )}
        {offline === "ready" ? (
          <span className="rounded-md bg-emerald-900 px-2 py-1 text-emerald-50" data-testid="offline-ready">
            ✓ Works without Wi-Fi on this tablet
          </span>
        ) : offline === "preparing" ? (
          <span className="rounded-md bg-slate-700 px-2 py-1 text-slate-100">Getting ready to work without Wi-Fi…</span>
        ) : (
          <span className="rounded-md bg-amber-900 px-2 py-1 text-amber-50">This browser cannot work without Wi-Fi</span>
        )}
        {steps === null ? null : waiting === 0 && refused === 0 ? (
          <span className="text-slate-300" data-testid="nothing-waiting">
            All steps sent
          </span>
        ) : (
          <span className="rounded-md bg-sky-900 px-2 py-1 font-semibold text-sky-50" data-testid="steps-waiting">
            Saved on this tablet · {plural(waiting, "step", "steps")} waiting to send
          </span>
        )}
      </p>
      {sync.last?.stopped === "signed-out" && waiting > 0 ? (
        <p className="text-amber-200">Your session ended: sign in again to send them.</p>
      ) : null}
      {refused > 0 ? (
        <p role="alert" className="text-rose-200">
          The server did not accept {plural(refused, "step", "steps")} recorded here: open the case to see why.
        </p>
      ) : null}
      {others > 0 ? (
        <p className="text-slate-300" data-testid="earlier-steps">
          {plural(others, "step", "steps")} from an earlier session on this tablet {others === 1 ? "is" : "are"} sealed and will be sent as
          soon as there is a connection.
        </p>
      ) : null}
      {sync.storage === "refused" && waiting > 0 ? (
        <p className="text-amber-200" data-testid="storage-refused">
          Steps waiting on this tablet could be lost if it runs short of space. Connect to the Wi-Fi so they are sent before the end of your
          shift.
        </p>
      ) : null}
      {lines.length ? (
        <ul className="flex flex-col gap-2">
          {lines.map((line) => (
            <li key={line.id}>
              <Link
                href={line.href}
                className="flex min-h-12 items-center justify-between gap-4 rounded-xl border border-slate-700 px-4 py-2 hover:border-sky-400"
              >
                <span className="font-semibold">{line.label}</span>
                <span className={line.refused ? "text-rose-200" : "text-slate-300"}>
                  {line.refused ? "Refused — open to see why" : `${plural(line.waiting, "step", "steps")} waiting`}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
