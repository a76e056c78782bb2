import { ChartFrame } from "@/components/manager/charts/chart-frame";
import { CHART_INK } from "@/components/manager/charts/palette";
import { labelEvery, linear } from "@/components/manager/charts/scale";

const W = 520;
const H = 230;
const M = { top: 16, right: 16, bottom: 36, left: 44 };
const TICKS = [0, 25, 50, 75, 100];

/**
 * One person's weekly average rubric score as a line (0–100), with a gap where a week had no
 * scored case. Built on the manager charts' frame: a summary, the SVG, and the numbers as a table.
 */
export function ScoreLineChart({
  id,
  title,
  weeks,
  values,
  counts,
}: {
  id: string;
  title: string;
  /** Label of each week, e.g. "2 Mar". */
  weeks: readonly string[];
  values: readonly (number | null)[];
  counts: readonly number[];
}) {
  const scored = values.flatMap((v, i) => (v === null ? [] : [{ v, i }]));
  const first = scored[0];
  const latest = scored[scored.length - 1];
  const summary = latest
    ? `${scored.length} of ${weeks.length} weeks with scored cases; latest weekly average ${latest.v} (week of ${weeks[latest.i]})${
        first && first !== latest
          ? `, ${latest.v > first.v ? "up" : latest.v < first.v ? "down" : "level"} from ${first.v} in the week of ${weeks[first.i]}`
          : ""
      }.`
    : "No scored cases in these weeks.";
  const table = {
    caption: `${title}: weekly average score`,
    columns: ["Week of", "Average score", "Cases"],
    rows: weeks.map((w, i) => [w, values[i] ?? "—", counts[i] ?? 0]),
  };
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const band = plotW / Math.max(1, weeks.length);
  const x = (i: number) => M.left + band * i + band / 2;
  const y = linear(100, M.top + plotH, M.top);
  const every = labelEvery(weeks.length, 6);
  // Runs of consecutive weeks with a score: a week without one breaks the line.
  const runs: { v: number; i: number }[][] = [];
  for (const point of scored) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].i === point.i - 1) run.push(point);
    else runs.push([point]);
  }
  return (
    <ChartFrame id={id} title={title} summary={summary} table={table}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="h-auto w-full" fontFamily="inherit">
        <title id={`${id}-t`}>{`${title}: weekly average score`}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {TICKS.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke={CHART_INK.grid} strokeWidth={1} />
            <text x={M.left - 8} y={y(t)} dy="0.35em" textAnchor="end" fontSize={14} fill={CHART_INK.muted}>
              {t}
            </text>
          </g>
        ))}
        {weeks.map((w, i) =>
          i % every === 0 ? (
            <text key={w + i} x={x(i)} y={H - 10} textAnchor="middle" fontSize={14} fill={CHART_INK.text}>
              {w}
            </text>
          ) : null,
        )}
        {runs.map((run) =>
          run.length > 1 ? (
            <polyline
              key={run[0].i}
              points={run.map((p) => `${x(p.i)},${y(p.v)}`).join(" ")}
              fill="none"
              stroke={CHART_INK.bar}
              strokeWidth={3}
              strokeLinejoin="round"
              strokeLinecap="round"
            />
          ) : null,
        )}
        {scored.map((p) => (
          <circle key={p.i} cx={x(p.i)} cy={y(p.v)} r={5} fill={CHART_INK.bar} stroke={CHART_INK.background} strokeWidth={2}>
            <title>{`Week of ${weeks[p.i]}: ${p.v} (${counts[p.i]} case${counts[p.i] === 1 ? "" : "s"})`}</title>
          </circle>
        ))}
      </svg>
    </ChartFrame>
  );
}
