// Colours for dark backgrounds (slate-900): each has a contrast ratio of at least 3:1 against
// #0f172a and #1e293b (WCAG 1.4.11 for graphics); neighbours differ in lightness as well as hue.
export const CHART_COLORS = ["#38bdf8", "#fbbf24", "#34d399", "#f472b6", "#a78bfa", "#fb923c", "#cbd5e1"] as const;

export const CHART_INK = {
  text: "#e2e8f0",
  muted: "#94a3b8",
  grid: "#334155",
  bar: "#38bdf8",
  line: "#fbbf24",
  background: "#0f172a",
} as const;
