import { describe, expect, it } from "vitest";
import { REACTIONS, START_TEMPER, VENT_AT, WALK_OUT_AT, type ReactionId } from "./customer-reactions";
import type { PlaybookEvent, RecordedEvent } from "./events";
import { fold } from "./machine";
import { customerFacts, customerPrompt, readbackAnswer, seedFrom, simulateCustomer, type CustomerFacts } from "./simulated-customer";
import { CATEGORY_LABELS, FEELING_LABELS, SEVERITY_LABELS } from "./vocabulary";
import { recordScript, scriptCase } from "@/tests/support/playbook/walkthrough";

const FACTS: CustomerFacts = {
  words: "My steak came out cold and nobody came back to check on us",
  category: "food_quality",
  severity: 2,
  spot: "Table 7",
  mood: "upset",
  requests: ["Make the whole meal free"],
  ourFault: true,
};
const SEED = 42;
const T0 = Date.parse("2026-03-01T19:00:00Z");
const staff = { id: "u-staff", role: "staff" as const };

/** A practice log built step by step; each step `gapS` seconds after the last. */
function run() {
  const log: RecordedEvent[] = [];
  let t = T0;
  const api = {
    log,
    add(event: PlaybookEvent, gapS = 20) {
      t += gapS * 1000;
      log.push({ ...event, at: new Date(t), actor: staff });
      return api;
    },
    open: () =>
      api.add({ type: "case_opened", data: { reference: "P-1", locationId: "loc-1", authorityLimitCents: 2500, practice: true } }, 0).add({
        type: "complaint_heard",
        data: { customerWords: FACTS.words, category: "food_quality", severity: 2, spot: "Table 7", mood: "upset" },
      }),
    validate: (words: string | undefined, acknowledged = true) =>
      api.add({ type: "feeling_validated", data: { feeling: "frustrated", acknowledged, words } }),
    apologise: (words: string, gapS = 20) => api.add({ type: "apology_given", data: { sincere: true, ourFault: true, words } }, gapS),
    options: (...options: string[]) => api.add({ type: "options_offered", data: { options } }),
    decline: (reason: string, ...alternatives: string[]) =>
      api.add({ type: "request_declined", data: { request: "Make the whole meal free", reason, alternatives } }),
    agree: (option: string) => api.add({ type: "solution_agreed", data: { option } }),
    offer: (valueCents: number) =>
      api.add({ type: "compensation_offered", data: { id: "c1", kind: "discount", description: "Off the bill", valueCents } }),
    skip: (reason: string) => api.add({ type: "compensation_skipped", data: { reason } }),
    say: (text: string) => api.add({ type: "note_added", data: { text } }),
    vented: () => api.add({ type: "customer_vented", data: { backTo: "listen" } }),
  };
  return api;
}

const sim = (log: RecordedEvent[], seed = SEED) => simulateCustomer(FACTS, log, seed);
const lastTurn = (log: RecordedEvent[]) => sim(log).turns.at(-1)!;
const temperAfter = (log: RecordedEvent[]) => sim(log).temper;
const heard = run().open().log;
const start = START_TEMPER.upset;

describe("the simulated customer's reactions", () => {
  it("opens with the complaint in their own words, at the source case's temper", () => {
    const s = sim(heard);
    expect(s.temper).toBe(start);
    expect(s.turns[0].say).toBe(`“${FACTS.words}”`);
  });

  const rises: [ReactionId, (r: ReturnType<typeof run>) => unknown][] = [
    ["excuse", (r) => r.say("We're really short staffed tonight")],
    ["blame", (r) => r.say("The chef messed it up, not me")],
    ["calm_down", (r) => r.say("Please calm down")],
    ["policy", (r) => r.say("It's company policy, I can't do that")],
    ["dismissing", (r) => r.say("Nobody else has complained about it")],
  ];
  for (const [reaction, act] of rises) {
    it(`${reaction} raises the temper by ${REACTIONS[reaction].delta}`, () => {
      const r = run().open();
      act(r);
      const turn = lastTurn(r.log);
      expect(turn.reactions).toContain(reaction);
      expect(turn.temper).toBeGreaterThan(start);
    });
  }

  it("a named feeling lowers it", () => {
    const r = run().open().validate("I can see how frustrating that is after waiting so long");
    expect(lastTurn(r.log).reactions).toEqual(["named_feeling"]);
    expect(temperAfter(r.log)).toBe(start - 2);
  });

  it("a feeling ticked but not said out loud raises it", () => {
    const r = run().open().validate(undefined, true);
    expect(lastTurn(r.log).reactions).toEqual(["skipped_validation"]);
    expect(temperAfter(r.log)).toBe(start + 1);
  });

  it("an early sincere apology lowers it more than a late one", () => {
    const early = run().open().validate("That sounds really frustrating").apologise("I'm really sorry, that's not good enough.", 30);
    const late = run().open().validate("That sounds really frustrating").apologise("I'm really sorry, that's not good enough.", 400);
    expect(lastTurn(early.log).reactions).toEqual(["early_apology"]);
    expect(lastTurn(late.log).reactions).toContain("late_apology");
    expect(temperAfter(early.log)).toBeLessThan(temperAfter(late.log));
  });

  it("an apology with an excuse raises it", () => {
    const r = run().open().validate("That sounds really frustrating").apologise("Sorry, but we're short staffed tonight.");
    expect(lastTurn(r.log).reactions).toContain("excuse");
    expect(temperAfter(r.log)).toBeGreaterThan(start - 2);
  });

  it("real options lower it; a single option does not", () => {
    const base = () => run().open().validate("That sounds really frustrating").apologise("I'm so sorry about that.");
    const two = base().options("Cook a fresh steak now", "Take the steak off the bill");
    const one = base().options("Cook a fresh steak now");
    expect(lastTurn(two.log).reactions).toEqual(["real_options"]);
    expect(lastTurn(one.log).reactions).toEqual(["thin_options"]);
    expect(temperAfter(two.log)).toBeLessThan(temperAfter(one.log));
  });

  it('a bare no ("No, we don\'t do that" with "Nothing else") raises it; a gracious no does not', () => {
    const base = () => run().open().validate("That sounds really frustrating").apologise("I'm so sorry about that.");
    const bare = base().decline("No, we don't do that.", "Nothing else");
    const gracious = base().decline(
      "The rest of the meal was served as ordered, so the whole meal isn't something I can take off",
      "Dessert and coffee on the house",
    );
    expect(lastTurn(bare.log).reactions).toContain("bare_no");
    expect(lastTurn(gracious.log).reactions).toEqual(["gracious_no"]);
    expect(temperAfter(bare.log)).toBeGreaterThan(temperAfter(gracious.log));
  });

  it("a fair remedy lowers it; a stingy one or none after our failure raises it", () => {
    const base = () =>
      run()
        .open()
        .validate("That sounds frustrating")
        .apologise("I'm so sorry.")
        .options("Cook a fresh steak", "Bring the dessert menu")
        .agree("Cook a fresh steak");
    expect(lastTurn(base().offer(1200).log).reactions).toEqual(["fair_remedy"]);
    expect(lastTurn(base().offer(100).log).reactions).toEqual(["stingy_remedy"]);
    expect(lastTurn(base().skip("Nothing more to give").log).reactions).toEqual(["no_remedy"]);
  });

  it("a long silence raises it", () => {
    const r = run()
      .open()
      .add({ type: "feeling_validated", data: { feeling: "frustrated", acknowledged: true, words: "That sounds frustrating" } }, 200);
    expect(lastTurn(r.log).reactions).toEqual(["silence", "named_feeling"]);
  });

  it("vents again when angry, and ignoring it makes it worse; hearing them again calms it", () => {
    const angry = run().open().say("Calm down, it's only a side dish");
    const turn = lastTurn(angry.log);
    expect(turn.temper).toBeGreaterThanOrEqual(VENT_AT);
    expect(turn.vent).toBe(true);
    expect(turn.say).toContain(FACTS.words);
    expect(sim(angry.log).venting).toBe(true);

    const ignored = run().open().say("Calm down, it's only a side dish").validate("That sounds frustrating");
    expect(lastTurn(ignored.log).reactions).toEqual(["named_feeling", "ignored_vent"]);

    const listened = run().open().say("Calm down, it's only a side dish").vented();
    expect(lastTurn(listened.log).reactions).toEqual(["heard_again"]);
    expect(sim(listened.log).venting).toBe(false);
  });

  it("walks out when pushed too far, and hears nothing after", () => {
    const r = run().open().say("Calm down, it's only a side dish").say("It's company policy").say("We're short staffed");
    const s = sim(r.log);
    expect(s.walkedOut).toBe(true);
    expect(s.temper).toBe(WALK_OUT_AT);
    const after = sim(r.add({ type: "note_added", data: { text: "I'm so sorry" } }).log);
    expect(after.turns.length).toBe(s.turns.length);
  });

  it("refuses the read-back when nothing real was offered, accepts a fair agreement", () => {
    const poor = run()
      .open()
      .validate("That sounds frustrating")
      .apologise("I'm so sorry.")
      .decline("No, we don't do that.", "Nothing else")
      .options("Cook a fresh steak")
      .agree("Cook a fresh steak")
      .skip("Not needed");
    const good = run()
      .open()
      .validate("That sounds frustrating")
      .apologise("I'm so sorry.")
      .options("Cook a fresh steak now", "Take the steak off the bill")
      .agree("Cook a fresh steak now")
      .offer(1200);
    const poorState = { ...fold(poor.log), phase: "confirm" as const };
    const goodState = { ...fold(good.log), phase: "confirm" as const };
    const no = readbackAnswer(FACTS, sim(poor.log), poorState, SEED);
    expect(no.accepted).toBe(false);
    expect(no.comment).toBeTruthy();
    expect(readbackAnswer(FACTS, sim(good.log), goodState, SEED)).toMatchObject({ accepted: true, why: "accepted" });
  });

  it('counts a remedy agreed at Solve ("take it off the bill") as something real', () => {
    const r = run()
      .open()
      .validate("That sounds frustrating")
      .apologise("I'm so sorry.")
      .options("Take the steak off the bill", "Cook a fresh one")
      .agree("Take the steak off the bill")
      .skip("Already taken off the bill");
    expect(lastTurn(r.log).reactions).toEqual(["neutral"]);
    expect(readbackAnswer(FACTS, sim(r.log), { ...fold(r.log), phase: "confirm" }, SEED).accepted).toBe(true);
  });

  it("is deterministic for a seed, and the seed varies the words, not the reactions", () => {
    const r = run().open().say("We're short staffed").validate("That sounds frustrating").apologise("I'm so sorry.");
    expect(sim(r.log, 7)).toEqual(sim(r.log, 7));
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8].map((s) => sim(r.log, s));
    expect(new Set(seeds.map((s) => s.turns.map((t) => t.reactions.join()).join("|"))).size).toBe(1);
    expect(new Set(seeds.map((s) => s.turns.map((t) => t.say).join("|"))).size).toBeGreaterThan(1);
    expect(seedFrom("run-1")).toBe(seedFrom("run-1"));
    expect(seedFrom("run-1")).not.toBe(seedFrom("run-2"));
  });

  it("never states the answers: no category, severity or feeling label, no hint about the real case", () => {
    const r = run()
      .open()
      .say("We're short staffed")
      .validate(undefined)
      .apologise("Sorry, but it's policy.")
      .decline("No.", "Nothing else")
      .options("Cook a fresh steak")
      .agree("Cook a fresh steak")
      .skip("No");
    const said = [
      ...[1, 2, 3].flatMap((seed) => sim(r.log, seed).turns.map((t) => t.say)),
      customerPrompt(FACTS, sim(r.log), { ...fold(r.log), phase: "solve" }, 1) ?? "",
    ].join("\n");
    expect(said).not.toMatch(/real case|original|staff member heard/i);
    for (const label of [...Object.values(SEVERITY_LABELS), CATEGORY_LABELS.food_quality, FEELING_LABELS.frustrated]) {
      expect(said.toLowerCase()).not.toContain(label.toLowerCase());
    }
  });

  it("plays from a real case's log: its words, spot, mood and refused requests", () => {
    const source = recordScript(scriptCase({ sayNo: true, mood: "furious", spot: "Table 9", ourFault: false }));
    const facts = customerFacts(source)!;
    expect(facts).toMatchObject({ spot: "Table 9", mood: "furious", requests: ["Make the whole meal free"], ourFault: false });
    expect(customerPrompt(facts, simulateCustomer(facts, [], 1), { ...fold(heard), phase: "solve" }, 1)).toBe("“Make the whole meal free”");
  });
});
