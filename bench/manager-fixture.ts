// A large, realistic case history for the manager-desk bench, written straight into SQLite or
// PostgreSQL.
//
// Each case is a list of playbook events generated here, folded through the real state machine
// (`transition`), and stored exactly as the app would store it: CaseEvent rows plus the
// projection (`projectCase`) in Case, AgreedAction, CaseRootCause and Compensation. The rows
// are made once, the same for both engines (`generateCases`, seeded); only the writer differs:
// prepared statements in SQLite, one multi-row INSERT … SELECT FROM unnest(…) per table and
// batch in PostgreSQL. It is a fixture, not a test of appendEvent.
import type Database from "better-sqlite3";
import type { ClientBase } from "pg";
import {
  caseStatus,
  initialState,
  projectCase,
  transition,
  type Actor,
  type CaseState,
  type Category,
  type CompensationKind,
  type Feeling,
  type Mood,
  type PlaybookEvent,
  type RecordedEvent,
} from "@/lib/playbook";
import { rubricColumns, type RubricColumns } from "@/lib/cases/case-score";
import { mulberry32 } from "@/prisma/seed/demo-cases";

const DAY = 86_400_000;
const MIN = 60_000;

export type FixtureOptions = {
  cases: number;
  locations: number;
  days: number;
  now: Date;
  seed?: number;
  /** Called after every committed batch. */
  progress?: (done: number) => void;
};

export type FixtureLocation = { id: string; name: string; kind: "restaurant" | "hotel"; weight: number; staff: string[]; manager: string };
export type Fixture = { locations: FixtureLocation[]; allManagerId: string; cases: number; events: number };

// ---------------------------------------------------------------------------------------------
// Randomness (seeded, so two runs build the same database)
// ---------------------------------------------------------------------------------------------

class Dice {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
  normal(mean: number, sd: number): number {
    const u = Math.max(1e-9, this.next());
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

// ---------------------------------------------------------------------------------------------
// What complaints look like
// ---------------------------------------------------------------------------------------------

const RESTAURANT_CATEGORIES: (readonly [Category, number])[] = [
  ["food_quality", 30],
  ["wait_time", 22],
  ["service", 16],
  ["billing", 9],
  ["drink", 7],
  ["cleanliness", 5],
  ["noise", 4],
  ["booking", 4],
  ["other", 3],
];
const HOTEL_CATEGORIES: (readonly [Category, number])[] = [
  ["room", 26],
  ["cleanliness", 14],
  ["noise", 12],
  ["service", 12],
  ["wait_time", 10],
  ["booking", 9],
  ["billing", 8],
  ["food_quality", 6],
  ["product", 2],
  ["other", 1],
];

const WORDS: Record<Category, string[]> = {
  food_quality: [
    "My steak came out cold and grey in the middle",
    "The soup was lukewarm by the time it arrived",
    "There was a hair in my salad",
    "The fish tasted off, I could not eat it",
    "The chips were soggy and the burger was dry",
    "I asked for no nuts and there were nuts in it",
    "The pasta was overcooked and far too salty",
  ],
  drink: ["The wine was corked", "My cocktail was mostly ice", "We waited twenty minutes for drinks", "The coffee was cold"],
  wait_time: [
    "We have waited over forty minutes for our mains",
    "Nobody has come to take our order",
    "Our starters came after the mains",
    "We waited half an hour to check in",
    "It took ages to get the bill",
  ],
  service: [
    "The waiter was rude when we asked about the menu",
    "Nobody checked on us the whole evening",
    "Staff were chatting and ignored us",
    "The receptionist was dismissive",
    "We were rushed out of the table",
  ],
  billing: [
    "We were charged twice for the wine",
    "The bill has items we did not order",
    "The service charge was added without asking",
    "I was charged for a room upgrade I never had",
  ],
  room: [
    "The room was not ready at three",
    "The air conditioning does not work",
    "The shower is cold",
    "The room smells of smoke",
    "The TV and the safe do not work",
  ],
  cleanliness: [
    "The table was sticky and the cutlery dirty",
    "The bathroom floor was wet and dirty",
    "There were crumbs all over the bed",
    "The toilets were not cleaned",
  ],
  noise: [
    "The music is far too loud to talk",
    "There was building work at seven in the morning",
    "The party next door kept us awake",
    "The kitchen is so noisy",
  ],
  booking: [
    "Our booking was lost",
    "We were given the wrong room type",
    "They put us by the toilets even though we booked a window table",
    "The booking said breakfast included",
  ],
  product: ["The toiletries were missing", "The minibar was empty", "The gift voucher was refused"],
  other: ["The car park barrier trapped my car", "My coat went missing from the cloakroom", "The lift was out of order all weekend"],
};

const ROOT_CAUSES: Record<Category, (readonly [string, number])[]> = {
  food_quality: [
    ["product_quality", 6],
    ["supplier", 2],
    ["wait_time", 1],
    ["communication", 1],
  ],
  drink: [
    ["product_quality", 4],
    ["wait_time", 2],
    ["availability", 1],
  ],
  wait_time: [
    ["wait_time", 6],
    ["availability", 2],
    ["communication", 1],
    ["staff_manner", 1],
  ],
  service: [
    ["staff_manner", 6],
    ["communication", 3],
    ["wait_time", 1],
  ],
  billing: [
    ["billing", 7],
    ["communication", 2],
  ],
  room: [
    ["facilities", 5],
    ["cleanliness", 2],
    ["booking", 1],
  ],
  cleanliness: [
    ["cleanliness", 7],
    ["facilities", 1],
  ],
  noise: [
    ["facilities", 4],
    ["communication", 2],
    ["other", 1],
  ],
  booking: [
    ["booking", 6],
    ["communication", 3],
  ],
  product: [
    ["availability", 4],
    ["supplier", 2],
  ],
  other: [
    ["other", 4],
    ["facilities", 2],
  ],
};

const FEELINGS: Feeling[] = ["frustrated", "disappointed", "angry", "embarrassed", "worried", "let_down", "rushed", "ignored"];
const MOOD_BY_SEVERITY: Record<number, (readonly [Mood, number])[]> = {
  1: [
    ["calm", 6],
    ["upset", 3],
    ["angry", 1],
  ],
  2: [
    ["calm", 3],
    ["upset", 5],
    ["angry", 2],
  ],
  3: [
    ["upset", 4],
    ["angry", 4],
    ["furious", 2],
  ],
  4: [
    ["upset", 2],
    ["angry", 4],
    ["furious", 4],
  ],
};
const OPTIONS: Record<string, string[]> = {
  restaurant: [
    "Cook a fresh dish now",
    "Take the dish off the bill",
    "Swap for something else on the menu",
    "Bring dessert on the house",
    "Move you to a quieter table",
  ],
  hotel: [
    "Move you to another room now",
    "Send housekeeping straight away",
    "Upgrade your room tonight",
    "Take tonight's breakfast off the bill",
    "Late check-out tomorrow",
  ],
};
const REMEDIES: (readonly [{ kind: CompensationKind; description: string }, number])[] = [
  [{ kind: "free_item", description: "Dessert on the house" }, 4],
  [{ kind: "gesture", description: "Drinks on the house" }, 3],
  [{ kind: "discount", description: "Discount on the bill" }, 3],
  [{ kind: "refund", description: "Refund of the dish" }, 2],
  [{ kind: "voucher", description: "Voucher for the next visit" }, 2],
  [{ kind: "upgrade", description: "Room upgrade" }, 1],
];

// ---------------------------------------------------------------------------------------------
// One case as events
// ---------------------------------------------------------------------------------------------

type Draft = { events: RecordedEvent[]; practice: boolean };

function caseEvents(d: Dice, i: number, loc: FixtureLocation, openedAt: number, now: number, limitCents: number): Draft {
  const staff: Actor = { id: d.pick(loc.staff), role: "staff" };
  const manager: Actor = { id: loc.manager, role: "manager" };
  const events: RecordedEvent[] = [];
  let t = openedAt;
  const add = (event: PlaybookEvent, gapMs: number, actor: Actor = staff) => {
    t += Math.max(5_000, Math.round(gapMs));
    events.push({ ...event, at: new Date(t), actor } as RecordedEvent);
  };
  const practice = d.chance(0.01);
  events.push({
    type: "case_opened",
    data: {
      reference: `B-${i.toString(36).toUpperCase().padStart(6, "0")}`,
      locationId: loc.id,
      authorityLimitCents: limitCents,
      practice,
    },
    at: new Date(t),
    actor: staff,
  });

  const ageDays = (now - openedAt) / DAY;
  // Recent cases may still be in progress; old ones are mostly closed.
  const live = ageDays < 0.5;
  const outcome = d.weighted<"closed" | "abandoned" | "stuck">(
    live
      ? [
          ["closed", 40],
          ["abandoned", 5],
          ["stuck", 55],
        ]
      : [
          ["closed", 88],
          ["abandoned", 7],
          ["stuck", 5],
        ],
  );
  const stopAfter = outcome === "stuck" ? d.int(1, 9) : outcome === "abandoned" ? d.int(1, 5) : 99;
  let stepsDone = 0;
  const cont = () => {
    stepsDone++;
    if (outcome === "abandoned" && stepsDone >= stopAfter) {
      add(
        {
          type: "case_abandoned",
          data: { reason: d.pick(["The customer left before we could finish.", "The customer walked out.", "Guest checked out early."]) },
        },
        d.between(1, 10) * MIN,
      );
      return false;
    }
    return stepsDone < stopAfter;
  };

  const category = d.weighted(loc.kind === "hotel" ? HOTEL_CATEGORIES : RESTAURANT_CATEGORIES);
  const severity = d.weighted<1 | 2 | 3 | 4>([
    [1, 33],
    [2, 40],
    [3, 19],
    [4, 8],
  ]);
  const spot =
    loc.kind === "hotel"
      ? d.pick([`Room ${d.int(101, 640)}`, "Reception", "Lobby bar", "Breakfast room"])
      : d.pick([`Table ${d.int(1, 40)}`, "Bar", "Terrace", `Table ${d.int(1, 40)}`]);
  const words = `${d.pick(WORDS[category])}${d.chance(0.3) ? d.pick([", this is not acceptable", " and nobody apologised", " on my birthday", ", second time this month"]) : ""}.`;
  add(
    { type: "complaint_heard", data: { customerWords: words, category, severity, spot, mood: d.weighted(MOOD_BY_SEVERITY[severity]) } },
    d.between(0.5, 3) * MIN,
  );
  if (!cont()) return { events, practice };
  add({ type: "feeling_validated", data: { feeling: d.pick(FEELINGS), acknowledged: true } }, d.between(0.3, 2) * MIN);
  if (d.chance(0.05)) {
    add({ type: "customer_vented", data: { backTo: "validate" } }, d.between(0.5, 2) * MIN);
    add({ type: "feeling_validated", data: { feeling: d.pick(FEELINGS), acknowledged: true } }, d.between(0.3, 2) * MIN);
  }
  if (!cont()) return { events, practice };
  add({ type: "apology_given", data: { sincere: true, ourFault: d.chance(0.75) } }, d.between(0.3, 4) * MIN);
  if (!cont()) return { events, practice };
  const pool = OPTIONS[loc.kind];
  const first = d.pick(pool);
  const second = d.pick(pool.filter((o) => o !== first));
  add({ type: "options_offered", data: { options: [first, second] } }, d.between(1, 4) * MIN);
  let chosen = d.chance(0.5) ? first : second;
  if (d.chance(0.1)) {
    add(
      {
        type: "request_declined",
        data: {
          request: "Make the whole bill free",
          reason: "That is more than the problem warrants",
          alternatives: ["Take the dish off the bill"],
        },
      },
      d.between(1, 3) * MIN,
    );
    chosen = "Take the dish off the bill";
  }
  if (!cont()) return { events, practice };
  if (d.chance(0.04 + severity * 0.01)) {
    add({ type: "escalation_requested", data: { reason: "The customer asks for the manager." } }, d.between(0.5, 2) * MIN);
    if (live && outcome === "stuck" && d.chance(0.3)) return { events, practice };
    const approved = d.chance(0.7);
    add(
      {
        type: "manager_decided",
        data: approved
          ? { decision: "approved", option: "Manager's table next week, on us" }
          : { decision: "declined", note: "What was offered is fair." },
      },
      d.between(2, 8) * MIN,
      manager,
    );
    if (approved) chosen = "Manager's table next week, on us";
  }
  add({ type: "solution_agreed", data: { option: chosen } }, d.between(0.5, 3) * MIN);
  if (!cont()) return { events, practice };
  if (d.chance(0.45 + severity * 0.05)) {
    const remedy = d.weighted(REMEDIES);
    // Log-normal around £8; a share of them above the £15 staff limit.
    const cents = Math.min(25_000, Math.max(200, Math.round(Math.exp(d.normal(Math.log(800), 0.75)) / 50) * 50));
    add({ type: "compensation_offered", data: { id: `bc-${i}-1`, ...remedy, valueCents: cents } }, d.between(0.5, 3) * MIN);
    if (cents > limitCents) {
      if (live && outcome === "stuck" && d.chance(0.5)) return { events, practice };
      const ok = d.chance(0.85);
      add(
        {
          type: "manager_decided",
          data: ok ? { decision: "approved", note: "Fine by me." } : { decision: "declined", note: "Too much for this." },
        },
        d.between(1, 6) * MIN,
        manager,
      );
      if (!ok)
        add(
          {
            type: "compensation_offered",
            data: { id: `bc-${i}-2`, kind: "gesture", description: "Drinks on the house", valueCents: 1200 },
          },
          d.between(0.5, 2) * MIN,
        );
    }
  } else {
    add({ type: "compensation_skipped", data: { reason: "The customer did not want anything extra." } }, d.between(0.5, 2) * MIN);
  }
  if (!cont()) return { events, practice };
  const actionCount = d.chance(0.3) ? 2 : 1;
  const actions = Array.from({ length: actionCount }, (_, k) => ({
    id: `ba-${i}-${k}`,
    description:
      k === 0
        ? d.pick([
            "Bring the new dish to the table",
            "Call the guest tomorrow",
            "Check the room before the guest returns",
            "Send the refund",
          ])
        : "Tell the kitchen lead",
    owner: d.pick(["Server on shift", "Duty manager", "Head chef", "Housekeeping lead", "Front desk"]),
    dueAt: new Date(t + d.between(0.2, 7) * DAY).toISOString(),
  }));
  add({ type: "actions_agreed", data: { actions } }, d.between(1, 3) * MIN);
  if (!cont()) return { events, practice };
  if (d.chance(0.08)) {
    add({ type: "readback_answered", data: { accepted: false, comment: "That is not what I asked for." } }, d.between(0.5, 2) * MIN);
    add({ type: "solution_agreed", data: { option: first } }, d.between(0.5, 2) * MIN);
    add({ type: "actions_agreed", data: { actions } }, d.between(0.5, 2) * MIN);
  }
  add({ type: "readback_answered", data: { accepted: true } }, d.between(0.3, 2) * MIN);
  if (!cont()) return { events, practice };
  const tags = [d.weighted(ROOT_CAUSES[category])];
  if (d.chance(0.2)) tags.push(d.weighted(ROOT_CAUSES[category]));
  add({ type: "root_causes_tagged", data: { tags: [...new Set(tags)] } }, d.between(1, 20) * MIN);
  if (outcome === "stuck") return { events, practice };
  add({ type: "case_closed", data: {} }, d.between(0.2, 5) * MIN);
  // Follow-up by the manager: most actions are done by their due date, some run late or never.
  for (const a of actions) {
    const due = Date.parse(a.dueAt);
    const doneAt = due + d.between(-0.8, 1.5) * DAY;
    if (doneAt < now && d.chance(0.9) && doneAt > t) {
      events.push({ type: "action_updated", data: { actionId: a.id, status: "done" }, at: new Date(doneAt), actor: manager });
      t = doneAt;
    }
  }
  if (d.chance(0.05) && t + DAY < now) {
    t += d.between(1, 5) * DAY;
    if (t < now)
      events.push({
        type: "manager_note_added",
        data: { text: "Called the customer back; they were happy with the outcome." },
        at: new Date(t),
        actor: manager,
      });
  }
  return { events: events.filter((e) => e.at.getTime() <= now), practice };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** Every bench location keeps the demo's clock (the projection needs it for each case's day). */
const BENCH_TIME_ZONE = "Europe/London";

/** Cases written per transaction (SQLite) or per statement and table (PostgreSQL). */
const BATCH = 2_000;

/** Locations, staff and managers as rows, the same for both engines (no PINs: nobody signs in). */
export type PeopleRows = {
  fixture: Fixture;
  locations: { id: string; name: string; kind: string; timezone: string; createdAt: Date }[];
  users: { id: string; name: string; role: string; createdAt: Date }[];
  memberships: { userId: string; locationId: string }[];
};

export function peopleRows(count: number): PeopleRows {
  const names = [
    "Harbour Kitchen",
    "Grand Station Hotel",
    "Riverside Grill",
    "Old Town Bistro",
    "Parkview Hotel",
    "Market Hall Canteen",
    "Seaside Inn",
    "City Lofts Hotel",
    "Garden Terrace",
    "Canal Street Diner",
  ];
  const createdAt = new Date("2024-01-01T00:00:00Z");
  const out: PeopleRows = {
    fixture: { locations: [], allManagerId: "bench-area-manager", cases: 0, events: 0 },
    locations: [],
    users: [],
    memberships: [],
  };
  for (let l = 0; l < count; l++) {
    const id = `bench-loc-${l + 1}`;
    const kind = names[l % names.length].includes("Hotel") || names[l % names.length].includes("Inn") ? "hotel" : "restaurant";
    out.locations.push({ id, name: names[l % names.length], kind, timezone: BENCH_TIME_ZONE, createdAt });
    const staff: string[] = [];
    for (let s = 0; s < 8; s++) {
      const uid = `bench-staff-${l + 1}-${s + 1}`;
      out.users.push({ id: uid, name: `Staff ${l + 1}.${s + 1}`, role: "staff", createdAt });
      out.memberships.push({ userId: uid, locationId: id });
      staff.push(uid);
    }
    const manager = `bench-mgr-${l + 1}`;
    out.users.push({ id: manager, name: `Manager ${l + 1}`, role: "manager", createdAt });
    out.memberships.push({ userId: manager, locationId: id });
    out.fixture.locations.push({ id, name: names[l % names.length], kind, weight: 1 / (1 + l * 0.35), staff, manager });
  }
  out.users.push({ id: "bench-area-manager", name: "Area Manager", role: "manager", createdAt });
  for (const l of out.fixture.locations) out.memberships.push({ userId: "bench-area-manager", locationId: l.id });
  return out;
}

/** One generated case as rows: engine-neutral values (Date, boolean, bigint, null). */
export type CaseRows = {
  case: { id: string; reference: string; locationId: string; openedById: string } & ReturnType<typeof projectCase>["row"] & RubricColumns;
  events: {
    id: string;
    caseId: string;
    sequence: number;
    type: string;
    payload: string;
    actorId: string;
    actorRole: string;
    at: Date;
    clientEventId: string;
    result: string;
  }[];
  actions: { id: string; caseId: string; description: string; owner: string; dueAt: Date; status: string; completedAt: Date | null }[];
  rootCauses: { caseId: string; tagId: string; locationId: string; isPractice: boolean; openedAt: Date; openedLocalDay: string }[];
  compensation: {
    id: string;
    caseId: string;
    kind: string;
    description: string;
    valueCents: number;
    status: string;
    decidedById: string | null;
    decisionNote: string | null;
  }[];
};

/** What the generator reads from the seeded reference data: tag ids by slug, the staff's remedy limit. */
export type ReferenceLookups = { tagIds: ReadonlyMap<string, string>; staffLimitCents: number };

/**
 * The cases, one at a time and always the same for the same seed, options and lookups: every
 * case's events folded through `transition` (a generated case the playbook refuses is a bug
 * here) and projected with `projectCase`, as the app stores them.
 */
export function* generateCases(fixture: Fixture, options: FixtureOptions, lookups: ReferenceLookups): Generator<CaseRows> {
  const d = new Dice(mulberry32(options.seed ?? 20261123));
  const now = options.now.getTime();
  const weights = fixture.locations.map((l) => [l, l.weight] as const);
  const dayWeight = [1.1, 0.8, 0.8, 0.9, 1.0, 1.35, 1.45]; // Sun..Sat
  for (let i = 0; i < options.cases; i++) {
    const loc = d.weighted(weights);
    // A year, busier recently (growth) and at weekends; lunch and dinner peaks (hotels: breakfast and evening).
    let day: number;
    do day = Math.floor(Math.pow(d.next(), 0.85) * options.days);
    while (d.next() > dayWeight[new Date(now - day * DAY).getUTCDay()] / 1.45);
    const hour =
      loc.kind === "hotel"
        ? d.weighted([
            [d.normal(8, 1), 3],
            [d.normal(16, 1.5), 3],
            [d.normal(21, 1.5), 4],
          ] as const)
        : d.weighted([
            [d.normal(13, 0.9), 4],
            [d.normal(19.5, 1.3), 6],
          ] as const);
    const midnight = Math.floor((now - day * DAY) / DAY) * DAY;
    let openedAt = midnight + Math.min(23.9, Math.max(6, hour)) * 3_600_000;
    if (openedAt > now - 2 * MIN) openedAt = now - d.between(2, 600) * MIN;
    const draft = caseEvents(d, i, loc, openedAt, now, lookups.staffLimitCents);

    let state: CaseState = initialState;
    const caseId = `bc${i.toString(36).padStart(8, "0")}`;
    const events: CaseRows["events"] = [];
    for (const [seq, event] of draft.events.entries()) {
      const next = transition(state, event);
      if (!next.ok) throw new Error(`Generated case ${i} broke the playbook at ${event.type}: ${next.reason}`);
      state = next.state;
      const result = {
        caseId,
        reference: state.reference,
        sequence: seq + 1,
        at: event.at.toISOString(),
        phase: state.phase,
        status: caseStatus(state),
        duplicate: false,
      };
      events.push({
        id: `be${i.toString(36)}-${seq + 1}`,
        caseId,
        sequence: seq + 1,
        type: event.type,
        payload: JSON.stringify(event.data),
        actorId: event.actor.id,
        actorRole: event.actor.role,
        at: event.at,
        clientEventId: `bench-${i}-${seq + 1}`,
        result: JSON.stringify(result),
      });
    }
    const p = projectCase(state, { timeZone: BENCH_TIME_ZONE });
    // The trainer's rubric as the append stores it for an ended case (docs/decisions/0037), from the log as stored (JSON).
    const storedLog = draft.events.map((e) => ({ ...e, data: JSON.parse(JSON.stringify(e.data)) as unknown })) as RecordedEvent[];
    const rubric = rubricColumns(storedLog, state);
    const scope = p.rootCauseScope;
    if (!state.reference) throw new Error(`Generated case ${i} has no reference`);
    yield {
      case: { id: caseId, reference: state.reference, locationId: loc.id, openedById: draft.events[0].actor.id, ...p.row, ...rubric },
      events,
      actions: p.actions.map((a) => ({ ...a, caseId })),
      rootCauses: p.rootCauseSlugs.flatMap((slug) => {
        const tagId = lookups.tagIds.get(slug);
        return tagId ? [{ caseId, tagId, ...scope }] : [];
      }),
      compensation: p.compensation.map((c) => ({ ...c, caseId })),
    };
  }
}

/** Batches of BATCH cases. */
function* batches(cases: Generator<CaseRows>): Generator<CaseRows[]> {
  let batch: CaseRows[] = [];
  for (const c of cases) {
    batch.push(c);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

// ---------------------------------------------------------------------------------------------
// SQLite writer: prepared statements, one transaction per batch
// ---------------------------------------------------------------------------------------------

const iso = (d: Date | null | undefined) => (d ? d.toISOString().replace("Z", "+00:00") : null);
const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);

export function insertPeople(db: Database.Database, count: number): Fixture {
  const rows = peopleRows(count);
  const insertLocation = db.prepare(`INSERT INTO "Location" (id, name, kind, timezone, createdAt) VALUES (?, ?, ?, ?, ?)`);
  const insertUser = db.prepare(`INSERT INTO "User" (id, name, role, active, createdAt) VALUES (?, ?, ?, 1, ?)`);
  const member = db.prepare(`INSERT INTO "UserLocation" (userId, locationId) VALUES (?, ?)`);
  db.transaction(() => {
    for (const l of rows.locations) insertLocation.run(l.id, l.name, l.kind, l.timezone, iso(l.createdAt));
    for (const u of rows.users) insertUser.run(u.id, u.name, u.role, iso(u.createdAt));
    for (const m of rows.memberships) member.run(m.userId, m.locationId);
  })();
  return rows.fixture;
}

export function insertCases(db: Database.Database, fixture: Fixture, options: FixtureOptions): Fixture {
  const tagIds = new Map(
    (db.prepare(`SELECT id, slug FROM "RootCauseTag"`).all() as { id: string; slug: string }[]).map((r) => [r.slug, r.id]),
  );
  const staffLimitCents =
    (db.prepare(`SELECT limitCents FROM "RoleAuthority" WHERE role = 'staff'`).get() as { limitCents: number } | undefined)?.limitCents ??
    1500;

  const insertCase =
    db.prepare(`INSERT INTO "Case" (id, reference, locationId, openedById, stage, status, category, severity, spot, mood, customerWords, feeling,
    ourFault, chosenSolution, readbackAccepted, readbackOutcome, readbackRefusals, returnsToListen, preventionNote, abandonReason, eventCount, openedAt, firstApologyAt, resolvedAt, closedAt, lastEventAt, isPractice,
    openedLocalDay, firstApologyMs, resolutionMs, remedyCents, rubricScore, rubricMet, rubricApplicable, rubricMissed, rubricSequence)
    VALUES (@id, @reference, @locationId, @openedById, @stage, @status, @category, @severity, @spot, @mood, @customerWords, @feeling,
    @ourFault, @chosenSolution, @readbackAccepted, @readbackOutcome, @readbackRefusals, @returnsToListen, @preventionNote, @abandonReason, @eventCount, @openedAt, @firstApologyAt, @resolvedAt, @closedAt, @lastEventAt, @isPractice,
    @openedLocalDay, @firstApologyMs, @resolutionMs, @remedyCents, @rubricScore, @rubricMet, @rubricApplicable, @rubricMissed, @rubricSequence)`);
  const insertEvent = db.prepare(
    `INSERT INTO "CaseEvent" (id, caseId, sequence, type, payload, actorId, actorRole, at, clientEventId, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAction = db.prepare(
    `INSERT INTO "AgreedAction" (id, caseId, description, owner, dueAt, status, completedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRoot = db.prepare(
    `INSERT INTO "CaseRootCause" (caseId, tagId, locationId, isPractice, openedAt, openedLocalDay) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertComp = db.prepare(
    `INSERT INTO "Compensation" (id, caseId, kind, description, valueCents, status, decidedById, decisionNote) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  let done = 0;
  let events = 0;
  const writeBatch = db.transaction((batch: CaseRows[]) => {
    for (const c of batch) {
      const row = c.case;
      insertCase.run({
        ...row,
        ourFault: bool(row.ourFault),
        readbackAccepted: bool(row.readbackAccepted),
        isPractice: row.isPractice ? 1 : 0,
        openedAt: iso(row.openedAt),
        firstApologyAt: iso(row.firstApologyAt),
        resolvedAt: iso(row.resolvedAt),
        closedAt: iso(row.closedAt),
        lastEventAt: iso(row.lastEventAt),
      });
      for (const e of c.events)
        insertEvent.run(e.id, e.caseId, e.sequence, e.type, e.payload, e.actorId, e.actorRole, iso(e.at), e.clientEventId, e.result);
      for (const a of c.actions) insertAction.run(a.id, a.caseId, a.description, a.owner, iso(a.dueAt), a.status, iso(a.completedAt));
      for (const r of c.rootCauses)
        insertRoot.run(r.caseId, r.tagId, r.locationId, r.isPractice ? 1 : 0, iso(r.openedAt), r.openedLocalDay);
      for (const m of c.compensation)
        insertComp.run(m.id, m.caseId, m.kind, m.description, m.valueCents, m.status, m.decidedById, m.decisionNote);
      events += c.events.length;
    }
  });
  for (const batch of batches(generateCases(fixture, options, { tagIds, staffLimitCents }))) {
    writeBatch(batch);
    done += batch.length;
    options.progress?.(done);
  }
  return { ...fixture, cases: done, events };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL writer: per batch and table, one INSERT … SELECT FROM unnest($1::type[], …), so a
// batch of thousands of rows is one round trip with one parameter per column (no 65,535
// parameter limit, no statement text that grows with the rows).
// ---------------------------------------------------------------------------------------------

type PgValue = string | number | boolean | null;
/** A column: its name, its PostgreSQL type and how to read it from a row. */
type PgColumn<T> = readonly [name: string, type: string, value: (row: T) => PgValue];

/** Instants as ISO text: "timestamp(3)" keeps the UTC wall time that Prisma stores, whatever the client's time zone. */
const ts = (d: Date | null) => (d ? d.toISOString() : null);
const big = (n: bigint | null) => (n === null ? null : n.toString());

async function insertRows<T>(client: ClientBase, table: string, columns: readonly PgColumn<T>[], rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  await client.query(
    `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`,
    columns.map(([, , value]) => rows.map(value)),
  );
}

const CASE_COLUMNS: readonly PgColumn<CaseRows["case"]>[] = [
  ["id", "text", (r) => r.id],
  ["reference", "text", (r) => r.reference],
  ["locationId", "text", (r) => r.locationId],
  ["openedById", "text", (r) => r.openedById],
  ["stage", "text", (r) => r.stage],
  ["status", "text", (r) => r.status],
  ["category", "text", (r) => r.category],
  ["severity", "int4", (r) => r.severity],
  ["spot", "text", (r) => r.spot],
  ["mood", "text", (r) => r.mood],
  ["customerWords", "text", (r) => r.customerWords],
  ["feeling", "text", (r) => r.feeling],
  ["ourFault", "bool", (r) => r.ourFault],
  ["chosenSolution", "text", (r) => r.chosenSolution],
  ["readbackAccepted", "bool", (r) => r.readbackAccepted],
  ["readbackOutcome", "text", (r) => r.readbackOutcome],
  ["readbackRefusals", "int4", (r) => r.readbackRefusals],
  ["returnsToListen", "int4", (r) => r.returnsToListen],
  ["preventionNote", "text", (r) => r.preventionNote],
  ["abandonReason", "text", (r) => r.abandonReason],
  ["eventCount", "int4", (r) => r.eventCount],
  ["openedAt", "timestamp(3)", (r) => ts(r.openedAt)],
  ["firstApologyAt", "timestamp(3)", (r) => ts(r.firstApologyAt)],
  ["resolvedAt", "timestamp(3)", (r) => ts(r.resolvedAt)],
  ["closedAt", "timestamp(3)", (r) => ts(r.closedAt)],
  ["lastEventAt", "timestamp(3)", (r) => ts(r.lastEventAt)],
  ["isPractice", "bool", (r) => r.isPractice],
  ["openedLocalDay", "text", (r) => r.openedLocalDay],
  ["firstApologyMs", "int8", (r) => big(r.firstApologyMs)],
  ["resolutionMs", "int8", (r) => big(r.resolutionMs)],
  ["remedyCents", "int8", (r) => big(r.remedyCents)],
  ["rubricScore", "int4", (r) => r.rubricScore],
  ["rubricMet", "int4", (r) => r.rubricMet],
  ["rubricApplicable", "int4", (r) => r.rubricApplicable],
  ["rubricMissed", "text", (r) => r.rubricMissed],
  ["rubricSequence", "int4", (r) => r.rubricSequence],
];
const EVENT_COLUMNS: readonly PgColumn<CaseRows["events"][number]>[] = [
  ["id", "text", (r) => r.id],
  ["caseId", "text", (r) => r.caseId],
  ["sequence", "int4", (r) => r.sequence],
  ["type", "text", (r) => r.type],
  ["payload", "text", (r) => r.payload],
  ["actorId", "text", (r) => r.actorId],
  ["actorRole", "text", (r) => r.actorRole],
  ["at", "timestamp(3)", (r) => ts(r.at)],
  ["clientEventId", "text", (r) => r.clientEventId],
  ["result", "text", (r) => r.result],
];
const ACTION_COLUMNS: readonly PgColumn<CaseRows["actions"][number]>[] = [
  ["id", "text", (r) => r.id],
  ["caseId", "text", (r) => r.caseId],
  ["description", "text", (r) => r.description],
  ["owner", "text", (r) => r.owner],
  ["dueAt", "timestamp(3)", (r) => ts(r.dueAt)],
  ["status", "text", (r) => r.status],
  ["completedAt", "timestamp(3)", (r) => ts(r.completedAt)],
];
const ROOT_CAUSE_COLUMNS: readonly PgColumn<CaseRows["rootCauses"][number]>[] = [
  ["caseId", "text", (r) => r.caseId],
  ["tagId", "text", (r) => r.tagId],
  ["locationId", "text", (r) => r.locationId],
  ["isPractice", "bool", (r) => r.isPractice],
  ["openedAt", "timestamp(3)", (r) => ts(r.openedAt)],
  ["openedLocalDay", "text", (r) => r.openedLocalDay],
];
const COMPENSATION_COLUMNS: readonly PgColumn<CaseRows["compensation"][number]>[] = [
  ["id", "text", (r) => r.id],
  ["caseId", "text", (r) => r.caseId],
  ["kind", "text", (r) => r.kind],
  ["description", "text", (r) => r.description],
  ["valueCents", "int4", (r) => r.valueCents],
  ["status", "text", (r) => r.status],
  ["decidedById", "text", (r) => r.decidedById],
  ["decisionNote", "text", (r) => r.decisionNote],
];

export async function insertPeoplePg(client: ClientBase, count: number): Promise<Fixture> {
  const rows = peopleRows(count);
  await client.query("BEGIN");
  await insertRows(
    client,
    "Location",
    [
      ["id", "text", (l) => l.id],
      ["name", "text", (l) => l.name],
      ["kind", "text", (l) => l.kind],
      ["timezone", "text", (l) => l.timezone],
      ["createdAt", "timestamp(3)", (l) => ts(l.createdAt)],
    ],
    rows.locations,
  );
  await insertRows(
    client,
    "User",
    [
      ["id", "text", (u) => u.id],
      ["name", "text", (u) => u.name],
      ["role", "text", (u) => u.role],
      ["active", "bool", () => true],
      ["createdAt", "timestamp(3)", (u) => ts(u.createdAt)],
    ],
    rows.users,
  );
  await insertRows(
    client,
    "UserLocation",
    [
      ["userId", "text", (m) => m.userId],
      ["locationId", "text", (m) => m.locationId],
    ],
    rows.memberships,
  );
  await client.query("COMMIT");
  return rows.fixture;
}

/** The same cases as insertCases, into PostgreSQL: one transaction per batch. */
export async function insertCasesPg(client: ClientBase, fixture: Fixture, options: FixtureOptions): Promise<Fixture> {
  const tags = await client.query<{ id: string; slug: string }>(`SELECT "id", "slug" FROM "RootCauseTag"`);
  const limit = await client.query<{ limitCents: number }>(`SELECT "limitCents" FROM "RoleAuthority" WHERE "role" = 'staff'`);
  const lookups: ReferenceLookups = {
    tagIds: new Map(tags.rows.map((r) => [r.slug, r.id])),
    staffLimitCents: limit.rows[0]?.limitCents ?? 1500,
  };
  let done = 0;
  let events = 0;
  const write = async (batch: CaseRows[]) => {
    await client.query("BEGIN");
    await insertRows(
      client,
      "Case",
      CASE_COLUMNS,
      batch.map((c) => c.case),
    );
    await insertRows(
      client,
      "CaseEvent",
      EVENT_COLUMNS,
      batch.flatMap((c) => c.events),
    );
    await insertRows(
      client,
      "AgreedAction",
      ACTION_COLUMNS,
      batch.flatMap((c) => c.actions),
    );
    await insertRows(
      client,
      "CaseRootCause",
      ROOT_CAUSE_COLUMNS,
      batch.flatMap((c) => c.rootCauses),
    );
    await insertRows(
      client,
      "Compensation",
      COMPENSATION_COLUMNS,
      batch.flatMap((c) => c.compensation),
    );
    await client.query("COMMIT");
    done += batch.length;
    events += batch.reduce((n, c) => n + c.events.length, 0);
    options.progress?.(done);
  };
  for (const batch of batches(generateCases(fixture, options, lookups))) await write(batch);
  return { ...fixture, cases: done, events };
}
