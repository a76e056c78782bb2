import { CHART_INK } from "./palette";

/** The count axis both charts share: a gridline and a label at each tick on the left. */
export function CountGridlines({ ticks, y, left, right }: { ticks: number[]; y: (value: number) => number; left: number; right: number }) {
  return (
    <>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={right} y1={y(t)} y2={y(t)} stroke={CHART_INK.grid} strokeWidth={1} />
          <text x={left - 10} y={y(t)} dy="0.35em" textAnchor="end" fontSize={15} fill={CHART_INK.muted}>
            {t}
          </text>
        </g>
      ))}
    </>
  );
}

/** The baseline drawn over the foot of the bars. */
export function Baseline({ at, left, right }: { at: number; left: number; right: number }) {
  return <line x1={left} x2={right} y1={at} y2={at} stroke={CHART_INK.muted} strokeWidth={1.5} />;
}
