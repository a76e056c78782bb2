"use client";

import { lazy, Suspense, useSyncExternalStore, type ComponentProps, type ComponentType } from "react";

// The live coach's first script holds only what every stage needs (the rail, the guidance, the
// hook that holds the case) and the Listen panel: a new complaint always starts there, and its
// hydration must not wait for a chunk. Every other stage's panel is its own chunk: the one on
// screen loads while the page hydrates, the next one once the page is idle (CaseCoach), the rest
// when reached. The service worker keeps every chunk a kept page can load (public/sw.js), so a
// tablet that loses its Wi-Fi has them all. docs/decisions/0006-tablet-script-budget.md

function PanelLoading() {
  // Shown only while a stage reached before its chunk arrived is fetched.
  return (
    <p role="status" className="rounded-2xl border border-slate-700 bg-slate-900 p-5 text-lg text-slate-300">
      Loading this stage…
    </p>
  );
}

const noSubscription = () => () => undefined;
/** False while the server renders and while the page hydrates; true from the first render after. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * A part of the coach loaded on first use. React.lazy rather than next/dynamic: the same
 * splitting without next/dynamic's runtime in the first script.
 *
 * The part on screen is rendered in place, with no Suspense boundary, while the server renders
 * and the page hydrates: React 19 streams a large boundary's content after its placeholder and
 * reveals it a little later, which a tablet paints as a jump. On the server every part is loaded
 * up front and handed to React already resolved; the tablet fetches the part while hydrating
 * (React keeps the server's HTML until then). After hydration the part gets a boundary, so a
 * stage not fetched yet shows "Loading this stage…" instead of suspending the whole coach.
 */
type CoachPart<P> = ComponentType<P> & {
  /** Fetches the part ahead of need (the next stage, once the page is idle). */
  preload: () => void;
};

function part<P extends object>(load: () => Promise<ComponentType<P>>, fallback = true): CoachPart<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const fetchPart = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
        return { default: component };
      },
      (error: unknown) => {
        loading = null; // offline and not kept: try again next time
        throw error;
      },
    ));
  if (typeof window === "undefined") void fetchPart().catch(() => undefined);
  const Lazy = lazy(() => {
    const ready = loaded;
    // A thenable that answers at once: React.lazy then renders without suspending.
    if (ready)
      return { then: (resolve: (module: { default: ComponentType<P> }) => void) => resolve({ default: ready }) } as unknown as Promise<{
        default: ComponentType<P>;
      }>;
    return fetchPart();
  });
  function Part(props: P) {
    const hydrated = useHydrated();
    const content = <Lazy {...(props as P & ComponentProps<typeof Lazy>)} />;
    return hydrated ? <Suspense fallback={fallback ? <PanelLoading /> : null}>{content}</Suspense> : content;
  }
  return Object.assign(Part, { preload: () => void fetchPart().catch(() => undefined) });
}

export { ListenPanel } from "./stages/listen-panel";
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
