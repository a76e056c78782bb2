// fast-check generators of case logs: scripted walkthroughs (valid steps and detours)
// disturbed by random, out-of-order, duplicated, dropped and mis-attributed events.
import fc from "fast-check";
import type { Actor, PlaybookEvent, RecordedEvent } from "@/lib/playbook/events";
import { transition, type Refusal } from "@/lib/playbook/machine";
import { initialState, type CaseState } from "@/lib/playbook/state";
import { CATEGORIES, COMPENSATION_KINDS, FEELINGS, MOODS, SEVERITIES, STAGES, type Role } from "@/lib/playbook/vocabulary";
import { recorded, SCRIPT_TEXT, scriptCase, type ScriptOptions, type VentStage } from "./walkthrough";

export type SequenceOptions = {
  /** Ids of users who act as staff; they must exist when events are stored. */
  staffIds?: string[];
  /** Ids of users who act as managers. */
  managerIds?: string[];
  locationId?: string;
  /** Root-cause slugs the generated tags are drawn from (they must exist when stored). */
  rootCauseTags?: string[];
  /** Prefix of the case reference and of every compensation and action id (see `withFreshIds`). */
  idPrefix?: string;
  /** Most disturbances applied to the scripted walkthrough. */
  maxMutations?: number;
  /** Keep the scripted case_opened as the first event (default true). */
  keepOpening?: boolean;
  /** Earliest and latest first timestamp. */
  from?: Date;
  to?: Date;
};

const DEFAULT_TAGS = ["kitchen_timing", "staffing", "communication"];
const OPTION_POOL: string[] = [...SCRIPT_TEXT.options, SCRIPT_TEXT.alternative, SCRIPT_TEXT.managerOption];
const NEVER_OFFERED = "Something nobody offered";
/** Ids of generated actions and of the scripted ones (`scriptCase` with its default id), plus one never agreed. */
const ACTION_IDS = ["action-0", "action-1", "case-1-action-1", "case-1-action-2", "action-never"];

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const words = fc.constantFrom("The soup was cold.", "We waited an hour.", "Nobody came to our table.", "The bill was wrong.");
const mostly = (value: boolean) => fc.oneof({ arbitrary: fc.constant(value), weight: 4 }, { arbitrary: fc.constant(!value), weight: 1 });

/** Any schema-valid event, with data that sometimes meets the playbook's guards and sometimes not. */
export function arbitraryPlaybookEvent(options: SequenceOptions = {}): fc.Arbitrary<PlaybookEvent> {
  const tags = options.rootCauseTags ?? DEFAULT_TAGS;
  const cents = fc.oneof(fc.constantFrom(0, 500, 1999, 2000, 2001, 5000), fc.integer({ min: 0, max: 10_000 }));
  const events: fc.Arbitrary<PlaybookEvent>[] = [
    fc
      .record({
        reference: fc.constant("GEN"),
        locationId: fc.constant(options.locationId ?? "location-1"),
        authorityLimitCents: fc.constantFrom(0, 1000, 2000, 5000),
        practice: fc.boolean(),
      })
      .map((data) => ({ type: "case_opened" as const, data })),
    fc
      .record({
        customerWords: words,
        category: fc.constantFrom(...CATEGORIES),
        severity: fc.constantFrom(...SEVERITIES),
        spot: fc.constantFrom("Table 3", "Bar", "Room 204"),
        mood: fc.constantFrom(...MOODS),
      })
      .map((data) => ({ type: "complaint_heard" as const, data })),
    fc
      .record({ feeling: fc.constantFrom(...FEELINGS), acknowledged: mostly(true), words: maybe(words) })
      .map((data) => ({ type: "feeling_validated" as const, data })),
    fc
      .record({ sincere: mostly(true), ourFault: fc.boolean(), words: maybe(fc.constant("I am so sorry.")) })
      .map((data) => ({ type: "apology_given" as const, data })),
    fc
      .record({ facts: maybe(words), options: fc.subarray(OPTION_POOL, { minLength: 1, maxLength: 3 }) })
      .map((data) => ({ type: "options_offered" as const, data })),
    fc
      .record({
        request: fc.constant(SCRIPT_TEXT.declinedRequest),
        reason: fc.constant("We cannot do that."),
        alternatives: fc.subarray(OPTION_POOL, { minLength: 1, maxLength: 2 }),
      })
      .map((data) => ({ type: "request_declined" as const, data })),
    fc.constant({ type: "escalation_requested" as const, data: { reason: "The customer wants the manager." } }),
    fc
      .record({
        decision: fc.constantFrom("approved" as const, "declined" as const),
        note: maybe(fc.constant("Decided.")),
        option: maybe(fc.constantFrom(...OPTION_POOL)),
      })
      .map((data) => ({ type: "manager_decided" as const, data })),
    fc.record({ option: fc.constantFrom(...OPTION_POOL, NEVER_OFFERED) }).map((data) => ({ type: "solution_agreed" as const, data })),
    fc
      .record({
        id: fc.constant("comp"),
        kind: fc.constantFrom(...COMPENSATION_KINDS),
        description: fc.constantFrom("Dessert on the house", "Refund the bill", "Voucher"),
        valueCents: cents,
      })
      .map((data) => ({ type: "compensation_offered" as const, data })),
    fc.constant({ type: "compensation_skipped" as const, data: { reason: "Nothing more was wanted." } }),
    fc
      .array(fc.constantFrom("Bring a new dish", "Correct the bill", "Call back tomorrow"), { minLength: 1, maxLength: 3 })
      .map((descriptions) => ({
        type: "actions_agreed" as const,
        data: {
          actions: descriptions.map((description, index) => ({
            id: `action-${index}`,
            description,
            owner: "Shift lead",
            dueAt: "2030-01-01T12:00:00.000Z",
          })),
        },
      })),
    fc
      .record({ accepted: mostly(true), comment: maybe(fc.constant("Not quite.")) })
      .map((data) => ({ type: "readback_answered" as const, data })),
    fc
      .record({
        tags: fc.subarray(tags, { minLength: 1, maxLength: Math.min(5, tags.length) }),
        note: maybe(fc.constant("Train the team.")),
      })
      .map((data) => ({ type: "root_causes_tagged" as const, data })),
    fc.constant({ type: "case_closed" as const, data: {} }),
    fc
      .record({ backTo: fc.constantFrom("listen" as const, "validate" as const), note: maybe(words) })
      .map((data) => ({ type: "customer_vented" as const, data })),
    fc.constant({ type: "note_added" as const, data: { text: "Customer is a regular." } }),
    fc.constant({ type: "case_abandoned" as const, data: { reason: "The customer left." } }),
    fc
      .record({
        actionId: fc.constantFrom(...ACTION_IDS),
        status: maybe(fc.constantFrom("open" as const, "done" as const)),
        owner: maybe(fc.constant("Duty manager")),
        dueAt: maybe(fc.constant("2030-02-01T09:00:00.000Z")),
        note: maybe(fc.constant("Followed up.")),
      })
      .map((data) => ({ type: "action_updated" as const, data })),
    fc.constant({ type: "manager_note_added" as const, data: { text: "Spoke to the team." } }),
    fc.constant({ type: "case_reopened" as const, data: { reason: "The customer called back." } }),
  ];
  return fc.oneof(...events);
}

/** Options for `scriptCase`, covering every detour it knows. */
export function arbitraryScriptOptions(options: SequenceOptions = {}): fc.Arbitrary<ScriptOptions> {
  const tags = options.rootCauseTags ?? DEFAULT_TAGS;
  const ventStages: VentStage[] = ["apologise", "solve", "compensate", "confirm", "prevent"];
  return fc.record({
    locationId: fc.constant(options.locationId ?? "location-1"),
    authorityLimitCents: fc.constantFrom(0, 1000, 2000, 5000),
    practice: fc.boolean(),
    category: fc.constantFrom(...CATEGORIES),
    severity: fc.constantFrom(...SEVERITIES),
    mood: fc.constantFrom(...MOODS),
    feeling: fc.constantFrom(...FEELINGS),
    ourFault: fc.boolean(),
    sayNo: fc.boolean(),
    escalate: maybe(fc.constantFrom("approved" as const, "declined" as const)),
    compensationCents: fc.oneof(fc.constant("skip" as const), fc.constantFrom(0, 500, 2000, 4500)),
    compensationKind: fc.constantFrom(...COMPENSATION_KINDS),
    compensationByManager: mostly(false),
    compensationDeclinedOnce: mostly(false),
    readbackRefusedOnce: mostly(false),
    ventAt: maybe(fc.constantFrom(...ventStages)),
    ventBackTo: fc.constantFrom("listen" as const, "validate" as const),
    note: maybe(fc.constant("Birthday dinner.")),
    rootCauses: fc.subarray(tags, { minLength: 1, maxLength: Math.min(5, tags.length) }),
    abandonAt: fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: fc.constantFrom(...STAGES), weight: 1 }),
  });
}

type Step = { event: PlaybookEvent; role: Role; pick: number };
type Mutation =
  | { kind: "insert"; at: number; step: Step }
  | { kind: "drop"; at: number }
  | { kind: "swap"; at: number }
  | { kind: "duplicate"; at: number }
  | { kind: "actor"; at: number; role: Role };

const roles = fc.oneof({ arbitrary: fc.constant<Role>("staff"), weight: 3 }, { arbitrary: fc.constant<Role>("manager"), weight: 1 });

function applyMutation(steps: Step[], mutation: Mutation, keepOpening: boolean): Step[] {
  const first = keepOpening ? 1 : 0;
  const span = steps.length - first;
  const next = [...steps];
  if (mutation.kind === "insert") {
    next.splice(first + (mutation.at % (span + 1)), 0, mutation.step);
    return next;
  }
  if (span <= 0) return next;
  const at = first + (mutation.at % span);
  switch (mutation.kind) {
    case "drop":
      next.splice(at, 1);
      break;
    case "duplicate":
      next.splice(at, 0, next[at]);
      break;
    case "swap":
      if (at + 1 < next.length) [next[at], next[at + 1]] = [next[at + 1], next[at]];
      break;
    case "actor":
      next[at] = { ...next[at], role: mutation.role };
      break;
  }
  return next;
}

/**
 * Gives a log ids no other case uses: every case_opened gets `prefix` as reference (at most
 * 20 characters), every compensation offer a new id (`prefix-comp-n`), and every agreed
 * action id becomes `prefix-id` (kept consistent between actions_agreed and action_updated).
 * The ids do not change how the log folds.
 */
export function withFreshIds(events: RecordedEvent[], prefix: string): RecordedEvent[] {
  let compensation = 0;
  const action = (id: string) => `${prefix}-${id}`.slice(0, 64);
  return events.map((event) => {
    switch (event.type) {
      case "case_opened":
        return { ...event, data: { ...event.data, reference: prefix.slice(0, 20) } };
      case "compensation_offered":
        return { ...event, data: { ...event.data, id: `${prefix}-comp-${++compensation}` } };
      case "actions_agreed":
        return { ...event, data: { ...event.data, actions: event.data.actions.map((a) => ({ ...a, id: action(a.id) })) } };
      case "action_updated":
        return { ...event, data: { ...event.data, actionId: action(event.data.actionId) } };
      default:
        return event;
    }
  });
}

/**
 * Random case logs: a scripted walkthrough (any mix of detours, possibly cut short) with
 * events inserted at random, dropped, duplicated, swapped or recorded by the wrong role.
 * Timestamps strictly increase; actors are staff or managers from the given ids.
 */
export function arbitraryEventSequence(options: SequenceOptions = {}): fc.Arbitrary<RecordedEvent[]> {
  const staffIds = options.staffIds ?? ["staff-1", "staff-2"];
  const managerIds = options.managerIds ?? ["manager-1"];
  const keepOpening = options.keepOpening ?? true;
  const from = (options.from ?? new Date("2025-01-01T00:00:00.000Z")).getTime();
  const to = (options.to ?? new Date("2026-01-01T00:00:00.000Z")).getTime();
  const step: fc.Arbitrary<Step> = fc.record({ event: arbitraryPlaybookEvent(options), role: roles, pick: fc.nat() });
  const at = fc.nat();
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant("insert" as const), at, step }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant("drop" as const), at }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("swap" as const), at }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("duplicate" as const), at }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("actor" as const), at, role: roles }), weight: 1 },
  );
  return fc
    .record({
      script: arbitraryScriptOptions(options),
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      cut: fc.oneof({ arbitrary: fc.constant(null), weight: 7 }, { arbitrary: fc.nat(), weight: 3 }),
      mutations: fc.array(mutation, { maxLength: options.maxMutations ?? 8 }),
      start: fc.integer({ min: from, max: to }),
      gaps: fc.array(fc.integer({ min: 1, max: 15 * 60_000 }), { minLength: 1, maxLength: 8 }),
    })
    .map(({ script, picks, cut, mutations, start, gaps }) => {
      const { events, managerEventIndexes } = scriptCase(script);
      const managers = new Set(managerEventIndexes);
      let steps: Step[] = events.map((event, index) => ({
        event,
        role: managers.has(index) ? "manager" : "staff",
        pick: picks[index % picks.length],
      }));
      if (cut !== null) steps = steps.slice(0, 1 + (cut % steps.length));
      steps = mutations.reduce((current, m) => applyMutation(current, m, keepOpening), steps);
      let time = start;
      const log = steps.map(({ event, role, pick }, index) => {
        time += index === 0 ? 0 : gaps[index % gaps.length];
        const ids = role === "manager" ? managerIds : staffIds;
        const actor: Actor = { id: ids[pick % ids.length], role };
        return recorded(event, new Date(time), actor);
      });
      return withFreshIds(log, options.idPrefix ?? "GEN");
    });
}

export type AcceptedPrefix = {
  /** The events the playbook accepts, in order: what storage would keep. */
  accepted: RecordedEvent[];
  refused: { index: number; event: RecordedEvent; refusal: Refusal }[];
  /** The state after the accepted events (`fold(accepted)`). */
  state: CaseState;
};

/** Folds `events` through `transition`, skipping (and reporting) the ones it refuses. */
export function acceptedPrefix(events: readonly RecordedEvent[], from: CaseState = initialState): AcceptedPrefix {
  const accepted: RecordedEvent[] = [];
  const refused: AcceptedPrefix["refused"] = [];
  let state = from;
  events.forEach((event, index) => {
    const result = transition(state, event);
    if (result.ok) {
      accepted.push(event);
      state = result.state;
    } else {
      refused.push({ index, event, refusal: result });
    }
  });
  return { accepted, refused, state };
}
