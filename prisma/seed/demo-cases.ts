// Demo history: a few hundred realistic past complaints at the two demo locations, written
// through the real use-cases (openCase / appendEvent) with an injected clock, so every row is
// exactly what the app itself would have stored.
//
// Deterministic: a seeded PRNG (mulberry32, one stream per case) drives every choice, and each
// step has a fixed clientEventId (`seed-<case>-<step>`), so seeding twice writes nothing new.
// The shape of each case (which steps, in which order, who records them) comes from the
// walkthrough builder shared with the tests (tests/support/playbook/walkthrough.ts); this file
// only picks the variant, dresses it in real words and spreads it over realistic times.
import { appendEvent } from "@/lib/cases/append-event";
import { authorityLimitFor, openCase } from "@/lib/cases/open-case";
import type { Db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { z } from "zod";
import {
  CATEGORIES,
  COMPENSATION_KINDS,
  FEELINGS,
  MOODS,
  SEVERITIES,
  initialState,
  isProportionate,
  transition,
  type Actor,
  type AgreedActionInput,
  type CaseState,
  type Category,
  type CompensationKind,
  type EventType,
  type Feeling,
  type Mood,
  type PlaybookEvent,
  type Severity,
  type Stage,
} from "@/lib/playbook";
import { SCRIPT_TEXT, scriptCase, type ScriptOptions, type VentStage } from "@/tests/support/playbook/walkthrough";
import { actorFor } from "@/tests/support/actors";
import { DEMO_LOCATIONS, DEMO_USERS } from "./reference-data";
import hotelScenarios from "../seed-data/hotel-scenarios.json";
import phrases from "../seed-data/phrases.json";
import restaurantScenarios from "../seed-data/restaurant-scenarios.json";
import { DEFAULT_ROOT_CAUSES } from "./root-causes";

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

/** A small, fast, seeded PRNG: the same seed always gives the same sequence in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One independent stream per case, so case 7 is the same whether 40 or 320 are seeded. */
function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

class Dice {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Nothing to pick from");
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= item.weight;
      if (r < 0) return item;
    }
    return items[items.length - 1];
  }
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Content: what goes wrong at a restaurant and at a hotel, and how it is put right
// ---------------------------------------------------------------------------------------------

export type RootCauseSlug = (typeof DEFAULT_ROOT_CAUSES)[number]["slug"];
type Kind = "restaurant" | "hotel";
/** "{staff}" and "{manager}" in an owner are replaced by the names of the people on the case. */
type ActionSpec = { description: string; owner: string; dueMinutes: number };
type OptionSpec = { label: string; actions: ActionSpec[] };
type CompSpec = { kind: CompensationKind; description: string; valueCents: number; action?: ActionSpec };
type Cause = { facts: string; rootCauses: RootCauseSlug[]; prevention: string };
/** Local (Europe/London) hours; `to` may run past 24 into the small hours. */
type Window = { from: number; to: number; weight: number };

type Scenario = {
  key: string;
  kind: Kind;
  weight: number;
  category: Category;
  severities: Severity[];
  moods: Mood[];
  feelings: Feeling[];
  /** What the customer said, as they said it. */
  words: string[];
  spot: "table" | "room" | readonly string[];
  causes: Cause[];
  /** At least three; two or three are offered. */
  options: OptionSpec[];
  decline?: { request: string; reason: string; alternative: OptionSpec };
  managerOption: OptionSpec;
  /** Remedies, each proportionate to some severity (lib/playbook/remedies.ts). */
  compensation: CompSpec[];
  /** What a furious customer asks for first, which a manager turns down. */
  bigAsk?: CompSpec;
  ourFaultRate?: number;
  skipReasons?: string[];
  apologies?: string[];
  escalationReasons?: string[];
  escalationRate?: number;
  when?: Window[];
};

// The scenarios and the staff's and managers' words are data (prisma/seed-data/*.json), checked here as
// they are read so a mistyped category or a stray field fails the seed with a clear message.
const actionSpecSchema = z.strictObject({
  description: z.string().min(1),
  owner: z.string().min(1),
  dueMinutes: z.number().int().positive(),
});
const optionSpecSchema = z.strictObject({ label: z.string().min(1), actions: z.array(actionSpecSchema) });
const compSpecSchema = z.strictObject({
  kind: z.enum(COMPENSATION_KINDS),
  description: z.string().min(1),
  valueCents: z.number().int().nonnegative(),
  action: actionSpecSchema.optional(),
});
const rootCauseSlugs = DEFAULT_ROOT_CAUSES.map((c) => c.slug) as [RootCauseSlug, ...RootCauseSlug[]];
const scenarioSchema = z.strictObject({
  key: z.string().min(1),
  kind: z.enum(["restaurant", "hotel"]),
  weight: z.number().positive(),
  category: z.enum(CATEGORIES),
  severities: z.array(z.union(SEVERITIES.map((s) => z.literal(s)))).min(1),
  moods: z.array(z.enum(MOODS)).min(1),
  feelings: z.array(z.enum(FEELINGS)).min(1),
  words: z.array(z.string().min(1)).min(1),
  spot: z.union([z.literal("table"), z.literal("room"), z.array(z.string().min(1)).min(1)]),
  causes: z
    .array(z.strictObject({ facts: z.string().min(1), rootCauses: z.array(z.enum(rootCauseSlugs)).min(1), prevention: z.string().min(1) }))
    .min(1),
  options: z.array(optionSpecSchema).min(3),
  decline: z.strictObject({ request: z.string().min(1), reason: z.string().min(1), alternative: optionSpecSchema }).optional(),
  managerOption: optionSpecSchema,
  compensation: z.array(compSpecSchema).min(1),
  bigAsk: compSpecSchema.optional(),
  ourFaultRate: z.number().min(0).max(1).optional(),
  skipReasons: z.array(z.string().min(1)).min(1).optional(),
  apologies: z.array(z.string().min(1)).min(1).optional(),
  escalationReasons: z.array(z.string().min(1)).min(1).optional(),
  escalationRate: z.number().min(0).max(1).optional(),
  when: z
    .array(z.strictObject({ from: z.number(), to: z.number(), weight: z.number().positive() }))
    .min(1)
    .optional(),
});
const lines = z.array(z.string().min(1)).min(1);
const byKind = z.strictObject({ restaurant: lines, hotel: lines });
const phrasesSchema = z.strictObject({
  validations: z.record(z.enum(FEELINGS), lines),
  apologies: lines,
  apologiesNotOurFault: lines,
  escalationReasons: lines,
  authorityApproved: lines,
  authorityDeclined: lines,
  remedyApproved: lines,
  remedyDeclined: lines,
  skipReasons: lines,
  readbackRefusals: lines,
  readbackComments: lines,
  ventNotes: lines,
  caseNotes: byKind,
  abandonReasons: byKind,
  followUpNotes: lines,
  managerNotes: lines,
  followUpCall: actionSpecSchema,
});

const DAY_MIN = 24 * 60;

export const DEMO_SCENARIOS: readonly Scenario[] = z.array(scenarioSchema).parse([...restaurantScenarios, ...hotelScenarios]);

const PHRASES = phrasesSchema.parse(phrases);
const VALIDATIONS: Record<Feeling, string[]> = PHRASES.validations;
const APOLOGIES = PHRASES.apologies;
const APOLOGIES_NOT_OUR_FAULT = PHRASES.apologiesNotOurFault;
const ESCALATION_REASONS = PHRASES.escalationReasons;
const AUTHORITY_APPROVED = PHRASES.authorityApproved;
const AUTHORITY_DECLINED = PHRASES.authorityDeclined;
const REMEDY_APPROVED = PHRASES.remedyApproved;
const REMEDY_DECLINED = PHRASES.remedyDeclined;
const SKIP_REASONS = PHRASES.skipReasons;
const READBACK_REFUSALS = PHRASES.readbackRefusals;
const READBACK_COMMENTS = PHRASES.readbackComments;
const VENT_NOTES = PHRASES.ventNotes;
const CASE_NOTES: Record<Kind, string[]> = PHRASES.caseNotes;
const ABANDON_REASONS: Record<Kind, string[]> = PHRASES.abandonReasons;
const FOLLOW_UP_NOTES = PHRASES.followUpNotes;
const MANAGER_NOTES = PHRASES.managerNotes;
const FOLLOW_UP_CALL: ActionSpec = PHRASES.followUpCall;

// ---------------------------------------------------------------------------------------------
// Time: when complaints happen (Europe/London), and how long each step takes
// ---------------------------------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Sunday … Saturday: more complaints on Friday and Saturday. */
const WEEKDAY_WEIGHT = [1.1, 0.7, 0.75, 0.85, 1.0, 1.7, 1.9];
const RESTAURANT_WEEKDAY: Window[] = [
  { from: 12, to: 14.75, weight: 0.38 },
  { from: 18, to: 22.25, weight: 0.55 },
  { from: 15, to: 17.5, weight: 0.07 },
];
const RESTAURANT_WEEKEND: Window[] = [
  { from: 12, to: 15, weight: 0.25 },
  { from: 17.75, to: 22.75, weight: 0.7 },
  { from: 15, to: 17.5, weight: 0.05 },
];
const HOTEL_DEFAULT: Window[] = [
  { from: 7, to: 11.5, weight: 0.3 },
  { from: 14.5, to: 19, weight: 0.35 },
  { from: 19, to: 23.5, weight: 0.25 },
  { from: 11.5, to: 14.5, weight: 0.1 },
];

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});
type LocalDay = { y: number; m: number; d: number };

function londonFields(at: Date) {
  const parts = LONDON.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get("year"), m: get("month"), d: get("day"), h: get("hour"), min: get("minute"), s: get("second") };
}

function londonOffsetMs(at: Date): number {
  const f = londonFields(at);
  return Date.UTC(f.y, f.m - 1, f.d, f.h, f.min, f.s) - Math.floor(at.getTime() / 1000) * 1000;
}

function londonDay(at: Date): LocalDay {
  const { y, m, d } = londonFields(at);
  return { y, m, d };
}

/** `minutes` after local midnight of `day` shifted by `shift` days, as a UTC instant. */
function atLondon(day: LocalDay, shift: number, minutes: number): Date {
  const guess = Date.UTC(day.y, day.m - 1, day.d + shift) + Math.round(minutes * MINUTE);
  return new Date(guess - londonOffsetMs(new Date(guess)));
}

function weekday(day: LocalDay, shift: number): number {
  return new Date(Date.UTC(day.y, day.m - 1, day.d + shift)).getUTCDay();
}

/** Short jobs: the next five minutes after the work; anything a day or more out: 11:00 that day. */
function dueAt(at: Date, minutes: number): string {
  if (minutes >= DAY_MIN) return atLondon(londonDay(at), Math.round(minutes / DAY_MIN), 11 * 60).toISOString();
  const step = 5 * MINUTE;
  return new Date(Math.ceil((at.getTime() + minutes * MINUTE) / step) * step).toISOString();
}

/** Relative time each step takes at the table. */
const STEP_WEIGHT: Partial<Record<EventType, number>> = {
  complaint_heard: 1.6,
  feeling_validated: 0.6,
  apology_given: 0.6,
  options_offered: 1.4,
  request_declined: 1.1,
  escalation_requested: 0.7,
  manager_decided: 1.8,
  solution_agreed: 0.9,
  compensation_offered: 0.8,
  compensation_skipped: 0.6,
  actions_agreed: 1.2,
  readback_answered: 1.0,
  root_causes_tagged: 0.9,
  case_closed: 0.3,
  customer_vented: 1.3,
  note_added: 0.5,
  case_abandoned: 1.0,
};
export const STEP_GAP_MS = { min: 10_000, max: 180_000 } as const;
export const CASE_DURATION_MS = { min: 2 * MINUTE, max: 25 * MINUTE } as const;

/** Gaps proportional to `weights`, each within 10 s – 3 min, adding up to `targetMs`. */
function spreadGaps(weights: number[], targetMs: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const { min, max } = STEP_GAP_MS;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const target = clamp(targetMs, Math.max(CASE_DURATION_MS.min, n * min), Math.min(CASE_DURATION_MS.max, n * max));
  const total = weights.reduce((a, b) => a + b, 0);
  let gaps = weights.map((w) => (w / total) * target);
  for (let i = 0; i < 20; i++) {
    gaps = gaps.map((g) => clamp(g, min, max));
    const diff = target - gaps.reduce((a, b) => a + b, 0);
    if (Math.abs(diff) < 500) break;
    const free = gaps.map((g, k) => ((diff > 0 ? g < max : g > min) ? k : -1)).filter((k) => k >= 0);
    const freeTotal = free.reduce((sum, k) => sum + gaps[k], 0);
    for (const k of free) gaps[k] += (diff * gaps[k]) / freeTotal;
  }
  return gaps.map((g) => Math.round(clamp(g, min, max)));
}

// ---------------------------------------------------------------------------------------------
// Planning one case
// ---------------------------------------------------------------------------------------------

export type DemoSeedSettings = {
  seed: number;
  days: number;
  now: Date;
  /** The staff role's authority limit, as stored (roleAuthority). */
  staffLimitCents: number;
  idPrefix: string;
};

/** Where a still-open case stops: at a stage, or waiting for the manager. */
export type LiveTarget = Stage | "awaiting_authority" | "awaiting_remedy";
const LIVE_TARGETS: LiveTarget[] = [
  "awaiting_authority",
  "solve",
  "validate",
  "confirm",
  "awaiting_remedy",
  "listen",
  "compensate",
  "apologise",
  "prevent",
  "solve",
];
/** About 3% of cases are still open "now", about 5% were abandoned; spread evenly by index. */
const LIVE_EVERY = 32;
const LIVE_AT = 5;
const ABANDON_EVERY = 20;
const ABANDON_AT = 11;

export type DemoOutcome = "closed" | "abandoned" | "open";
type Who = "staff" | "manager";
type Draft = { type: EventType; by: Who; followUp: boolean; make: (at: Date) => PlaybookEvent };

export type DemoCasePlan = {
  index: number;
  idPrefix: string;
  scenario: string;
  kind: Kind;
  locationId: string;
  staffId: string;
  managerId: string;
  outcome: DemoOutcome;
  liveTarget?: LiveTarget;
  /** Milliseconds from the case being opened, one per step. */
  offsetsMs: number[];
  plannedStart: Date;
  drafts: Draft[];
};

export type DemoStep = { clientEventId: string; event: PlaybookEvent; at: Date; actorId: string; byManager: boolean };

const STAFF_BY_KIND: Record<Kind, { id: string; weight: number }[]> = {
  restaurant: [
    { id: "usr-amira", weight: 0.4 },
    { id: "usr-ben", weight: 0.4 },
    { id: "usr-ewa", weight: 0.2 },
  ],
  hotel: [
    { id: "usr-chloe", weight: 0.4 },
    { id: "usr-dev", weight: 0.4 },
    { id: "usr-ewa", weight: 0.2 },
  ],
};
const MANAGER_BY_KIND: Record<Kind, string> = { restaurant: "usr-maria", hotel: "usr-james" };

function locationOf(kind: Kind): string {
  const location = DEMO_LOCATIONS.find((l) => l.kind === kind);
  if (!location) throw new Error(`No demo location of kind ${kind}`);
  return location.id;
}

function nameOf(userId: string): string {
  return DEMO_USERS.find((u) => u.id === userId)?.name ?? userId;
}

function spotFor(d: Dice, spot: Scenario["spot"]): string {
  if (spot === "table") {
    return d.chance(0.85) ? `Table ${d.int(1, 28)}` : d.pick(["Bar", "Terrace, table 3", "Window table 6", "Private dining room"]);
  }
  if (spot === "room") return `Room ${d.int(1, 6)}${String(d.int(1, 24)).padStart(2, "0")}`;
  return d.pick(spot);
}

/** The remedy in the band lib/playbook/remedies.ts calls fair for this severity (or the nearest). */
function proportionateRemedy(d: Dice, offers: CompSpec[], severity: Severity): CompSpec {
  const fair = offers.filter((c) => isProportionate(severity, c.valueCents) === "fair");
  if (fair.length) return d.pick(fair);
  const sorted = [...offers].sort((a, b) => a.valueCents - b.valueCents);
  return severity >= 3 ? sorted[sorted.length - 1] : sorted[0];
}

function liveTargetFor(index: number): LiveTarget | undefined {
  if (index % LIVE_EVERY !== LIVE_AT) return undefined;
  return LIVE_TARGETS[Math.floor(index / LIVE_EVERY) % LIVE_TARGETS.length];
}

/** Everything about one seeded case, from its index alone (plus the settings). Pure. */
export function planDemoCase(index: number, settings: DemoSeedSettings): DemoCasePlan {
  const d = new Dice(mulberry32(caseSeed(settings.seed, index)));
  const limit = settings.staffLimitCents;
  const liveTarget = liveTargetFor(index);
  const outcome: DemoOutcome = liveTarget ? "open" : index % ABANDON_EVERY === ABANDON_AT ? "abandoned" : "closed";

  // Who, where, what
  const kind: Kind = d.chance(0.56) ? "restaurant" : "hotel";
  const staffId = d.weighted(STAFF_BY_KIND[kind]).id;
  const managerId = MANAGER_BY_KIND[kind];
  const overLimit = (c: CompSpec) => c.valueCents > limit;
  const candidates = DEMO_SCENARIOS.filter((s) => s.kind === kind && (liveTarget !== "awaiting_remedy" || s.compensation.some(overLimit)));
  const sc = d.weighted(candidates);
  const severity: Severity = liveTarget === "awaiting_remedy" ? (Math.max(...sc.severities) as Severity) : d.pick(sc.severities);
  const mood: Mood = severity >= 3 && d.chance(0.5) ? d.pick(["angry", "furious"] as const) : d.pick(sc.moods);
  const feeling = d.pick(sc.feelings);
  const customerWords = d.pick(sc.words);
  const spot = spotFor(d, sc.spot);
  const cause = d.pick(sc.causes);
  const ourFault = d.chance(sc.ourFaultRate ?? 0.9);
  const apology = ourFault ? d.pick(sc.apologies ?? APOLOGIES) : d.pick(APOLOGIES_NOT_OUR_FAULT);
  const validations = d.sample(VALIDATIONS[feeling], 2);
  const [optA, optB, optC] = d.sample(sc.options, 3);
  const offerThird = d.chance(0.35);

  // The variant of the walkthrough
  const sayNo = sc.decline !== undefined && d.chance(0.2);
  const escalationRate = sc.escalationRate ?? (severity >= 3 ? 0.2 : 0.05);
  let escalate: ScriptOptions["escalate"] = d.chance(escalationRate) ? (d.chance(0.65) ? "approved" : "declined") : undefined;
  const skipRate = severity === 4 ? 0 : !ourFault ? 0.55 : ([0, 0.4, 0.12, 0.04] as const)[severity - 1];
  let compensation: CompSpec | "skip" = d.chance(skipRate) ? "skip" : proportionateRemedy(d, sc.compensation, severity);
  let declinedOnce = compensation !== "skip" && sc.bigAsk !== undefined && severity >= 3 && d.chance(0.12);
  let byManager = compensation !== "skip" && overLimit(compensation) && escalate !== undefined && d.chance(0.5);
  const readbackRefusedOnce = d.chance(0.1);
  const vent = d.chance(0.09);
  const ventAt: VentStage = d.pick(["apologise", "solve", "compensate", "confirm", "prevent"] as const);
  const ventBackTo = d.chance(0.65) ? ("listen" as const) : ("validate" as const);
  const note = d.chance(0.1) ? d.pick(CASE_NOTES[kind]) : undefined;
  const abandonAt = d.weighted([
    { stage: "listen" as const, weight: 0.1 },
    { stage: "validate" as const, weight: 0.15 },
    { stage: "apologise" as const, weight: 0.15 },
    { stage: "solve" as const, weight: 0.3 },
    { stage: "compensate" as const, weight: 0.15 },
    { stage: "confirm" as const, weight: 0.15 },
  ]).stage;
  const followUp = d.chance(0.8);
  const positiveReadback = d.chance(0.3);

  if (liveTarget === "awaiting_authority") escalate = "approved";
  if (liveTarget === "awaiting_remedy") {
    compensation = d.pick(sc.compensation.filter(overLimit));
    escalate = undefined;
    declinedOnce = false;
    byManager = false;
  }

  const scriptOptions: ScriptOptions = {
    id: `${settings.idPrefix}-${index}`,
    locationId: locationOf(kind),
    authorityLimitCents: limit,
    category: sc.category,
    severity,
    mood,
    spot,
    customerWords,
    feeling,
    ourFault,
    sayNo,
    escalate,
    compensationCents: compensation === "skip" ? "skip" : compensation.valueCents,
    compensationKind: compensation === "skip" ? undefined : compensation.kind,
    compensationByManager: byManager,
    compensationDeclinedOnce: declinedOnce,
    readbackRefusedOnce: readbackRefusedOnce && outcome === "closed",
    ventAt: vent && outcome === "closed" ? ventAt : undefined,
    ventBackTo,
    note,
    rootCauses: cause.rootCauses,
    abandonAt: outcome === "abandoned" ? abandonAt : undefined,
    followUp: followUp && outcome === "closed",
  };
  const script = scriptCase(scriptOptions);

  // Dress the walkthrough's placeholder words in this scenario's.
  const names: Record<Who, string> = { staff: nameOf(staffId), manager: nameOf(managerId) };
  const ownerName = (owner: string) => owner.replace("{staff}", names.staff).replace("{manager}", names.manager);
  const alternative = sc.decline?.alternative ?? optC;
  const optionFor = new Map<string, OptionSpec>([
    [SCRIPT_TEXT.options[0], optA],
    [SCRIPT_TEXT.options[1], optB],
    [SCRIPT_TEXT.alternative, alternative],
    [SCRIPT_TEXT.managerOption, sc.managerOption],
  ]);
  const dressOption = (label: string): OptionSpec => {
    const option = optionFor.get(label);
    if (!option) throw new Error(`The walkthrough offered "${label}", which the demo seed cannot dress`);
    return option;
  };
  const managers = new Set(script.managerEventIndexes);
  const drafts: Draft[] = [];
  const push = (event: PlaybookEvent, by: Who, followUpStep = false) =>
    drafts.push({ type: event.type, by, followUp: followUpStep, make: () => event });

  let validatedCount = 0;
  let offers = 0;
  let pending: "authority" | "remedy" | undefined;
  let chosen: OptionSpec | undefined;
  let settled: CompSpec | undefined;
  let finalActionIds: string[] = [];
  let closed = false;
  let followedUp = false;

  for (const [i, event] of script.events.entries()) {
    const by: Who = managers.has(i) ? "manager" : "staff";
    switch (event.type) {
      case "feeling_validated":
        push({ type: event.type, data: { ...event.data, words: validations[validatedCount++ % validations.length] } }, by);
        break;
      case "apology_given":
        push({ type: event.type, data: { ...event.data, words: apology } }, by);
        break;
      case "options_offered": {
        const options = event.data.options.map((label) => dressOption(label).label);
        if (!sayNo && offerThird && optC && !options.includes(optC.label)) options.push(optC.label);
        push({ type: event.type, data: { facts: cause.facts, options } }, by);
        break;
      }
      case "request_declined": {
        if (!sc.decline) throw new Error(`Scenario ${sc.key} has no request to decline`);
        const alternatives = event.data.alternatives.map((label) => dressOption(label).label);
        push({ type: event.type, data: { request: sc.decline.request, reason: sc.decline.reason, alternatives } }, by);
        break;
      }
      case "escalation_requested":
        pending = "authority";
        push({ type: event.type, data: { reason: d.pick(sc.escalationReasons ?? ESCALATION_REASONS) } }, by);
        break;
      case "manager_decided": {
        const approved = event.data.decision === "approved";
        const notes =
          pending === "remedy" ? (approved ? REMEDY_APPROVED : REMEDY_DECLINED) : approved ? AUTHORITY_APPROVED : AUTHORITY_DECLINED;
        const option = event.data.option === undefined ? undefined : dressOption(event.data.option).label;
        const { authorityLimitCents } = event.data;
        push(
          {
            type: event.type,
            data: { decision: event.data.decision, note: d.pick(notes), ...(option ? { option } : {}), authorityLimitCents },
          },
          by,
        );
        pending = undefined;
        break;
      }
      case "solution_agreed":
        chosen = dressOption(event.data.option);
        push({ type: event.type, data: { option: chosen.label } }, by);
        break;
      case "compensation_offered": {
        offers++;
        const isBigAsk = declinedOnce && offers === 1 && sc.bigAsk !== undefined;
        const spec = isBigAsk && sc.bigAsk ? sc.bigAsk : compensation === "skip" ? undefined : compensation;
        if (!spec) throw new Error("The walkthrough offered compensation the plan did not choose");
        const valueCents = isBigAsk ? Math.max(spec.valueCents, event.data.valueCents) : event.data.valueCents;
        if (!isBigAsk) settled = spec;
        if (by === "staff" && valueCents > limit) pending = "remedy";
        const { authorityLimitCents } = event.data;
        push(
          {
            type: event.type,
            data: { id: event.data.id, kind: spec.kind, description: spec.description, valueCents, authorityLimitCents },
          },
          by,
        );
        break;
      }
      case "compensation_skipped":
        push({ type: event.type, data: { reason: d.pick(sc.skipReasons ?? SKIP_REASONS) } }, by);
        break;
      case "actions_agreed": {
        const option = chosen;
        if (!option) throw new Error("Actions agreed before a solution");
        const baseId = event.data.actions[0]?.id ?? `${settings.idPrefix}-${index}-action`;
        const specs = [...option.actions, ...(settled?.action ? [settled.action] : []), ...(severity >= 3 ? [FOLLOW_UP_CALL] : [])].slice(
          0,
          10,
        );
        const ids = specs.map((_, k) => (k === 0 ? baseId : `${baseId}-${k + 1}`));
        finalActionIds = ids;
        drafts.push({
          type: "actions_agreed",
          by,
          followUp: false,
          make: (at) => ({
            type: "actions_agreed",
            data: {
              actions: specs.map((a, k): AgreedActionInput => ({
                id: ids[k],
                description: a.description,
                owner: ownerName(a.owner),
                dueAt: dueAt(at, a.dueMinutes),
              })),
            },
          }),
        });
        break;
      }
      case "readback_answered":
        push(
          event.data.accepted
            ? { type: event.type, data: positiveReadback ? { accepted: true, comment: d.pick(READBACK_COMMENTS) } : { accepted: true } }
            : { type: event.type, data: { accepted: false, comment: d.pick(READBACK_REFUSALS) } },
          by,
        );
        break;
      case "root_causes_tagged":
        push({ type: event.type, data: { tags: [...cause.rootCauses], note: cause.prevention } }, by);
        break;
      case "case_closed":
        closed = true;
        push(event, by);
        break;
      case "customer_vented":
        push({ type: event.type, data: { backTo: event.data.backTo, note: d.pick(VENT_NOTES) } }, by);
        break;
      case "note_added":
        push({ type: event.type, data: { text: note ?? event.data.text } }, by);
        break;
      case "case_abandoned":
        push({ type: event.type, data: { reason: d.pick(ABANDON_REASONS[kind]) } }, by);
        break;
      case "action_updated":
        // The walkthrough follows up its one action; the seed follows up every agreed one.
        if (!followedUp) {
          followedUp = true;
          for (const actionId of finalActionIds) {
            push({ type: "action_updated", data: { actionId, status: "done", note: d.pick(FOLLOW_UP_NOTES) } }, "manager", true);
          }
        }
        break;
      case "manager_note_added":
        push({ type: event.type, data: { text: `${d.pick(MANAGER_NOTES)} ${cause.prevention}` } }, "manager", closed);
        break;
      default:
        push(event, by, closed);
    }
  }

  // A case still open stops where its target is reached.
  const live = liveTarget ? drafts.slice(0, cutAt(drafts, liveTarget, staffId, managerId)) : drafts;

  // Timings: the conversation takes 2–25 minutes; follow-up happens later.
  const conversation = live.filter((s) => !s.followUp);
  const range = (
    [
      [2, 8],
      [4, 13],
      [7, 19],
      [11, 25],
    ] as const
  )[severity - 1];
  const detours = Math.max(0, conversation.length - 11);
  const targetMs = Math.min(25, d.between(range[0], range[1]) + detours * 0.8) * MINUTE * (outcome === "abandoned" ? 0.6 : 1);
  const gaps = spreadGaps(
    conversation.slice(1).map((s) => (STEP_WEIGHT[s.type] ?? 1) * d.between(0.6, 1.4)),
    targetMs,
  );
  const offsetsMs = [0];
  for (const gap of gaps) offsetsMs.push(offsetsMs[offsetsMs.length - 1] + gap);
  for (const [k] of live.slice(conversation.length).entries()) {
    const gap = k === 0 ? d.between(40 * MINUTE, 30 * HOUR) : d.between(20_000, 3 * MINUTE);
    offsetsMs.push(offsetsMs[offsetsMs.length - 1] + Math.round(gap));
  }
  const spanMs = offsetsMs[offsetsMs.length - 1];

  const plannedStart = liveTarget
    ? new Date(
        settings.now.getTime() -
          spanMs -
          Math.round(liveTarget.startsWith("awaiting") ? d.between(2, 7) * MINUTE : d.between(1, 12) * MINUTE),
      )
    : pastStart(d, sc, kind, settings, spanMs);

  return {
    index,
    idPrefix: settings.idPrefix,
    scenario: sc.key,
    kind,
    locationId: locationOf(kind),
    staffId,
    managerId,
    outcome,
    liveTarget,
    offsetsMs,
    plannedStart,
    drafts: live,
  };
}

/** How many steps a still-open case keeps: up to the step that reaches its target. */
function cutAt(drafts: Draft[], target: LiveTarget, staffId: string, managerId: string): number {
  const actors: Record<Who, Actor> = { staff: { id: staffId, role: "staff" }, manager: { id: managerId, role: "manager" } };
  let state: CaseState = initialState;
  for (const [k, draft] of drafts.entries()) {
    const at = new Date(k * MINUTE);
    const result = transition(state, { ...draft.make(at), at, actor: actors[draft.by] });
    if (!result.ok) throw new Error(`Demo case step ${k} (${draft.type}) refused: ${result.reason}`);
    state = result.state;
    const reached =
      target === "awaiting_authority" || target === "awaiting_remedy"
        ? state.pendingManager?.kind === (target === "awaiting_authority" ? "authority" : "remedy")
        : state.phase === target && !state.pendingManager;
    if (reached) return k + 1;
  }
  throw new Error(`A demo case never reached ${target}`);
}

/** When a past case started: a busy day and hour for its kind, finished before `now`. */
function pastStart(d: Dice, sc: Scenario, kind: Kind, settings: DemoSeedSettings, spanMs: number): Date {
  const today = londonDay(settings.now);
  const nowMs = settings.now.getTime();
  const days = Array.from({ length: settings.days }, (_, offset) => ({ offset, weight: WEEKDAY_WEIGHT[weekday(today, -offset)] }));
  for (let attempt = 0; attempt < 40; attempt++) {
    const { offset } = d.weighted(days);
    const day = weekday(today, -offset);
    const weekend = day === 5 || day === 6;
    const windows = sc.when ?? (kind === "restaurant" ? (weekend ? RESTAURANT_WEEKEND : RESTAURANT_WEEKDAY) : HOTEL_DEFAULT);
    const w = d.weighted(windows);
    // Two uniform draws averaged: busiest in the middle of the window.
    const hour = w.from + ((w.to - w.from) * (d.next() + d.next())) / 2;
    const start = atLondon(today, -offset, hour * 60 + d.next() / 60);
    if (start.getTime() + spanMs <= nowMs - 5 * MINUTE && start.getTime() >= nowMs - settings.days * DAY) return start;
  }
  return new Date(nowMs - spanMs - HOUR);
}

/** The steps of a planned case as they are sent to the use-cases, starting at `start`. */
export function demoCaseSteps(plan: DemoCasePlan, start: Date = plan.plannedStart): DemoStep[] {
  return plan.drafts.map((draft, k) => {
    const at = new Date(start.getTime() + plan.offsetsMs[k]);
    return {
      clientEventId: `${plan.idPrefix}-${plan.index}-${k}`,
      event: draft.make(at),
      at,
      actorId: draft.by === "manager" ? plan.managerId : plan.staffId,
      byManager: draft.by === "manager",
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

/** A Friday evening: the default clock, so a default seed is the same on every machine. */
export const DEFAULT_DEMO_NOW = new Date("2026-11-20T21:30:00.000Z");
export const DEFAULT_DEMO_SEED = 20_261_120;

export type SeedDemoCasesOptions = {
  count?: number;
  days?: number;
  /** "Now" for the generator: cases fall in the `days` before it; a few are still open at it. */
  now?: Date;
  /** Seed of the PRNG. Another seed gives other cases (use another idPrefix too). */
  seed?: number;
  /** clientEventIds are `${idPrefix}-${case}-${step}`. */
  idPrefix?: string;
};

export type SeedDemoCasesResult = {
  /** Cases the plan holds. */
  cases: number;
  /** Cases opened by this run. */
  casesCreated: number;
  /** Events written by this run (0 when everything was already there). */
  eventsWritten: number;
  /** Cases found complete and left alone. */
  casesSkipped: number;
};

export function demoSeedSettings(options: SeedDemoCasesOptions, staffLimitCents: number): DemoSeedSettings {
  return {
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    days: options.days ?? 90,
    now: options.now ?? DEFAULT_DEMO_NOW,
    staffLimitCents,
    idPrefix: options.idPrefix ?? "seed",
  };
}

/** Every planned case, without touching the database. */
export function planDemoCases(count: number, settings: DemoSeedSettings): DemoCasePlan[] {
  return Array.from({ length: count }, (_, index) => planDemoCase(index, settings));
}

/**
 * Writes `count` past cases through openCase/appendEvent. Needs the reference data
 * (seedReferenceData) first. Idempotent: a case already complete is skipped, a case cut short
 * is finished from its stored opening time, so a second run (even on another day) adds nothing.
 */
export async function seedDemoCases(db: Db, options: SeedDemoCasesOptions = {}): Promise<SeedDemoCasesResult> {
  const count = options.count ?? 320;
  const settings = demoSeedSettings(options, await authorityLimitFor(db, "staff"));
  const stored = await db.caseEvent.findMany({
    where: { clientEventId: { startsWith: `${settings.idPrefix}-` } },
    select: { clientEventId: true, at: true },
  });
  const storedAt = new Map(stored.map((e) => [e.clientEventId, e.at]));
  const result: SeedDemoCasesResult = { cases: count, casesCreated: 0, eventsWritten: 0, casesSkipped: 0 };

  for (let index = 0; index < count; index++) {
    const plan = planDemoCase(index, settings);
    let steps = demoCaseSteps(plan);
    if (storedAt.has(steps[steps.length - 1].clientEventId)) {
      result.casesSkipped++;
      continue;
    }
    // Started before (perhaps on another day): finish it on its own clock.
    const openedAt = storedAt.get(steps[0].clientEventId);
    if (openedAt) steps = demoCaseSteps(plan, openedAt);

    const staff = actorFor(plan.staffId, plan.locationId);
    const manager = actorFor(plan.managerId, plan.locationId);
    const [first, ...rest] = steps;
    const opened = await openCase(db, staff, { clientEventId: first.clientEventId, locationId: plan.locationId }, () => first.at);
    if (!opened.duplicate) {
      result.casesCreated++;
      result.eventsWritten++;
    }
    for (const step of rest) {
      try {
        const appended = await appendEvent(
          db,
          step.byManager ? manager : staff,
          opened.caseId,
          { clientEventId: step.clientEventId, event: step.event },
          () => step.at,
        );
        if (!appended.duplicate) result.eventsWritten++;
      } catch (error) {
        // A case an earlier version of the seed wrote differently (the playbook's rules moved on
        // since): it stays as it was recorded, complete under the rules it was opened with.
        const earlierSeed = openedAt !== undefined && isAppError(error) && (error.code === "conflict" || error.code === "playbook_refused");
        if (!earlierSeed) throw error;
        result.casesSkipped++;
        break;
      }
    }
  }
  return result;
}
