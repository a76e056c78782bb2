// The read-back is the promise the customer reads. Over random event logs that reach Confirm —
// several rounds of agreement ended by "not quite", say-nos, calls to the table, remedies within
// the limit, approved as asked, counter-offered, declined, skipped, venting, edited actions, and
// random steps the playbook may refuse — every read-back at Confirm names the option agreed now,
// the approved remedy's value and no other amount, each current action exactly once with its
// owner and time, nothing from a superseded round, and only sentences built by construction.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withOwnLimit } from "./authority";
import { PLAYBOOK_REVISION, playbookEventSchema, type Actor, type PlaybookEvent, type RecordedEvent } from "./events";
import { fold } from "./machine";
import { formatMoney } from "./money";
import { asItem, buildReadback, formatDue, NO_REMEDY, NOTHING_AGREED, READBACK_LABELS, remedyText, type DueFormat } from "./readback";
import { replayStates } from "./replay";
import { settledCompensation, type CaseState } from "./state";
import { arbitraryPlaybookEvent, acceptedPrefix } from "@/tests/support/playbook/arbitraries";
import { COMPENSATION_KINDS, type CompensationKind } from "./vocabulary";

const STAFF: Actor = { id: "staff-1", role: "staff" };
const MANAGER: Actor = { id: "manager-1", role: "manager" };
const STAFF_LIMIT = 2000;
const MANAGER_LIMIT = 20000;

// Free text as staff type it: verb phrases, noun phrases (the "We will a refund…" trap), first
// person, trailing full stops, quotes. No money amounts: every amount the read-back shows must
// come from the remedy's typed value.
const OPTION_WORDS = [
  "a refund for the two iced teas",
  "pan-roasted sea bass with the same sauce",
  "Cook a fresh burger now",
  "take it off the bill.",
  "Move you to a quieter table",
  "a new burger, cooked through",
  "We'll bring the dessert menu",
  "“Chef's special” on the house",
];
const ACTION_WORDS = [
  "Bring the fresh steak to the table",
  "a refund to the card used tonight.",
  "I'll check back after the main course",
  "Chef to remake the sauce",
  "call the guest tomorrow morning",
  "DJ turns the music down",
  "new towels for room 204!",
];
const REMEDY_WORDS = ["Desserts on the house for the table", "Money off the table's bill", "A bottle of wine next time.", "Drinks on us"];
const OWNERS = ["Amira", "me", "the bar team", "Duty manager", "Housekeeping", "I"];

/** Each text carries a tag unique to its round and place, so where it shows up can be checked. */
const tagged = (words: string, tag: string) => `${words} [${tag}]`;

type RemedyPlan =
  | { kind: "skip" }
  | { kind: "within"; value: number; remedyKind: CompensationKind; words: number }
  | { kind: "approved"; value: number; remedyKind: CompensationKind; words: number }
  | { kind: "counter"; value: number; counterValue: number; remedyKind: CompensationKind; counterKind: CompensationKind; words: number }
  | { kind: "declined-then-within"; value: number; then: number; remedyKind: CompensationKind; words: number }
  | { kind: "by-manager"; value: number; remedyKind: CompensationKind; words: number };

type RoundPlan = {
  options: number[];
  sayNo: boolean;
  escalate: "approved" | "declined" | null;
  pick: number;
  remedy: RemedyPlan;
  ventAt: "solve" | "compensate" | "confirm" | null;
  actions: { words: number; owner: number; dueInMinutes: number }[];
  editActions: boolean;
  end: "refused" | "accepted" | "stop";
};

const kind = fc.constantFrom(...COMPENSATION_KINDS);
const words = (pool: readonly string[]) => fc.nat({ max: pool.length - 1 });
const remedyPlan: fc.Arbitrary<RemedyPlan> = fc.oneof(
  fc.constant({ kind: "skip" as const }),
  fc.record({
    kind: fc.constant("within" as const),
    value: fc.integer({ min: 0, max: STAFF_LIMIT }),
    remedyKind: kind,
    words: words(REMEDY_WORDS),
  }),
  fc.record({
    kind: fc.constant("approved" as const),
    value: fc.integer({ min: STAFF_LIMIT + 1, max: MANAGER_LIMIT }),
    remedyKind: kind,
    words: words(REMEDY_WORDS),
  }),
  fc.record({
    kind: fc.constant("counter" as const),
    value: fc.integer({ min: STAFF_LIMIT + 1, max: 50_000 }),
    counterValue: fc.integer({ min: 0, max: MANAGER_LIMIT }),
    remedyKind: kind,
    counterKind: kind,
    words: words(REMEDY_WORDS),
  }),
  fc.record({
    kind: fc.constant("declined-then-within" as const),
    value: fc.integer({ min: STAFF_LIMIT + 1, max: 50_000 }),
    then: fc.integer({ min: 0, max: STAFF_LIMIT }),
    remedyKind: kind,
    words: words(REMEDY_WORDS),
  }),
  fc.record({
    kind: fc.constant("by-manager" as const),
    value: fc.integer({ min: 0, max: MANAGER_LIMIT }),
    remedyKind: kind,
    words: words(REMEDY_WORDS),
  }),
);
const roundPlan: fc.Arbitrary<RoundPlan> = fc.record({
  options: fc.array(words(OPTION_WORDS), { minLength: 1, maxLength: 3 }),
  sayNo: fc.boolean(),
  escalate: fc.constantFrom("approved" as const, "declined" as const, null, null),
  pick: fc.nat(),
  remedy: remedyPlan,
  ventAt: fc.constantFrom("solve" as const, "compensate" as const, "confirm" as const, null, null, null),
  actions: fc.array(
    fc.record({ words: words(ACTION_WORDS), owner: words(OWNERS), dueInMinutes: fc.integer({ min: 5, max: 3 * 24 * 60 }) }),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  editActions: fc.boolean(),
  end: fc.constantFrom("refused" as const, "refused" as const, "accepted" as const, "stop" as const),
});

type Step = { event: PlaybookEvent; actor: Actor };

/** The steps of a complaint that goes through the planned rounds of agreement. */
function stepsFor(rounds: RoundPlan[]): Step[] {
  const steps: Step[] = [];
  const staff = (event: PlaybookEvent) => steps.push({ event: withOwnLimit(event, STAFF_LIMIT), actor: STAFF });
  const manager = (event: PlaybookEvent) => steps.push({ event: withOwnLimit(event, MANAGER_LIMIT), actor: MANAGER });
  const vent = () => {
    staff({ type: "customer_vented", data: { backTo: "validate" } });
    staff({ type: "feeling_validated", data: { feeling: "frustrated", acknowledged: true } });
  };
  staff({
    type: "case_opened",
    data: { reference: "PROP", locationId: "loc-1", authorityLimitCents: STAFF_LIMIT, practice: false, revision: PLAYBOOK_REVISION },
  });
  staff({
    type: "complaint_heard",
    data: { customerWords: "The burger was raw in the middle.", category: "food_quality", severity: 3, spot: "Table 4", mood: "angry" },
  });
  staff({ type: "feeling_validated", data: { feeling: "let_down", acknowledged: true } });
  staff({ type: "apology_given", data: { sincere: true, ourFault: true } });
  const offered: string[] = [];
  let compensationId = 0;
  rounds.forEach((plan, r) => {
    const round = r + 1;
    const options = plan.options.map((w, k) => tagged(OPTION_WORDS[w], `r${round}o${k}`));
    staff({ type: "options_offered", data: { options } });
    offered.push(...options);
    if (plan.sayNo) {
      const alternative = tagged(OPTION_WORDS[(plan.pick + 1) % OPTION_WORDS.length], `r${round}alt`);
      staff({
        type: "request_declined",
        data: { request: "The whole meal free", reason: "That is beyond what I can give.", alternatives: [alternative] },
      });
      offered.push(alternative);
    }
    if (plan.escalate) {
      staff({ type: "escalation_requested", data: { reason: "They want the manager." } });
      const option = tagged("A table for two next week, on us", `r${round}mgr`);
      manager({
        type: "manager_decided",
        data: plan.escalate === "approved" ? { decision: "approved", option } : { decision: "declined", note: "What we offered is fair." },
      });
      if (plan.escalate === "approved") offered.push(option);
    }
    if (plan.ventAt === "solve") vent();
    staff({ type: "solution_agreed", data: { option: offered[plan.pick % offered.length] } });
    if (plan.ventAt === "compensate") vent();
    const id = () => `comp-${++compensationId}`;
    const remedy = plan.remedy;
    const remedyWords = remedy.kind === "skip" ? "" : tagged(REMEDY_WORDS[remedy.words], `r${round}rem`);
    switch (remedy.kind) {
      case "skip":
        staff({ type: "compensation_skipped", data: { reason: "They did not want anything extra." } });
        break;
      case "within":
        staff({
          type: "compensation_offered",
          data: { id: id(), kind: remedy.remedyKind, description: remedyWords, valueCents: remedy.value },
        });
        break;
      case "approved":
        staff({
          type: "compensation_offered",
          data: { id: id(), kind: remedy.remedyKind, description: remedyWords, valueCents: remedy.value },
        });
        manager({ type: "manager_decided", data: { decision: "approved" } });
        break;
      case "counter":
        staff({
          type: "compensation_offered",
          data: { id: id(), kind: remedy.remedyKind, description: remedyWords, valueCents: remedy.value },
        });
        manager({
          type: "manager_decided",
          data: {
            decision: "approved",
            note: "This is what I can do.",
            remedy: {
              kind: remedy.counterKind,
              description: tagged("What the manager approved", `r${round}counter`),
              valueCents: remedy.counterValue,
            },
          },
        });
        break;
      case "declined-then-within":
        staff({
          type: "compensation_offered",
          data: { id: id(), kind: remedy.remedyKind, description: tagged("The whole bill", `r${round}big`), valueCents: remedy.value },
        });
        manager({ type: "manager_decided", data: { decision: "declined", note: "Too much for this." } });
        staff({
          type: "compensation_offered",
          data: { id: id(), kind: remedy.remedyKind, description: remedyWords, valueCents: remedy.then },
        });
        break;
      case "by-manager":
        manager({
          type: "compensation_offered",
          data: { id: id(), kind: remedy.remedyKind, description: remedyWords, valueCents: remedy.value },
        });
        break;
    }
    const start = Date.UTC(2025, 5, 1, 19, 0);
    const actions = plan.actions.map((a, k) => ({
      id: `r${round}a${k}`,
      description: tagged(ACTION_WORDS[a.words], `r${round}a${k}`),
      owner: OWNERS[a.owner],
      dueAt: new Date(start + a.dueInMinutes * 60_000).toISOString(),
    }));
    staff({ type: "actions_agreed", data: { actions } });
    if (plan.editActions) {
      // The last action rewritten before the read-back: only the new words may show.
      const edited = actions.map((a, k) =>
        k === actions.length - 1 ? { ...a, id: `${a.id}e`, description: tagged(ACTION_WORDS[0], `r${round}a${k}e`) } : a,
      );
      staff({ type: "actions_agreed", data: { actions: edited } });
    }
    if (plan.ventAt === "confirm") vent();
    if (plan.end === "refused") staff({ type: "readback_answered", data: { accepted: false, comment: "That's not quite it." } });
    if (plan.end === "accepted") staff({ type: "readback_answered", data: { accepted: true } });
  });
  return steps;
}

/** The planned steps with random steps slipped in (most of which the playbook refuses). */
const arbitraryLog: fc.Arbitrary<RecordedEvent[]> = fc
  .record({
    rounds: fc.array(roundPlan, { minLength: 1, maxLength: 4 }),
    noise: fc.array(fc.record({ at: fc.nat(), event: arbitraryPlaybookEvent(), byManager: fc.boolean() }), { maxLength: 6 }),
  })
  .map(({ rounds, noise }) => {
    const steps = stepsFor(rounds);
    for (const n of noise) {
      const actor = n.byManager ? MANAGER : STAFF;
      steps.splice(1 + (n.at % steps.length), 0, { event: withOwnLimit(n.event, n.byManager ? MANAGER_LIMIT : STAFF_LIMIT), actor });
    }
    const start = Date.UTC(2025, 5, 1, 18, 30);
    return steps.map(({ event, actor }, i) => ({ ...event, at: new Date(start + i * 30_000), actor }) as RecordedEvent);
  });

const MONEY = /£\d[\d,]*\.\d\d/g;
const TAG = /\[(r\d+[a-z]+\d*e?)\]/g;
const FORMAT: DueFormat = { timeZone: "Europe/London" };
const REMEDY_TEXTS = COMPENSATION_KINDS.flatMap((k) => [remedyText(k, 0), remedyText(k, 1)]).map((t) => t.replace("£0.01", "£MONEY"));

/** Every sentence of a read-back, matched against the templates it may be built from. */
function assertBuiltByConstruction(line: string): void {
  expect(line).not.toMatch(/\bWe will\b/);
  expect(line).not.toMatch(/\.\.(?!\.)|\.”\.|\s[.,]|\s{2}/);
  if (line === NOTHING_AGREED || line === NO_REMEDY) return;
  if (line.startsWith(`${READBACK_LABELS.agreed}: `)) return;
  if (line.startsWith(`${READBACK_LABELS.remedy}: `)) {
    const body = line.slice(READBACK_LABELS.remedy.length + 2).replace(MONEY, "£MONEY");
    const template = REMEDY_TEXTS.find((t) => body.startsWith(`${t} (“`));
    expect(template, `remedy line "${line}" is not built from a kind and a value`).toBeDefined();
    expect(body.endsWith("”)")).toBe(true);
    return;
  }
  expect(line).toMatch(
    /^\S.* — (?:I|\S.*) will see to it by (?:today|tomorrow|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}) at \d\d:\d\d\.$/,
  );
}

function checkReadback(state: CaseState, log: readonly RecordedEvent[]): void {
  const readback = buildReadback(state, FORMAT);
  const text = readback.lines.join("\n");

  // The option agreed now, as agreed.
  if (state.chosenOption) {
    expect(readback.agreed).toBe(state.chosenOption);
    expect(readback.lines[0]).toBe(`${READBACK_LABELS.agreed}: ${asItem(state.chosenOption)}`);
  } else {
    expect(readback.lines[0]).toBe(NOTHING_AGREED);
  }

  // The approved remedy's value, and no other amount anywhere.
  const settled = settledCompensation(state);
  const amounts = text.match(MONEY) ?? [];
  if (settled && settled.valueCents > 0) expect(amounts).toEqual([formatMoney(settled.valueCents)]);
  else expect(amounts).toEqual([]);
  if (settled) expect(readback.lines[1]).toContain(remedyText(settled.kind, settled.valueCents));
  else expect(readback.lines[1]).toBe(NO_REMEDY);

  // Each current action exactly once, with its owner and time.
  expect(readback.actions.map((a) => a.id)).toEqual(state.actions.map((a) => a.id));
  expect(readback.lines).toHaveLength(2 + state.actions.length);
  state.actions.forEach((action, i) => {
    const line = readback.lines[2 + i];
    expect(line.startsWith(asItem(action.description))).toBe(true);
    expect(line).toContain(` by ${formatDue(action.dueAt, FORMAT)}.`);
    expect(line).toContain(
      /^(me|myself|i)$/i.test(action.owner) ? "I will" : `${action.owner.charAt(0).toUpperCase()}${action.owner.slice(1)} will`,
    );
  });

  // Every tagged text on it is current: agreed now, this round's remedy, or an action now.
  const current = new Set<string>();
  for (const words of [state.chosenOption, settled?.description, ...state.actions.map((a) => a.description)]) {
    for (const match of (words ?? "").matchAll(TAG)) current.add(match[1]);
  }
  const shown = [...text.matchAll(TAG)].map((m) => m[1]);
  for (const tag of shown) expect(current.has(tag), `"${tag}" is on the read-back but not agreed now`).toBe(true);
  expect(new Set(shown).size).toBe(shown.length); // nothing twice
  // Nothing from a superseded round (unless it was agreed again now).
  // Untagged words (the arbitrary's plain "Bring a new dish") count as agreed again when the same
  // words are agreed now.
  const currentWords = new Set([state.chosenOption, settled?.description, ...state.actions.map((a) => a.description)]);
  for (const old of state.superseded) {
    for (const words of [old.chosenOption, old.remedy?.description, ...old.actions.map((a) => a.description)]) {
      if (!words || currentWords.has(words)) continue;
      if (!words.match(TAG)?.some((t) => current.has(t.slice(1, -1)))) expect(text).not.toContain(asItem(words));
    }
  }

  for (const line of readback.lines) assertBuiltByConstruction(line);

  // A reload or a replay reads the same words: the log as stored, parsed again, folds the same.
  const reloaded = log.map((e) => {
    const parsed = playbookEventSchema.parse(JSON.parse(JSON.stringify({ type: e.type, data: e.data })));
    return { ...parsed, at: new Date(e.at.toISOString()), actor: e.actor } as RecordedEvent;
  });
  expect(buildReadback(fold(reloaded), FORMAT)).toEqual(readback);
  expect(buildReadback(replayStates(reloaded).at(-1) ?? state, FORMAT)).toEqual(readback);
}

describe("the read-back, over random event logs that reach Confirm", () => {
  it("promises only what is agreed now, each part once, in sentences built by construction", () => {
    let reachedConfirm = 0;
    let afterRefusal = 0;
    let counterOffers = 0;
    fc.assert(
      fc.property(arbitraryLog, (log) => {
        const { accepted } = acceptedPrefix(log);
        let state: CaseState | undefined;
        accepted.forEach((event, i) => {
          state = fold(accepted.slice(0, i + 1));
          if (state.phase !== "confirm") return;
          reachedConfirm++;
          if (state.round > 1) afterRefusal++;
          if (settledCompensation(state)?.requested) counterOffers++;
          checkReadback(state, accepted.slice(0, i + 1));
        });
      }),
      { numRuns: 300 },
    );
    // The generator does reach what the property is about.
    expect(reachedConfirm).toBeGreaterThan(300);
    expect(afterRefusal).toBeGreaterThan(50);
    expect(counterOffers).toBeGreaterThan(20);
  });
});
