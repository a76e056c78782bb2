// Pure helpers behind the SVG charts (tested in tests/integration/manager-charts.test.ts).

/** The smallest "nice" number (1, 2, 2.5, 5 × 10^k) at or above `value`. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value - 1e-9) return step * power;
  }
  return 10 * power;
}

/** Axis ticks from 0 to a nice maximum at or above `max`, about `count` of them, whole numbers when counting. */
export function niceTicks(max: number, count = 5, integers = true): number[] {
  const step0 = niceCeil(Math.max(max, 1) / count);
  const step = integers ? Math.max(1, Math.ceil(step0)) : step0;
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toFixed(6)));
  return ticks;
}

/** Maps [0, domainMax] onto [rangeStart, rangeEnd] (rangeEnd may be smaller: SVG's y grows downwards). */
export function linear(domainMax: number, rangeStart: number, rangeEnd: number): (v: number) => number {
  const span = domainMax || 1;
  return (v) => rangeStart + ((rangeEnd - rangeStart) * v) / span;
}

/** Running share of the total after each item, for a Pareto line (the items are expected sorted descending). */
export function cumulativeShares(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  let running = 0;
  return values.map((v) => {
    running += v;
    return total ? running / total : 0;
  });
}

/** Splits a label into at most `lines` lines of about `width` characters, ending with … when cut. */
export function wrapLabel(label: string, width: number, lines = 2): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let current = "";
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= width || !current) current = next;
    else {
      out.push(current);
      current = word;
    }
  }
  if (current) out.push(current);
  if (out.length <= lines) return out.map((l) => (l.length > width + 2 ? `${l.slice(0, width)}…` : l));
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1].slice(0, width - 1)}…`;
  return kept;
}

/** Keeps the `keep` largest series and sums the rest into one "Other" series. */
export function topSeries<T extends { label: string; values: number[] }>(
  series: readonly T[],
  keep: number,
  otherLabel = "Everything else",
): { label: string; values: number[] }[] {
  if (series.length <= keep) return series.map((s) => ({ label: s.label, values: [...s.values] }));
  const total = (s: { values: number[] }) => s.values.reduce((a, b) => a + b, 0);
  const sorted = [...series].sort((a, b) => total(b) - total(a));
  const head = sorted.slice(0, keep - 1).map((s) => ({ label: s.label, values: [...s.values] }));
  const rest = sorted.slice(keep - 1);
  const other = rest[0].values.map((_, i) => rest.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  return [...head, { label: otherLabel, values: other }];
}

/** Show every nth label so that no more than `max` labels fit on an axis. */
export function labelEvery(count: number, max: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, max)));
}
