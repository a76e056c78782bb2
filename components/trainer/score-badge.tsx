/** A rubric score as a pill: colour and words, never colour alone. */
export function ScoreBadge({ score, size = "md" }: { score: number | null; size?: "md" | "lg" }) {
  const sizing = size === "lg" ? "px-4 py-1.5 text-2xl" : "px-2.5 py-0.5 text-base";
  if (score === null)
    return (
      <span className={`inline-flex whitespace-nowrap rounded-full border border-slate-500 text-slate-300 ${sizing}`}>Not scored</span>
    );
  const tone = score >= 85 ? "bg-emerald-300 text-slate-950" : score >= 65 ? "bg-amber-300 text-slate-950" : "bg-rose-300 text-slate-950";
  return (
    <span className={`inline-flex items-baseline gap-1 whitespace-nowrap rounded-full font-bold tabular-nums ${tone} ${sizing}`}>
      {score}
      <span className="text-[0.7em] font-semibold">/ 100</span>
    </span>
  );
}
