import { describe, it, expect } from "vitest";
import { isProportionate, suggestRemedy } from "./remedies";
import { SEVERITIES } from "./vocabulary";

describe("suggestRemedy", () => {
  it("scales the ceiling with severity", () => {
    expect(SEVERITIES.map((s) => suggestRemedy(s).maxSuggestedCents)).toEqual([500, 1500, 6000, 20000]);
  });

  it("gives a label and examples for every severity", () => {
    for (const s of SEVERITIES) {
      const r = suggestRemedy(s);
      expect(r.label).not.toBe("");
      expect(r.examples.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("suggests a small gesture for minor problems and a refund plus follow-up for serious ones", () => {
    expect(suggestRemedy(1).examples.join(" ")).toMatch(/drink|dessert/i);
    expect(suggestRemedy(2).examples.join(" ")).toMatch(/off the bill/i);
    expect(suggestRemedy(3).examples.join(" ")).toMatch(/on the house|discount/i);
    expect(suggestRemedy(4).label).toMatch(/refund/i);
    expect(suggestRemedy(4).examples.join(" ")).toMatch(/manager/i);
  });

  it("returns a copy the caller may change", () => {
    suggestRemedy(1).examples.push("changed");
    expect(suggestRemedy(1).examples).not.toContain("changed");
  });
});

describe("isProportionate", () => {
  it.each([
    [1, 0, "fair"],
    [1, 350, "fair"],
    [1, 500, "fair"],
    [1, 501, "high"],
    [1, 2000, "high"],
    [2, 200, "low"],
    [2, 500, "fair"],
    [2, 1200, "fair"],
    [2, 1600, "high"],
    [3, 1000, "low"],
    [3, 4500, "fair"],
    [3, 6001, "high"],
    [4, 2000, "low"],
    [4, 6000, "fair"],
    [4, 20000, "fair"],
    [4, 25000, "high"],
  ] as const)("severity %i, %i pence is %s", (severity, cents, expected) => {
    expect(isProportionate(severity, cents)).toBe(expected);
  });

  it("never calls the top of a band low or the bottom of the next one high", () => {
    for (const s of SEVERITIES) {
      const max = suggestRemedy(s).maxSuggestedCents;
      expect(isProportionate(s, max)).toBe("fair");
      if (s < 4) expect(isProportionate((s + 1) as typeof s, max)).toBe("fair");
    }
  });
});
