import { ChartFrame, EmptyChart } from "./chart-frame";
import { Baseline, CountGridlines } from "./count-axis";
import { CHART_INK } from "./palette";
import { cumulativeShares, linear, niceTicks, wrapLabel } from "./scale";

export type ParetoDatum = { label: string; count: number };

const W = 960;
const PLOT_H = 280;
/** Average width of one character of the 14-unit label font, in viewBox units. */
const CHAR_W = 7.6;

/**
 * Bars sorted from most to least frequent (cases tagged with each root cause), with the running
 * share of all root-cause tags as a line: the few causes left of the 80% mark are the ones worth
 * fixing first. The shares are of tags, not of cases: a case may carry more than one root cause.
 */
export function ParetoChart({ id, title, data }: { id: string; title: string; data: readonly ParetoDatum[] }) {
  const sorted = [...data].filter((d) => d.count > 0).sort((a, b) => b.count - a.count);
  const total = sorted.reduce((sum, d) => sum + d.count, 0);
  const shares = cumulativeShares(sorted.map((d) => d.count));
  const vital = shares.findIndex((s) => s >= 0.8) + 1;
  const cases = (n: number) => `${n} ${n === 1 ? "case" : "cases"}`;
  const summary = sorted.length
    ? `${total} root-cause ${total === 1 ? "tag" : "tags"} (a case can have more than one). ${sorted[0].label} is the most common (${cases(sorted[0].count)}); ${vital === 1 ? "it alone makes" : `the top ${vital} make`} up ${Math.round(shares[Math.max(0, vital - 1)] * 100)}% of the tags.`
    : "No root causes were tagged in this period.";
  const table = {
    caption: title,
    columns: ["Root cause", "Cases", "Share of tags", "Cumulative share of tags"],
    rows: sorted.map((d, i) => [d.label, d.count, `${Math.round((d.count / total) * 100)}%`, `${Math.round(shares[i] * 100)}%`]),
  };

  if (!sorted.length) {
    return (
      <ChartFrame id={id} title={title} summary={summary} table={table}>
        <EmptyChart message="Nothing to chart yet: no case in this period has a root cause tagged." />
      </ChartFrame>
    );
  }

  const band0 = (W - 56 - 64) / sorted.length;
  const chars = Math.max(6, Math.floor((band0 - 6) / CHAR_W));
  // Labels that do not fit on two lines under their bar are set at an angle instead of cut.
  const rotate = sorted.some((d) => d.label.split(/\s+/).some((w) => w.length > chars) || wrapLabel(d.label, chars, 3).length > 2);
  const M = { top: 52, right: 64, bottom: rotate ? 100 : 64, left: 56 };
  const H = M.top + PLOT_H + M.bottom;
  const plotW = W - M.left - M.right;
  const plotH = PLOT_H;
  const ticks = niceTicks(sorted[0].count, 5);
  const y = linear(ticks.at(-1) ?? 1, M.top + plotH, M.top);
  const yShare = linear(1, M.top + plotH, M.top);
  const band = plotW / sorted.length;
  const barW = Math.min(88, band * 0.66);
  const cx = (i: number) => M.left + band * i + band / 2;
  const line = shares.map((s, i) => `${cx(i).toFixed(1)},${yShare(s).toFixed(1)}`).join(" ");

  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      table={table}
      legend={
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-base text-slate-200" aria-hidden="true">
          <li className="flex items-center gap-2">
            <span className="inline-block h-4 w-6 rounded-sm" style={{ background: CHART_INK.bar }} /> cases with the root cause
          </li>
          <li className="flex items-center gap-2">
            <span className="inline-block h-1 w-6 rounded" style={{ background: CHART_INK.line }} /> cumulative share of all root-cause tags
            (right axis)
          </li>
        </ul>
      }
    >
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="h-auto w-full" fontFamily="inherit">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <CountGridlines ticks={ticks} y={y} left={M.left} right={W - M.right} />
        {[0, 0.25, 0.5, 0.75, 1].map((s) => (
          <text key={s} x={W - M.right + 10} y={yShare(s)} dy="0.35em" fontSize={15} fill={CHART_INK.muted}>
            {Math.round(s * 100)}%
          </text>
        ))}
        <line
          x1={M.left}
          x2={W - M.right}
          y1={yShare(0.8)}
          y2={yShare(0.8)}
          stroke={CHART_INK.line}
          strokeOpacity={0.55}
          strokeDasharray="6 6"
        />
        <text
          x={W - M.right - 6}
          y={yShare(0.8) - 8}
          textAnchor="end"
          fontSize={14}
          fill={CHART_INK.line}
          stroke={CHART_INK.background}
          strokeWidth={4}
          paintOrder="stroke"
        >
          80% of root-cause tags
        </text>
        <text x={M.left} y={18} fontSize={14} fill={CHART_INK.line}>
          Cumulative share of tags
        </text>
        {sorted.map((d, i) => {
          const top = y(d.count);
          const h = M.top + plotH - top;
          const inside = h > 30;
          return (
            <g key={d.label}>
              <rect x={cx(i) - barW / 2} y={top} width={barW} height={h} rx={4} fill={CHART_INK.bar}>
                <title>{`${d.label}: ${cases(d.count)} (${Math.round(shares[i] * 100)}% of tags, cumulative)`}</title>
              </rect>
              <text
                x={cx(i)}
                y={inside ? top + 20 : top - 8}
                textAnchor="middle"
                fontSize={16}
                fontWeight={700}
                fill={inside ? CHART_INK.background : CHART_INK.text}
              >
                {d.count}
              </text>
              {rotate ? (
                <text
                  x={cx(i)}
                  y={M.top + plotH + 18}
                  textAnchor="end"
                  fontSize={14}
                  fill={CHART_INK.text}
                  transform={`rotate(-35 ${cx(i)} ${M.top + plotH + 18})`}
                >
                  {d.label.length > 20 ? `${d.label.slice(0, 19)}…` : d.label}
                </text>
              ) : (
                wrapLabel(d.label, chars).map((text, row) => (
                  <text key={row} x={cx(i)} y={M.top + plotH + 22 + row * 18} textAnchor="middle" fontSize={14} fill={CHART_INK.text}>
                    {text}
                  </text>
                ))
              )}
            </g>
          );
        })}
        <polyline points={line} fill="none" stroke={CHART_INK.line} strokeWidth={3} strokeLinejoin="round" />
        {shares.map((s, i) => (
          <g key={i}>
            <circle cx={cx(i)} cy={yShare(s)} r={5} fill={CHART_INK.line} stroke={CHART_INK.background} strokeWidth={2} />
            {band >= 36 ? (
              <text x={cx(i)} y={40} textAnchor="middle" fontSize={14} fontWeight={600} fill={CHART_INK.line}>
                {Math.round(s * 100)}%
              </text>
            ) : null}
          </g>
        ))}
        <Baseline at={M.top + plotH} left={M.left} right={W - M.right} />
      </svg>
    </ChartFrame>
  );
}
