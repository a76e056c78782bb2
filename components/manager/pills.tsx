import { SEVERITY_LABELS, STAGE_LABELS, type Severity, type Stage } from "@/lib/playbook/vocabulary";

export function StagePill({ stage, status, compact = false }: { stage: string; status: string; compact?: boolean }) {
  const label =
    status === "awaiting_manager"
      ? compact
        ? "Needs manager"
        : `Waiting for manager · ${STAGE_LABELS[stage as Stage] ?? stage}`
      : status === "closed"
        ? "Closed"
        : status === "abandoned"
          ? "Abandoned"
          : (STAGE_LABELS[stage as Stage] ?? stage);
  const tone =
    status === "awaiting_manager"
      ? "bg-amber-300 text-slate-950"
      : status === "open"
        ? "bg-sky-400 text-slate-950"
        : status === "closed"
          ? "bg-emerald-300 text-slate-950"
          : "bg-slate-600 text-slate-50";
  return (
    <span className={`inline-flex shrink-0 items-center whitespace-nowrap rounded-full px-3 py-1 text-sm font-semibold ${tone}`}>
      {label}
    </span>
  );
}

const SEVERITY_TONE: Record<number, string> = {
  1: "border-slate-400 text-slate-100",
  2: "border-sky-300 text-sky-100",
  3: "border-amber-300 text-amber-100",
  4: "border-rose-400 bg-rose-950 text-rose-100",
};

export function SeverityBadge({ severity }: { severity: number | null }) {
  if (!severity) return <span className="text-sm text-slate-400">Not yet known</span>;
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-md border px-2 py-0.5 text-sm font-semibold ${SEVERITY_TONE[severity] ?? ""}`}
    >
      <span aria-hidden="true">{"●".repeat(severity)}</span>
      {SEVERITY_LABELS[severity as Severity] ?? severity}
    </span>
  );
}

export function RepeatNotice({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <ul className="flex flex-col gap-1">
      {messages.map((m) => (
        <li key={m} className="flex items-start gap-2 rounded-lg bg-amber-950/70 px-3 py-2 text-base text-amber-100">
          <span aria-hidden="true">↻</span>
          {m}
        </li>
      ))}
    </ul>
  );
}
