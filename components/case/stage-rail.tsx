import { STAGE_LABELS, STAGES, type Phase, type Stage } from "@/lib/playbook/vocabulary";

type StepStatus = "done" | "current" | "upcoming";

function statusOf(stage: Stage, phase: Phase, reached: Phase): StepStatus {
  if (phase === "closed") return "done";
  const index = STAGES.indexOf(stage);
  // An abandoned case shows how far it got before the customer left.
  const at = phase === "abandoned" ? reached : phase;
  const current = at === "new" || at === "closed" || at === "abandoned" ? -1 : STAGES.indexOf(at);
  if (index < current) return "done";
  if (index === current) return phase === "abandoned" ? "upcoming" : "current";
  return "upcoming";
}

const SPOKEN: Record<StepStatus, string> = { done: "done", current: "current step", upcoming: "not yet" };

/**
 * The seven stages in order, so staff always know where they are. A return to Listen is
 * normal: stages after it show as upcoming, and `resumeStage` marks where the case picks up.
 */
export function StageRail({ phase, reached, resumeStage }: { phase: Phase; reached: Phase; resumeStage?: Stage }) {
  return (
    <div className="border-b border-slate-700 bg-slate-950 px-2 py-2 lg:px-4">
      <ol aria-label="Stages" className="grid grid-cols-7 gap-1">
        {STAGES.map((stage, index) => {
          const status = statusOf(stage, phase, reached);
          const resumesHere = resumeStage === stage && status !== "current";
          return (
            <li
              key={stage}
              aria-current={status === "current" ? "step" : undefined}
              data-status={status}
              className={`flex min-h-14 flex-col items-center justify-center gap-0.5 rounded-lg px-1 py-1 text-center ${
                status === "current"
                  ? "bg-sky-400 text-slate-950"
                  : status === "done"
                    ? "bg-emerald-950 text-emerald-100"
                    : "text-slate-400"
              }`}
            >
              <span
                aria-hidden="true"
                className={`flex size-7 items-center justify-center rounded-full text-base font-bold ${
                  status === "current"
                    ? "bg-slate-950 text-sky-300"
                    : status === "done"
                      ? "bg-emerald-500 text-slate-950"
                      : "border-2 border-slate-600"
                }`}
              >
                {status === "done" ? "✓" : index + 1}
              </span>
              <span className={`text-sm leading-tight md:text-base ${status === "current" ? "font-bold" : "font-medium"}`}>
                {STAGE_LABELS[stage]}
              </span>
              <span className="sr-only">, {SPOKEN[status]}</span>
              {resumesHere ? (
                <span className="text-xs font-semibold text-amber-300">
                  back here next<span className="sr-only">, the case picks up here after you have listened again</span>
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
