import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ParetoChart } from "@/components/manager/charts/pareto-chart";
import { cumulativeShares, labelEvery, linear, niceCeil, niceTicks, topSeries, wrapLabel } from "@/components/manager/charts/scale";
import { StackedBarChart } from "@/components/manager/charts/stacked-bar-chart";

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe("chart scales", () => {
  it("rounds axis maxima up to nice numbers", () => {
    expect([0, 0.3, 1, 3, 7, 11, 24, 26, 99, 101, 4800].map(niceCeil)).toEqual([1, 0.5, 1, 5, 10, 20, 25, 50, 100, 200, 5000]);
  });

  it("gives whole-number ticks from 0 that cover the maximum", () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(96)).toEqual([0, 20, 40, 60, 80, 100]);
    const big = niceTicks(12_345);
    expect(big[0]).toBe(0);
    expect(big.at(-1)).toBeGreaterThanOrEqual(12_345);
    expect(big.length).toBeLessThanOrEqual(7);
  });

  it("maps values linearly, flipping for SVG's downward y", () => {
    const y = linear(10, 300, 20);
    expect(y(0)).toBe(300);
    expect(y(10)).toBe(20);
    expect(y(5)).toBe(160);
    expect(linear(0, 0, 100)(0)).toBe(0);
  });

  it("computes running shares for a Pareto line", () => {
    expect(cumulativeShares([5, 3, 2])).toEqual([0.5, 0.8, 1]);
    expect(cumulativeShares([])).toEqual([]);
    expect(cumulativeShares([0, 0])).toEqual([0, 0]);
  });

  it("wraps long labels onto two lines, cutting with an ellipsis", () => {
    expect(wrapLabel("Wait time", 12)).toEqual(["Wait time"]);
    expect(wrapLabel("Product quality", 10)).toEqual(["Product", "quality"]);
    expect(wrapLabel("A very long root cause label indeed", 8)).toEqual(["A very", "long…"]);
  });

  it("keeps the largest series and sums the rest", () => {
    const series = [
      { label: "a", values: [1, 1] },
      { label: "b", values: [5, 5] },
      { label: "c", values: [2, 0] },
      { label: "d", values: [0, 3] },
    ];
    expect(topSeries(series, 3)).toEqual([
      { label: "b", values: [5, 5] },
      { label: "d", values: [0, 3] },
      { label: "Everything else", values: [3, 1] },
    ]);
    expect(topSeries(series, 4)).toHaveLength(4);
    expect(labelEvery(52, 13)).toBe(4);
    expect(labelEvery(5, 13)).toBe(1);
  });
});

describe("Pareto chart", () => {
  const data = [
    { label: "Wait time", count: 3 },
    { label: "Product quality", count: 6 },
    { label: "Billing", count: 1 },
  ];
  const html = renderToStaticMarkup(createElement(ParetoChart, { id: "p", title: "Root causes", data }));

  it("is an accessible image with a title and a summary", () => {
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="p-t p-d"');
    expect(html).toContain('<title id="p-t">Root causes</title>');
    expect(html).toMatch(
      /<desc id="p-d">10 root-cause tags \(a case can have more than one\)\. Product quality is the most common \(6 cases\); the top 2 make up 90% of the tags\.<\/desc>/,
    );
  });

  it("draws one bar per cause, largest first, with the cumulative line", () => {
    expect(count(html, /<rect /g)).toBe(3);
    const titles = [...html.matchAll(/<rect [^>]*><title>([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual([
      "Product quality: 6 cases (60% of tags, cumulative)",
      "Wait time: 3 cases (90% of tags, cumulative)",
      "Billing: 1 case (100% of tags, cumulative)",
    ]);
    expect(count(html, /<polyline /g)).toBe(1);
    expect(count(html, /<circle /g)).toBe(3);
  });

  it("has the numbers as a table", () => {
    expect(html).toContain("<caption");
    expect(html).toContain("Show the numbers");
    expect(html).toMatch(/<th scope="row"[^>]*>Product quality<\/th><td[^>]*>6<\/td><td[^>]*>60%<\/td><td[^>]*>60%<\/td>/);
  });

  it("says so when there is nothing to chart", () => {
    const empty = renderToStaticMarkup(createElement(ParetoChart, { id: "e", title: "Root causes", data: [] }));
    expect(empty).toContain("Nothing to chart yet");
    expect(empty).not.toContain("<svg");
  });
});

describe("stacked bar chart", () => {
  const series = Array.from({ length: 9 }, (_, i) => ({ label: `Cat ${i + 1}`, values: [i + 1, 0, 9 - i] }));
  const html = renderToStaticMarkup(
    createElement(StackedBarChart, {
      id: "w",
      title: "Cases per week",
      columns: ["2 Mar", "9 Mar", "16 Mar"],
      columnHeading: "Week starting",
      series,
    }),
  );

  it("stacks at most seven colours, the rest as everything else", () => {
    expect(html).toContain("Everything else");
    // Week 1 has all 7 shown series; week 2 is empty; week 3 has every series but the one worth 0.
    expect(count(html, /<rect /g)).toBe(7 + 0 + 7);
    expect(html).toContain("<title>2 Mar · Everything else: 24</title>");
    expect(html).toContain("<title>16 Mar · Cat 1: 9</title>");
  });

  it("labels column totals and keeps every series in the table", () => {
    expect(html).toMatch(/>45<\/text>/);
    expect(count(html, /<th scope="col"/g)).toBe(1 + 9 + 1);
    expect(html).toMatch(/<th scope="row"[^>]*>9 Mar<\/th>(<td[^>]*>0<\/td>){10}/);
    expect(html).toContain('aria-labelledby="w-t w-d"');
  });
});
