import { ChartFrame, EmptyChart } from "./chart-frame";
import { Baseline, CountGridlines } from "./count-axis";
import { CHART_COLORS, CHART_INK } from "./palette";
import { labelEvery, linear, niceTicks, topSeries } from "./scale";

export type StackedSeries = { label: string; values: number[] };

const W = 960;
const H = 320;
const M = { top: 28, right: 16, bottom: 40, left: 56 };

/** Columns (e.g. weeks) stacked by series (e.g. categories); at most 7 colours, the rest summed as "Everything else". */
export function StackedBarChart({
  id,
  title,
  columns,
  columnDetails,
  columnHeading,
  series,
  unit = "cases",
  maxSeries = CHART_COLORS.length,
}: {
  id: string;
  title: string;
  /** Label of each column on the axis, e.g. "2 Mar". */
  columns: readonly string[];
  /** Each column in full, for the table and the tooltips, e.g. "2–8 Mar" (the axis label when absent). */
  columnDetails?: readonly string[];
  /** Heading of the columns in the data table, e.g. "Week starting". */
  columnHeading: string;
  series: readonly StackedSeries[];
  unit?: string;
  maxSeries?: number;
}) {
  const shown = topSeries(series, maxSeries);
  const totals = columns.map((_, i) => shown.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const grand = totals.reduce((a, b) => a + b, 0);
  const busiest = totals.indexOf(Math.max(...totals, 0));
  const summary = grand
    ? `${grand} ${unit} over ${columns.length} ${columnHeading.toLowerCase().startsWith("week") ? "weeks" : "columns"}; the busiest was ${columnDetails?.[busiest] ?? columns[busiest]} with ${totals[busiest]}. ${shown[0]?.label} is the largest group.`
    : `No ${unit} in this period.`;
  const table = {
    caption: title,
    columns: [columnHeading, ...series.map((s) => s.label), "Total"],
    rows: columns.map((c, i) => [
      columnDetails?.[i] ?? c,
      ...series.map((s) => s.values[i] ?? 0),
      series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0),
    ]),
  };
  if (!grand) {
    return (
      <ChartFrame id={id} title={title} summary={summary} table={table}>
        <EmptyChart message={`No ${unit} in this period.`} />
      </ChartFrame>
    );
  }

  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const ticks = niceTicks(Math.max(...totals), 5);
  const y = linear(ticks.at(-1) ?? 1, M.top + plotH, M.top);
  const band = plotW / columns.length;
  const barW = Math.max(4, Math.min(64, band * 0.7));
  const every = labelEvery(columns.length, 13);

  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      table={table}
      legend={
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-base text-slate-200" aria-label="Legend">
          {shown.map((s, i) => (
            <li key={s.label} className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="inline-block h-4 w-4 rounded-sm"
                style={{ background: CHART_COLORS[i % CHART_COLORS.length] }}
              />
              {s.label} <span className="tabular-nums text-slate-400">({s.values.reduce((a, b) => a + b, 0)})</span>
            </li>
          ))}
        </ul>
      }
    >
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="h-auto w-full" fontFamily="inherit">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <CountGridlines ticks={ticks} y={y} left={M.left} right={W - M.right} />
        {columns.map((column, i) => {
          const x = M.left + band * i + (band - barW) / 2;
          let base = 0;
          return (
            <g key={column + i}>
              {shown.map((s, k) => {
                const v = s.values[i] ?? 0;
                if (!v) return null;
                const top = y(base + v);
                const h = y(base) - top;
                base += v;
                return (
                  <rect
                    key={s.label}
                    x={x}
                    y={top}
                    width={barW}
                    height={h}
                    fill={CHART_COLORS[k % CHART_COLORS.length]}
                    stroke={CHART_INK.background}
                    strokeWidth={1}
                  >
                    <title>{`${columnDetails?.[i] ?? column} · ${s.label}: ${v}`}</title>
                  </rect>
                );
              })}
              {totals[i] && band >= 26 ? (
                <text x={x + barW / 2} y={y(totals[i]) - 7} textAnchor="middle" fontSize={14} fontWeight={600} fill={CHART_INK.text}>
                  {totals[i]}
                </text>
              ) : null}
              {i % every === 0 ? (
                <text x={x + barW / 2} y={M.top + plotH + 24} textAnchor="middle" fontSize={14} fill={CHART_INK.text}>
                  {column}
                </text>
              ) : null}
            </g>
          );
        })}
        <Baseline at={M.top + plotH} left={M.left} right={W - M.right} />
      </svg>
    </ChartFrame>
  );
}
