// A set of awkward cases for the insights oracle and the defect tests of issue 17, written
// through the real use-cases (openCase / appendEvent) with an injected clock, so the log and the
// projection are exactly what the app would store:
// - venues on four clocks: two in London, one in Auckland (UTC+12/+13, its DST on the other side
//   of the year) and one in New York (behind UTC), with cases on both sides of local and UTC
//   midnight, in the hours a DST change repeats or skips, on a 25-hour day, and early on a Monday
//   that is still Sunday in UTC;
// - reopened cases (abandoned and picked up weeks later; closed and re-tagged);
// - read-backs refused once, twice, then accepted; refused and then abandoned; refused and still open;
// - remedies waiting for a manager when the case was abandoned, declined and re-offered,
//   counter-offered, retired by a "not quite";
// - practice cases (never counted), repeats exactly at and just past the `within` edge, and
//   more than a page of repeat rows with ties.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent } from "@/lib/cases/append-event";
import { openCase, openPracticeCase } from "@/lib/cases/open-case";
import type { Db } from "@/lib/db/client";
import type { Category, PlaybookEvent } from "@/lib/playbook";

export const AWKWARD_VENUES = [
  { id: "loc-kiwi", name: "Kiwi Kitchen", kind: "restaurant", timezone: "Pacific/Auckland" },
  { id: "loc-hudson", name: "Hudson Diner", kind: "restaurant", timezone: "America/New_York" },
] as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function person(id: string, name: string, role: Actor["role"], locationIds: string[]): Actor {
  return { id, name, role, locationIds, currentLocationId: locationIds[0] };
}

export const AWKWARD_PEOPLE = {
  amira: person("usr-amira", "Amira Shah", "staff", ["loc-harbour"]),
  chloe: person("usr-chloe", "Chloé Martin", "staff", ["loc-grand"]),
  maria: person("usr-maria", "Maria Costa", "manager", ["loc-harbour"]),
  james: person("usr-james", "James Reid", "manager", ["loc-grand"]),
  kiri: person("usr-kiri", "Kiri Ngata", "staff", ["loc-kiwi"]),
  aroha: person("usr-aroha", "Aroha Manager", "manager", ["loc-kiwi"]),
  nora: person("usr-nora", "Nora Walsh", "staff", ["loc-hudson"]),
  hank: person("usr-hank", "Hank Manager", "manager", ["loc-hudson"]),
  /** An area manager over all four venues, on four clocks. */
  area: person("usr-area", "Area Manager", "manager", ["loc-harbour", "loc-grand", "loc-kiwi", "loc-hudson"]),
};

/** The venues and people beyond the demo's reference data. */
export async function addAwkwardVenues(db: Db): Promise<void> {
  for (const venue of AWKWARD_VENUES) {
    await db.location.upsert({ where: { id: venue.id }, create: { ...venue }, update: {} });
  }
  for (const p of [AWKWARD_PEOPLE.kiri, AWKWARD_PEOPLE.aroha, AWKWARD_PEOPLE.nora, AWKWARD_PEOPLE.hank, AWKWARD_PEOPLE.area]) {
    await db.user.upsert({ where: { id: p.id }, create: { id: p.id, name: p.name, role: p.role }, update: {} });
    for (const locationId of p.locationIds) {
      await db.userLocation.upsert({
        where: { userId_locationId: { userId: p.id, locationId } },
        create: { userId: p.id, locationId },
        update: {},
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

type Step = { event: PlaybookEvent; by?: Actor; waitMs?: number; capturedLateMs?: number };

export const steps = {
  heard: (category: Category = "wait_time"): PlaybookEvent => ({
    type: "complaint_heard",
    data: { customerWords: "We waited an hour and nobody came.", category, severity: 2, spot: "Table 9", mood: "upset" },
  }),
  validated: { type: "feeling_validated", data: { feeling: "frustrated", acknowledged: true } } as PlaybookEvent,
  apology: { type: "apology_given", data: { sincere: true, ourFault: true } } as PlaybookEvent,
  options: { type: "options_offered", data: { options: ["Cook a fresh dish now", "Take the dish off the bill"] } } as PlaybookEvent,
  agreed: (option = "Cook a fresh dish now"): PlaybookEvent => ({ type: "solution_agreed", data: { option } }),
  offer: (id: string, valueCents: number): PlaybookEvent => ({
    type: "compensation_offered",
    data: { id, kind: "refund", description: "Refund the main", valueCents },
  }),
  skip: { type: "compensation_skipped", data: { reason: "The customer wanted nothing more." } } as PlaybookEvent,
  approve: { type: "manager_decided", data: { decision: "approved", note: "Fine." } } as PlaybookEvent,
  decline: { type: "manager_decided", data: { decision: "declined", note: "Too much." } } as PlaybookEvent,
  counter: (valueCents: number): PlaybookEvent => ({
    type: "manager_decided",
    data: { decision: "approved", note: "This instead.", remedy: { kind: "refund", description: "Refund the drinks", valueCents } },
  }),
  actions: (id: string, dueAt: Date): PlaybookEvent => ({
    type: "actions_agreed",
    data: { actions: [{ id, description: "Bring the fresh dish", owner: "Chef on shift", dueAt: dueAt.toISOString() }] },
  }),
  accept: { type: "readback_answered", data: { accepted: true } } as PlaybookEvent,
  refuse: { type: "readback_answered", data: { accepted: false, comment: "Not quite." } } as PlaybookEvent,
  tag: (...tags: string[]): PlaybookEvent => ({ type: "root_causes_tagged", data: { tags } }),
  closed: { type: "case_closed", data: {} } as PlaybookEvent,
  abandoned: { type: "case_abandoned", data: { reason: "The customer left." } } as PlaybookEvent,
  reopened: { type: "case_reopened", data: { reason: "The customer came back." } } as PlaybookEvent,
  vented: { type: "customer_vented", data: { backTo: "listen" } } as PlaybookEvent,
};

/**
 * Opens a case at `openedAt` and plays the steps, two minutes apart (or `waitMs`); returns its id.
 * A step with `capturedLateMs` was kept on the tablet and sent that much later: it keeps the
 * time it was captured.
 */
export async function play(
  db: Db,
  staff: Actor,
  openedAt: Date,
  list: (PlaybookEvent | Step)[],
  options: { practice?: boolean; manager?: Actor } = {},
): Promise<string> {
  // A practice case is opened the way the practice feature opens one (a complaint never can be).
  const open = options.practice ? openPracticeCase : openCase;
  const opened = await open(db, staff, { clientEventId: randomUUID() }, () => openedAt);
  let t = openedAt.getTime();
  for (const item of list) {
    const step: Step = "type" in item ? { event: item } : item;
    t += step.waitMs ?? 2 * MINUTE;
    const by =
      step.by ?? (step.event.type === "manager_decided" || step.event.type === "case_reopened" ? options.manager : undefined) ?? staff;
    const at = new Date(t);
    await appendEvent(
      db,
      by,
      opened.caseId,
      { clientEventId: randomUUID(), event: step.event, ...(step.capturedLateMs ? { capturedAt: at.toISOString() } : {}) },
      () => new Date(at.getTime() + (step.capturedLateMs ?? 0)),
    );
  }
  return opened.caseId;
}

/** A whole ordinary case: heard, apology, a remedy (or none), accepted first time, tagged, closed. */
export function ordinary(tags: string[], options: { category?: Category; remedyCents?: number; id?: string } = {}): PlaybookEvent[] {
  const id = options.id ?? randomUUID();
  return [
    steps.heard(options.category),
    steps.validated,
    steps.apology,
    steps.options,
    steps.agreed(),
    ...(options.remedyCents === undefined ? [steps.skip] : [steps.offer(`comp-${id}`, options.remedyCents)]),
    steps.actions(`act-${id}`, new Date("2030-01-01T12:00:00Z")),
    steps.accept,
    steps.tag(...tags),
    steps.closed,
  ];
}

const utc = (iso: string) => new Date(iso);

/** Writes the whole awkward set. `now` for the tests that use it: 2026-11-20T21:30Z. */
export async function writeAwkwardCases(db: Db): Promise<void> {
  await addAwkwardVenues(db);
  const { amira, chloe, maria, james, kiri, aroha, nora, hank } = AWKWARD_PEOPLE;

  // London, a Monday at 00:17 BST (still Sunday 23:17 in UTC): its week starts that Monday.
  await play(db, amira, utc("2026-09-06T23:17:00.000Z"), ordinary(["wait_time"], { remedyCents: 500 }));
  // …and Sunday 23:50 BST, the same UTC day as the case above: the week before.
  await play(db, amira, utc("2026-09-06T22:50:00.000Z"), ordinary(["product_quality"]));

  // London, the spring change (29 March 2026, 01:00 GMT → 02:00 BST): before, after, and the
  // Monday 00:30 BST that is Sunday 23:30 UTC.
  await play(db, amira, utc("2026-03-29T00:30:00.000Z"), ordinary(["cleanliness"]));
  await play(db, amira, utc("2026-03-29T01:30:00.000Z"), ordinary(["cleanliness"]));
  await play(db, amira, utc("2026-03-29T23:30:00.000Z"), ordinary(["cleanliness"]));

  // London, the autumn change (25 October 2026): 01:30 BST and 01:30 GMT, an hour apart; and
  // the 25-hour day's first and last minutes: 24 h 40 min apart on the same local day (not a
  // repeat within 1 day, whatever the day says).
  await play(db, amira, utc("2026-10-25T00:30:00.000Z"), ordinary(["billing"]));
  await play(db, amira, utc("2026-10-25T01:30:00.000Z"), ordinary(["billing"]));
  await play(db, amira, utc("2026-10-24T23:10:00.000Z"), ordinary(["facilities"]));
  await play(db, amira, utc("2026-10-25T23:50:00.000Z"), ordinary(["facilities"]));

  // Auckland (UTC+13 in November): UTC weeks [4, 1], the venue's own weeks [2, 3].
  for (const at of [
    "2026-11-07T21:00:00.000Z",
    "2026-11-08T07:00:00.000Z",
    "2026-11-08T20:00:00.000Z",
    "2026-11-08T23:00:00.000Z",
    "2026-11-10T02:00:00.000Z",
  ]) {
    await play(db, kiri, utc(at), ordinary(["booking"], { category: "booking" }));
  }
  // Auckland, the April change (5 April 2026, 03:00 NZDT → 02:00 NZST): 02:30 twice, an hour apart.
  await play(db, kiri, utc("2026-04-04T13:30:00.000Z"), ordinary(["staff_manner"]));
  await play(db, kiri, utc("2026-04-04T14:30:00.000Z"), ordinary(["staff_manner"]));
  // Auckland, the September change (27 September 2026, 02:00 NZST → 03:00 NZDT), just before;
  // and a Sunday morning that is Saturday in UTC.
  await play(db, kiri, utc("2026-09-26T12:30:00.000Z"), ordinary(["staff_manner"]));
  await play(db, kiri, utc("2026-11-14T19:00:00.000Z"), ordinary(["availability"], { remedyCents: 1200 }));

  // New York: Sunday 22:00 EST is Monday 03:00 UTC (the venue's week is the one before); the
  // November change repeats 01:00–02:00 (1 November 2026).
  await play(db, nora, utc("2026-11-16T03:00:00.000Z"), ordinary(["wait_time"]));
  await play(db, nora, utc("2026-11-01T05:30:00.000Z"), ordinary(["supplier"]));
  await play(db, nora, utc("2026-11-01T06:30:00.000Z"), ordinary(["supplier"]));

  // Read-backs: "not quite" once, then yes (its first remedy retired with the round).
  await play(db, amira, utc("2026-10-05T18:00:00.000Z"), [
    steps.heard(),
    steps.validated,
    steps.apology,
    steps.options,
    steps.agreed(),
    steps.offer("rb-once-1", 900),
    steps.actions("rb-once-a1", utc("2026-10-05T19:00:00Z")),
    steps.refuse,
    steps.agreed("Take the dish off the bill"),
    steps.offer("rb-once-2", 1100),
    steps.actions("rb-once-a2", utc("2026-10-05T19:30:00Z")),
    steps.accept,
    steps.tag("communication"),
    steps.closed,
  ]);
  // "Not quite" twice, then yes.
  await play(db, chloe, utc("2026-10-06T09:00:00.000Z"), [
    steps.heard("room"),
    steps.validated,
    steps.apology,
    steps.options,
    steps.agreed(),
    steps.skip,
    steps.actions("rb-twice-a1", utc("2026-10-06T12:00:00Z")),
    steps.refuse,
    steps.agreed("Take the dish off the bill"),
    steps.skip,
    steps.actions("rb-twice-a2", utc("2026-10-06T12:00:00Z")),
    steps.refuse,
    steps.agreed(),
    steps.offer("rb-twice-3", 1500),
    steps.actions("rb-twice-a3", utc("2026-10-06T12:00:00Z")),
    steps.accept,
    steps.tag("facilities"),
    steps.closed,
  ]);
  // "Not quite", a new agreement agreed (which used to wipe the answer), then abandoned.
  await play(db, amira, utc("2026-10-07T19:00:00.000Z"), [
    steps.heard(),
    steps.validated,
    steps.apology,
    steps.options,
    steps.agreed(),
    steps.offer("rb-gone-1", 800),
    steps.actions("rb-gone-a1", utc("2026-10-07T20:00:00Z")),
    steps.refuse,
    steps.agreed("Take the dish off the bill"),
    steps.skip,
    steps.actions("rb-gone-a2", utc("2026-10-07T20:00:00Z")),
    steps.abandoned,
  ]);
  // "Not quite" and still open at Solve.
  await play(db, kiri, utc("2026-11-12T06:00:00.000Z"), [
    steps.heard(),
    steps.validated,
    steps.apology,
    steps.options,
    steps.agreed(),
    steps.skip,
    steps.actions("rb-open-a1", utc("2026-11-12T08:00:00Z")),
    steps.refuse,
  ]);

  // Remedies: above the staff limit and waiting when the case was abandoned (withdrawn: never given).
  await play(db, amira, utc("2026-10-08T12:00:00.000Z"), [
    steps.heard(),
    steps.validated,
    steps.apology,
    steps.options,
    steps.agreed(),
    steps.offer("pending-gone", 4000),
    steps.abandoned,
  ]);
  // …waiting, abandoned, reopened, and a smaller remedy offered instead (only that one counts).
  await play(
    db,
    nora,
    utc("2026-10-09T23:30:00.000Z"),
    [
      steps.heard(),
      steps.validated,
      steps.apology,
      steps.options,
      steps.agreed(),
      steps.offer("pending-back-1", 5000),
      steps.abandoned,
      { event: steps.reopened, by: hank, waitMs: 3 * DAY },
      steps.offer("pending-back-2", 1000),
      steps.actions("pending-back-a", utc("2026-10-13T12:00:00Z")),
      steps.accept,
      steps.tag("billing"),
      steps.closed,
    ],
    { manager: hank },
  );
  // Declined, then a smaller one within the limit.
  await play(
    db,
    chloe,
    utc("2026-10-10T08:00:00.000Z"),
    [
      steps.heard("room"),
      steps.validated,
      steps.apology,
      steps.options,
      steps.agreed(),
      steps.offer("declined-1", 4000),
      steps.decline,
      steps.offer("declined-2", 1200),
      steps.actions("declined-a", utc("2026-10-10T12:00:00Z")),
      steps.accept,
      steps.tag("facilities"),
      steps.closed,
    ],
    { manager: james },
  );
  // Counter-offer: £60 asked, £25 approved.
  await play(
    db,
    kiri,
    utc("2026-10-11T02:00:00.000Z"),
    [
      steps.heard(),
      steps.validated,
      steps.apology,
      steps.options,
      steps.agreed(),
      steps.offer("counter-1", 6000),
      steps.counter(2500),
      steps.actions("counter-a", utc("2026-10-11T05:00:00Z")),
      steps.accept,
      steps.tag("product_quality"),
      steps.closed,
    ],
    { manager: aroha },
  );
  // A £0 remedy still makes a compensated case.
  await play(db, nora, utc("2026-10-12T16:00:00.000Z"), ordinary(["other"], { remedyCents: 0 }));

  // Reopened: abandoned, picked up six weeks later (durations past 2^31 ms), resolved, closed,
  // then reopened and tagged again.
  await play(db, amira, utc("2026-08-03T12:15:30.250Z"), [
    steps.heard(),
    steps.abandoned,
    { event: steps.reopened, by: maria, waitMs: 42 * DAY },
    steps.validated,
    steps.apology,
    steps.options,
    steps.agreed(),
    steps.offer("reopened-remedy", 700),
    steps.actions("reopened-a", utc("2026-09-15T13:00:00Z")),
    steps.accept,
    steps.tag("wait_time"),
    steps.closed,
    { event: steps.reopened, by: maria, waitMs: 10 * HOUR },
    { event: steps.tag("staff_manner", "communication"), by: maria },
    { event: steps.closed, by: maria },
  ]);
  // Steps kept offline on the tablet across local midnight and sent two hours later.
  await play(
    db,
    amira,
    utc("2026-06-30T22:58:00.000Z"),
    ordinary(["wait_time"], { remedyCents: 600 }).map((event) => ({ event, capturedLateMs: 2 * HOUR })),
  );
  // Vented back to Listen after the apology: the complaint heard again, with another category.
  await play(db, chloe, utc("2026-10-14T07:00:00.000Z"), [
    steps.heard("room"),
    steps.validated,
    steps.apology,
    steps.vented,
    steps.heard("noise"),
    steps.validated,
    steps.options,
    steps.agreed(),
    steps.skip,
    steps.actions("vented-a", utc("2026-10-14T09:00:00Z")),
    steps.accept,
    steps.tag("facilities"),
    steps.closed,
  ]);

  // Practice cases, with tags and remedies: never counted.
  await play(db, amira, utc("2026-09-07T10:00:00.000Z"), ordinary(["wait_time"], { remedyCents: 900 }), { practice: true });
  await play(db, kiri, utc("2026-11-08T20:00:00.000Z"), ordinary(["booking"], { category: "booking" }), { practice: true });

  // Repeats at the edge: two at the same instant, one exactly 7 days later, one 7 days and 1 ms
  // after that; and exactly 1 day apart, then 1 day and 1 ms.
  const t0 = utc("2026-05-04T17:45:00.000Z");
  for (const at of [t0, t0, new Date(t0.getTime() + 7 * DAY), new Date(t0.getTime() + 14 * DAY + 1)]) {
    await play(db, amira, at, ordinary(["supplier"]));
  }
  const t1 = utc("2026-05-25T11:00:00.000Z");
  for (const at of [t1, new Date(t1.getTime() + DAY), new Date(t1.getTime() + 2 * DAY + 1)]) {
    await play(db, chloe, at, ordinary(["booking"], { category: "booking" }));
  }

  // More than a page of repeat rows, with ties: 21 pairs of (venue, root cause), each two cases
  // an hour apart, so every row has 1 repeat in 2 cases. Pairs at the same last instant differ
  // only by venue and root cause name.
  const pairs: [Actor, string][] = [];
  for (const staff of [amira, chloe, kiri, nora]) {
    for (const tag of ["product_quality", "wait_time", "staff_manner", "billing", "cleanliness", "availability"]) pairs.push([staff, tag]);
  }
  const base = utc("2026-07-13T10:00:00.000Z");
  for (const [i, [staff, tag]] of pairs.slice(0, 21).entries()) {
    const first = new Date(base.getTime() + Math.floor(i / 3) * DAY);
    await play(db, staff, first, ordinary([tag]));
    await play(db, staff, new Date(first.getTime() + HOUR), ordinary([tag]));
  }
}

/** The awkward set's "now" (the demo's): 90 days back reach late August, 12 months the previous November. */
export const AWKWARD_NOW = new Date("2026-11-20T21:30:00.000Z");
