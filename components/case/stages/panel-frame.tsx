import { useEffect, useId, useState, type ReactNode } from "react";
import { markInteractive } from "@/lib/client/idle";
import { useHeadingOnArrival } from "../stage-focus";

/** The frame every stage's inputs sit in: a named region tests and screen readers can find. */
export function StagePanelFrame({
  testId,
  title,
  intro,
  children,
}: {
  /** e.g. "listen" → data-testid="stage-panel-listen". */
  testId: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  // A new stage: its heading comes into view and takes focus (not on the page's first render).
  const heading = useHeadingOnArrival<HTMLHeadingElement>();
  // data-ready: the panel is hydrated and takes input (tests and the page bench wait for it).
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setReady(true);
    markInteractive();
  }, []);
  return (
    <section
      aria-labelledby={titleId}
      data-testid={`stage-panel-${testId}`}
      data-ready={ready ? "true" : undefined}
      className="flex flex-col gap-5 rounded-2xl border border-slate-700 bg-slate-900 p-4 lg:p-5"
    >
      <header className="flex flex-col gap-1">
        <h2
          id={titleId}
          ref={heading}
          tabIndex={-1}
          data-stage-heading
          className="text-2xl font-bold text-slate-50 outline-none focus-visible:ring-2 focus-visible:ring-sky-300"
        >
          {title}
        </h2>
        {intro ? <div className="text-lg text-slate-300">{intro}</div> : null}
      </header>
      {children}
    </section>
  );
}

/** A sub-part of a stage (e.g. "Say no graciously"): secondary to the stage's main action. */
export function SubSection({ title, children, tone = "plain" }: { title: string; children: ReactNode; tone?: "plain" | "quiet" }) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className={`flex flex-col gap-4 rounded-xl p-4 ${tone === "quiet" ? "border border-slate-700 bg-slate-950/60" : "bg-slate-800/70"}`}
    >
      <h3 id={titleId} className="text-xl font-semibold text-slate-50">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** What the customer said, kept in view while staff validate, apologise and solve. */
export function ComplaintReminder({ words, spot }: { words?: string; spot?: string }) {
  if (!words) return null;
  return (
    <blockquote className="rounded-xl border-l-4 border-sky-400 bg-slate-800 px-4 py-3 text-lg text-slate-100">
      <span className="sr-only">The customer said: </span>“{words}”
      {spot ? <span className="mt-1 block text-base text-slate-300">{spot}</span> : null}
    </blockquote>
  );
}
