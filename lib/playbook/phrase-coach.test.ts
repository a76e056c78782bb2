import { describe, it, expect } from "vitest";
import { coachPhrase, coachSummary, PHRASE_RULES, type PhraseKind } from "./phrase-coach";
import { ESCALATION_GUIDANCE, GUIDANCE, SAY_NO_GUIDANCE } from "./guidance";
import { STAGES } from "./vocabulary";

const kindsOf = (text: string): PhraseKind[] => [...new Set(coachPhrase(text).map((f) => f.kind))].sort();

const FLAGGED: [string, PhraseKind[]][] = [
  // excuses
  ["Sorry, we're short staffed tonight.", ["excuse"]],
  ["We are really understaffed at the moment", ["excuse"]],
  ["The supplier let us down this week.", ["excuse"]],
  ["The delivery didn't come this morning so there's no salmon.", ["excuse"]],
  ["The coffee machine is broken, sorry.", ["excuse"]],
  ["Our card machine isn't working", ["excuse"]],
  ["The dishwasher broke down earlier.", ["excuse"]],
  ["It's been a busy night", ["excuse"]],
  ["It’s not my section, I’ll get your waiter.", ["excuse"]],
  ["Sorry, it's my first day.", ["excuse"]],
  ["I'm new here so I'm not sure.", ["excuse"]],
  ["That's the kitchen's fault, not mine.", ["excuse"]],
  // blame
  ["You should have told us about the allergy when you booked.", ["blame"]],
  ["You didn't tell us you wanted it well done.", ["blame"]],
  ["That's the chef's fault.", ["blame"]],
  ["Someone else took your order, not me.", ["blame"]],
  ["You must have misheard me.", ["blame"]],
  ["You'll have to ask someone else.", ["blame"]],
  // blunt refusals
  ["No.", ["blunt_refusal"]],
  ["No, we don't do that.", ["blunt_refusal"]],
  ["We can't do that.", ["blunt_refusal"]],
  ["We can’t do that, I’m afraid.", ["blunt_refusal"]],
  ["That's impossible tonight.", ["blunt_refusal"]],
  ["It's not possible to move tables.", ["blunt_refusal"]],
  ["There's nothing I can do about it.", ["blunt_refusal"]],
  ["I'm sorry, no. There's nothing more we can do.", ["blunt_refusal"]],
  ["No way.", ["blunt_refusal"]],
  ["Sorry, no can do.", ["blunt_refusal"]],
  // calm down
  ["Calm down, please.", ["calm_down"]],
  ["Just relax, it's coming.", ["calm_down"]],
  ["Please DON'T GET UPSET.", ["calm_down"]],
  ["Keep your voice down.", ["calm_down"]],
  // policy
  ["Policy says we can't refund opened bottles.", ["policy"]],
  ["I'm sorry but it's our policy.", ["policy"]],
  ["Rules are rules.", ["policy"]],
  ["its company policy", ["policy"]],
  // minimising
  ["It's only a hair, I'll take it out.", ["minimising"]],
  ["It's just a small mistake.", ["minimising"]],
  ["Honestly, it's not a big deal.", ["minimising"]],
  ["You've only waited ten minutes.", ["minimising"]],
  // arguing
  ["Actually you're wrong, you ordered the medium.", ["argue"]],
  ["That's not what happened.", ["argue"]],
  ["There's nothing wrong with the steak.", ["argue"]],
  ["It's meant to be like that.", ["argue"]],
  // more than one thing at once
  ["Don't get upset, it's only a drink.", ["calm_down", "minimising"]],
  ["It's been a busy night and the oven is playing up, so calm down.", ["calm_down", "excuse"]],
  ["No. Policy says no refunds.", ["blunt_refusal", "policy"]],
];

const CLEAN: string[] = [
  "I'm sorry, the salmon has been so popular tonight that it's gone, but the sea bass is lovely",
  "I know how frustrating that is",
  "No problem at all, I'll bring a fresh one",
  "Let me see what I can do",
  "There is nothing I can't do for you tonight.",
  "I'm so sorry, that's not the standard we aim for. I'll have it remade straight away.",
  "Oh no, I'm really sorry to hear that.",
  "No worries, take your time.",
  "I can see how disappointing this is on a special night.",
  "Thank you for telling me. Would you like the steak remade, or something else from the menu?",
  "I'm sorry, we can't do that tonight because the terrace is fully booked, but what I can do is seat you by the window.",
  "I'll take the main course off your bill and bring dessert on the house.",
  "Let's find you a quieter table where you can relax.",
  "Would you like to come somewhere quieter so I can hear you properly?",
  "Thank you for your patience; your mains are next out of the kitchen.",
  "I'll personally make sure it's sorted and check back in ten minutes.",
  "It's only fair that we take it off the bill.",
  "I don't know the answer yet, but I'll find out for you right now.",
  "No, no, there's no charge for that.",
  "Can I get you anything else?",
  "That’s not right at all. I’m sorry, I’ll fix it now.",
  "You should have your food in five minutes.",
  "Is there anything else I can do for you?",
  "",
];

describe("coachPhrase", () => {
  it("has at least 40 example sentences, 12 of them clean", () => {
    expect(FLAGGED.length + CLEAN.length).toBeGreaterThanOrEqual(40);
    expect(CLEAN.length).toBeGreaterThanOrEqual(12);
  });

  it.each(FLAGGED)("flags %j", (text, kinds) => {
    expect(kindsOf(text)).toEqual([...kinds].sort());
  });

  it.each(CLEAN.map((t) => [t]))("leaves %j alone", (text) => {
    expect(coachPhrase(text)).toEqual([]);
  });

  it("gives offsets into the original text, curly apostrophes included", () => {
    const text = "Well… it’s our policy, I’m afraid.";
    const [flag] = coachPhrase(text);
    expect(flag.kind).toBe("policy");
    expect(flag.match).toBe("it’s our policy");
    expect(text.slice(flag.start, flag.end)).toBe(flag.match);
  });

  it("returns flags in order of appearance with a why and a reframe", () => {
    const flags = coachPhrase("Calm down. We're short staffed and that's the chef's fault.");
    expect(flags.map((f) => f.kind)).toEqual(["calm_down", "excuse", "blame"]);
    expect(flags.map((f) => f.match)).toEqual(["Calm down", "short staffed", "the chef's fault"]);
    for (const f of flags) {
      expect(f.why.length).toBeGreaterThan(10);
      expect(f.reframe.length).toBeGreaterThan(10);
      expect(f.start).toBeLessThan(f.end);
    }
  });

  it("copes with missing apostrophes and extra whitespace", () => {
    expect(kindsOf("we cant do that")).toEqual(["blunt_refusal"]);
    expect(kindsOf("dont  get\nupset")).toEqual(["calm_down"]);
  });

  it("respects word boundaries", () => {
    expect(coachPhrase("I know, and nobody likes waiting; notice the new menu")).toEqual([]);
    expect(coachPhrase("The relaxing terrace is open again")).toEqual([]);
    expect(kindsOf("nothing I can do")).toEqual(["blunt_refusal"]);
  });

  it("treats a no with an alternative as gracious, but not a shut door", () => {
    expect(kindsOf("No, sorry, I can't put you through to the owner. What I can do is fetch the manager on duty.")).toEqual([]);
    expect(kindsOf("There's nothing I can do, but would you like a coffee?")).toEqual(["blunt_refusal"]);
  });

  it("has a why and a reframe for every rule, and its own reframes pass the coach", () => {
    for (const rule of PHRASE_RULES) {
      expect(rule.says.length).toBeGreaterThan(0);
      expect(rule.why).not.toBe("");
      expect(coachPhrase(rule.reframe), rule.id).toEqual([]);
    }
  });

  it("passes the lines the guidance suggests", () => {
    const lines = [
      ...STAGES.flatMap((s) => GUIDANCE[s].phrases),
      ...SAY_NO_GUIDANCE.phrases,
      ...ESCALATION_GUIDANCE.phrases,
    ];
    for (const line of lines) expect(coachPhrase(line), line).toEqual([]);
  });
});

describe("coachSummary", () => {
  it("is ok for a good line", () => {
    expect(coachSummary("I'm so sorry, let me fix that for you right away.")).toEqual({ ok: true, flags: [] });
  });

  it("is not ok when something is flagged", () => {
    const summary = coachSummary("Relax, it's not a big deal.");
    expect(summary.ok).toBe(false);
    expect(summary.flags.map((f) => f.kind)).toEqual(["calm_down", "minimising"]);
  });
});
