// Issue 17, finding 5: the Pareto's reference line said "80% of cases" where the shares are of
// root-cause tags (a case can carry several). The labels now say what is counted.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ParetoChart } from "@/components/manager/charts/pareto-chart";

describe("the root-cause Pareto's labels", () => {
  const html = renderToStaticMarkup(
    createElement(ParetoChart, {
      id: "p",
      title: "Root causes",
      data: [
        { label: "Wait time", count: 6 },
        { label: "Product quality", count: 3 },
        { label: "Billing", count: 1 },
      ],
    }),
  );

  it("call the reference line and the shares what they are: shares of root-cause tags", () => {
    expect(html).toContain("80% of root-cause tags");
    expect(html).not.toContain("80% of cases");
    expect(html).toContain("Cumulative share of tags");
    expect(html).toMatch(/<th scope="col"[^>]*>Share of tags<\/th>/);
    expect(html).toContain("cumulative share of all root-cause tags");
  });

  it("count the bars in cases, one case or more", () => {
    expect(html).toContain("cases with the root cause");
    expect(html).toContain("Billing: 1 case (100% of tags, cumulative)");
  });
});
