import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance";

describe("editDistance", () => {
  it.each([
    ["sorry", "sorry", 0],
    ["sory", "sorry", 1],
    ["dwon", "down", 1], // two neighbouring letters swapped count once
    ["shoudl", "should", 1],
    ["complaned", "complained", 1],
    ["autorised", "authorised", 1],
    ["kitten", "sitting", 3],
  ] as const)("%s → %s is %i", (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
    expect(editDistance(b, a, 3)).toBe(d);
  });

  it("stops at max + 1", () => {
    expect(editDistance("steak", "policy", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 1)).toBe(2);
  });
});
