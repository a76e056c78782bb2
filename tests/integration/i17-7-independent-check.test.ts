// Issue 17, finding 7: the tests' reference implementation of the insights
// (lib/manager/testing/insights-reference.ts) shared code with the real one (its range, scope,
// filters and time helpers), so the same mistake passed in both. It is gone; the oracle in
// tests/oracle is written apart from lib/ (checked in tests/integration/insights-oracle.test.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..", "..");

describe("the insights' second implementation", () => {
  it("is not a copy of the first living beside it", () => {
    const testing = path.join(root, "lib", "manager", "testing");
    const files = existsSync(testing) ? readdirSync(testing).filter((f) => f.endsWith(".ts")) : [];
    for (const file of files) {
      const source = readFileSync(path.join(testing, file), "utf8");
      expect(source, file).not.toMatch(/from "\.\.\/(insights|filters|scope|time)"|from "@\/lib\/manager\/(insights|filters|scope|time)"/);
    }
    expect(existsSync(path.join(testing, "insights-reference.ts"))).toBe(false);
  });

  it("is the oracle in tests/, which imports nothing from lib/", () => {
    const oracle = path.join(root, "tests", "oracle");
    for (const file of ["insights-oracle.ts", "sqlite-only.ts", "venue-calendar.ts"]) {
      expect(readFileSync(path.join(oracle, file), "utf8"), file).not.toMatch(/from "@\/lib|from "(\.\.\/)+lib\//);
    }
  });
});
