// A large, realistic case history for the manager-desk bench, written straight into SQLite.
//
// Each case is a list of playbook events generated here, folded through the real state machine
// (`transition`), and stored exactly as the app would store it: CaseEvent rows plus the
// projection (`projectCase`) in Case, AgreedAction, CaseRootCause and Compensation. Only the
// write path is different (one prepared statement per table, thousands of rows per
// transaction) — it is a fixture, not a test of appendEvent.
import type Database from "better-sqlite3";
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

const iso = (d: Date | null | undefined) => (d ? d.toISOString().replace("Z", "+00:00") : null);
const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);

/** Locations, staff and managers (no PINs: nobody signs in to the bench database). */
export function insertPeople(db: Database.Database, count: number): Fixture {
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
  const locations: FixtureLocation[] = [];
  const insertLocation = db.prepare(`INSERT INTO "Location" (id, name, kind, timezone, createdAt) VALUES (?, ?, ?, ?, ?)`);
  const insertUser = db.prepare(`INSERT INTO "User" (id, name, role, active, createdAt) VALUES (?, ?, ?, 1, ?)`);
  const member = db.prepare(`INSERT INTO "UserLocation" (userId, locationId) VALUES (?, ?)`);
  const created = iso(new Date("2024-01-01T00:00:00Z"));
  db.transaction(() => {
    for (let l = 0; l < count; l++) {
      const id = `bench-loc-${l + 1}`;
      const kind = names[l % names.length].includes("Hotel") || names[l % names.length].includes("Inn") ? "hotel" : "restaurant";
      insertLocation.run(id, names[l % names.length], kind, BENCH_TIME_ZONE, created);
      const staff: string[] = [];
      for (let s = 0; s < 8; s++) {
        const uid = `bench-staff-${l + 1}-${s + 1}`;
        insertUser.run(uid, `Staff ${l + 1}.${s + 1}`, "staff", created);
        member.run(uid, id);
        staff.push(uid);
      }
      const manager = `bench-mgr-${l + 1}`;
      insertUser.run(manager, `Manager ${l + 1}`, "manager", created);
      member.run(manager, id);
      locations.push({ id, name: names[l % names.length], kind, weight: 1 / (1 + l * 0.35), staff, manager });
    }
    insertUser.run("bench-area-manager", "Area Manager", "manager", created);
    for (const l of locations) member.run("bench-area-manager", l.id);
  })();
  return { locations, allManagerId: "bench-area-manager", cases: 0, events: 0 };
}

export function insertCases(db: Database.Database, fixture: Fixture, options: FixtureOptions): Fixture {
  const d = new Dice(mulberry32(options.seed ?? 20261123));
  const now = options.now.getTime();
  const tagIds = new Map(
    (db.prepare(`SELECT id, slug FROM "RootCauseTag"`).all() as { id: string; slug: string }[]).map((r) => [r.slug, r.id]),
  );
  const limit =
    (db.prepare(`SELECT limitCents FROM "RoleAuthority" WHERE role = 'staff'`).get() as { limitCents: number } | undefined)?.limitCents ??
    1500;

  const insertCase =
    db.prepare(`INSERT INTO "Case" (id, reference, locationId, openedById, stage, status, category, severity, spot, mood, customerWords, feeling,
    ourFault, chosenSolution, readbackAccepted, readbackOutcome, readbackRefusals, returnsToListen, preventionNote, abandonReason, eventCount, openedAt, firstApologyAt, resolvedAt, closedAt, lastEventAt, isPractice,
    openedLocalDay, firstApologyMs, resolutionMs, remedyCents)
    VALUES (@id, @reference, @locationId, @openedById, @stage, @status, @category, @severity, @spot, @mood, @customerWords, @feeling,
    @ourFault, @chosenSolution, @readbackAccepted, @readbackOutcome, @readbackRefusals, @returnsToListen, @preventionNote, @abandonReason, @eventCount, @openedAt, @firstApologyAt, @resolvedAt, @closedAt, @lastEventAt, @isPractice,
    @openedLocalDay, @firstApologyMs, @resolutionMs, @remedyCents)`);
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

  const weights = fixture.locations.map((l) => [l, l.weight] as const);
  const dayWeight = [1.1, 0.8, 0.8, 0.9, 1.0, 1.35, 1.45]; // Sun..Sat
  let events = 0;
  const BATCH = 2_000;
  const writeBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
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
      const draft = caseEvents(d, i, loc, openedAt, now, limit);

      let state: CaseState = initialState;
      const caseId = `bc${i.toString(36).padStart(8, "0")}`;
      const rows: unknown[][] = [];
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
        rows.push([
          `be${i.toString(36)}-${seq + 1}`,
          caseId,
          seq + 1,
          event.type,
          JSON.stringify(event.data),
          event.actor.id,
          event.actor.role,
          iso(event.at),
          `bench-${i}-${seq + 1}`,
          JSON.stringify(result),
        ]);
      }
      const p = projectCase(state, { timeZone: BENCH_TIME_ZONE });
      insertCase.run({
        id: caseId,
        reference: state.reference,
        locationId: loc.id,
        openedById: draft.events[0].actor.id,
        ...p.row,
        ourFault: bool(p.row.ourFault),
        readbackAccepted: bool(p.row.readbackAccepted),
        isPractice: p.row.isPractice ? 1 : 0,
        openedAt: iso(p.row.openedAt),
        firstApologyAt: iso(p.row.firstApologyAt),
        resolvedAt: iso(p.row.resolvedAt),
        closedAt: iso(p.row.closedAt),
        lastEventAt: iso(p.row.lastEventAt),
      });
      for (const row of rows) insertEvent.run(...row);
      for (const a of p.actions) insertAction.run(a.id, caseId, a.description, a.owner, iso(a.dueAt), a.status, iso(a.completedAt));
      const scope = p.rootCauseScope;
      for (const slug of p.rootCauseSlugs) {
        const tagId = tagIds.get(slug);
        if (tagId) insertRoot.run(caseId, tagId, scope.locationId, scope.isPractice ? 1 : 0, iso(scope.openedAt), scope.openedLocalDay);
      }
      for (const c of p.compensation)
        insertComp.run(c.id, caseId, c.kind, c.description, c.valueCents, c.status, c.decidedById, c.decisionNote);
      events += rows.length;
    }
  });
  for (let from = 0; from < options.cases; from += BATCH) {
    writeBatch(from, Math.min(options.cases, from + BATCH));
    options.progress?.(Math.min(options.cases, from + BATCH));
  }
  return { ...fixture, cases: options.cases, events };
}
