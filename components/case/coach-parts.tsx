"use client";

import { lazy, Suspense, type ComponentProps, type ComponentType } from "react";
import { keepAfter } from "@/components/field/service-worker";
import { loadEventSchemas } from "@/lib/client/event-schemas";
import { whenIdle } from "@/lib/client/idle";
import { fieldSync, tabletStore } from "@/lib/client/tablet";
import { stageReady } from "./stage-ready";
import { loadCaseLog, loadRecordStep } from "./use-case-log";

// The live coach's first script holds only what every stage needs (the fold, the tablet's store,
// the rail and the guidance). Each stage's panel is its own chunk: the one on screen is preloaded
// with the page, the rest are fetched while the customer is still talking (warmCoach), so moving
// on never waits and the service worker has them for a tablet that loses its Wi-Fi.
// docs/decisions/0006-tablet-script-budget.md

function PanelLoading() {
  // Shown only if a part is needed before the idle warm-up fetched it.
  return (
    <p role="status" className="rounded-2xl border border-slate-700 bg-slate-900 p-5 text-lg text-slate-300">
      Loading this stage…
    </p>
  );
}

/**
 * A part of the coach loaded on first use. React.lazy rather than next/dynamic: the same
 * splitting without next/dynamic's runtime in the first script. The server renders the part on
 * screen as usual; the tablet fetches its chunk while hydrating.
 */
function part<P extends object>(load: () => Promise<ComponentType<P>>, fallback = true): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function Part(props: P) {
    return (
      <Suspense fallback={fallback ? <PanelLoading /> : null}>
        <Lazy {...(props as P & ComponentProps<typeof Lazy>)} />
      </Suspense>
    );
  }
  return Part;
}

export const ListenPanel = part(() => import("./stages/listen-panel").then((m) => m.ListenPanel));
export const ValidatePanel = part(() => import("./stages/validate-panel").then((m) => m.ValidatePanel));
export const ApologisePanel = part(() => import("./stages/apologise-panel").then((m) => m.ApologisePanel));
export const SolvePanel = part(() => import("./stages/solve-panel").then((m) => m.SolvePanel));
export const CompensatePanel = part(() => import("./stages/compensate-panel").then((m) => m.CompensatePanel));
export const ConfirmPanel = part(() => import("./stages/confirm-panel").then((m) => m.ConfirmPanel));
export const PreventPanel = part(() => import("./stages/prevent-panel").then((m) => m.PreventPanel));
export const ClosedPanel = part(() => import("./stages/closed-panel").then((m) => m.ClosedPanel));
export const AbandonedPanel = part(() => import("./stages/closed-panel").then((m) => m.AbandonedPanel));
export const ManagerWait = part(() => import("./manager-wait").then((m) => m.ManagerWait));
export const VentAgain = part(() => import("./case-action-forms").then((m) => m.VentAgain));
export const AddNote = part(() => import("./case-action-forms").then((m) => m.AddNote));
export const CustomerLeft = part(() => import("./case-action-forms").then((m) => m.CustomerLeft));
export const RefusedBanner = part(() => import("./refused-banner").then((m) => m.RefusedBanner), false);
export const PracticeBanner = part(() => import("@/components/practice/practice-coach").then((m) => m.PracticeBanner), false);
export const PracticeCustomer = part(() => import("@/components/practice/practice-coach").then((m) => m.PracticeCustomer), false);

const parts = [
  () => import("./stages/listen-panel"),
  () => import("./stages/validate-panel"),
  () => import("./stages/apologise-panel"),
  () => import("./stages/solve-panel"),
  () => import("./stages/compensate-panel"),
  () => import("./stages/confirm-panel"),
  () => import("./stages/prevent-panel"),
  () => import("./stages/closed-panel"),
  () => import("./manager-wait"),
  () => import("./case-action-forms"),
  () => import("./refused-banner"),
  () => import("@/components/practice/practice-coach"),
  loadEventSchemas,
  loadCaseLog,
  loadRecordStep,
  fieldSync,
  tabletStore,
];

let warmed: Promise<void> | null = null;
const NO_STAGE_WAIT_MS = 3000;

/**
 * Fetches every part of the coach once per page, once the page is idle, so each stage is ready
 * before it is reached; the service worker keeps them, and the tablet only says "works offline"
 * once it has. Call from an effect.
 */
export function warmCoach(): Promise<void> {
  // After the stage on screen is ready (or a few seconds, on pages without one), then when idle.
  const settled = Promise.race([stageReady, new Promise<void>((resolve) => setTimeout(resolve, NO_STAGE_WAIT_MS))]);
  warmed ??= keepAfter(
    settled
      .then(() => new Promise<void>((resolve) => whenIdle(resolve)))
      .then(() => Promise.all(parts.map((load) => load().catch(() => undefined)))),
  );
  return warmed;
}
