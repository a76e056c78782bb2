import { describe, expect, it } from "vitest";
import { prepareText } from "./phrase-text";

const vocabulary = ["sorry", "complained", "authorised", "down", "shouting"];
const prepare = (text: string) => prepareText(text, new Set(vocabulary), vocabulary, { has: (w) => ["steak", "dawn", "sort"].includes(w) });

describe("prepareText", () => {
  it.each([
    ["We can't do that", "We can not do that"],
    ["we cant do that", "we can not do that"],
    ["it’s fine", "it is fine"],
    ["its not my table", "it is not my table"],
    ["thats not true", "that is not true"],
    ["ur wrong", "you are wrong"],
    ["your the one who ordered it", "you are the one who ordered it"],
    ["you should of said", "you should have said"],
    ["I'm not authorized", "I am not authorised"],
    ["the kitchen's swamped", "the kitchen is swamped"],
    ["the chef's fault", "the chef's fault"],
    ["he'd forgotten", "he had forgotten"],
    ["I'd get in trouble", "I would get in trouble"],
    ["ill get it now", "I will get it now"],
    ["two staff off ill", "two staff off ill"],
    ["sory, nobody else has complaned", "sorry, nobody else has complained"],
    ["calm dwon", "calm down"],
    ["the steak at dawn", "the steak at dawn"],
  ])("%j → %j", (typed, prepared) => {
    expect(prepare(typed).text).toBe(prepared);
  });

  it("maps every word of the rewritten text back to the words as typed", () => {
    const typed = "Sory, we cant  do that — its ur call";
    const p = prepare(typed);
    const at = (word: string) => {
      const start = p.text.indexOf(word);
      return typed.slice(p.startIn(start), p.endIn(start + word.length));
    };
    expect(at("sorry")).toBe("Sory");
    expect(at("can not")).toBe("cant");
    expect(at("do that")).toBe("do that");
    expect(at("it is")).toBe("its");
    expect(at("your call")).toBe("ur call");
  });
});
