// Scripted complaints, shared by the tests and the demo seed. Pure: no I/O, no test runner,
// no randomness — the same options always give the same events.
import { withOwnLimit } from "@/lib/playbook/authority";
import { PLAYBOOK_REVISION, type Actor, type AgreedActionInput, type PlaybookEvent, type RecordedEvent } from "@/lib/playbook/events";
import type { Category, CompensationKind, Feeling, Mood, Severity, Stage } from "@/lib/playbook/vocabulary";

/** An event as the log would store it. */
export function recorded(event: PlaybookEvent, at: Date, actor: Actor): RecordedEvent {
  return { ...event, at, actor };
}

/** The texts a scripted case uses; exported so generators can reuse (and collide with) them. */
export const SCRIPT_TEXT = {
  options: ["Cook a fresh dish now", "Take the dish off the bill"],
  declinedRequest: "Make the whole meal free",
  alternative: "Dessert and coffee on the house",
  managerOption: "Manager offers a table for next week",
} as const;

/** Stages where a scripted customer can start venting again (see the note on "validate" below). */
export type VentStage = Exclude<Stage, "listen" | "validate">;

export type ScriptOptions = {
  /** Seed for every id in the script (compensation, actions). */
  id?: string;
  /** The case reference, at most 20 characters. */
  reference?: string;
  locationId?: string;
  /** The staff member's own limit: the case's, and the one written into their offers. */
  authorityLimitCents?: number;
  /** The manager's own limit, written into their offers and decisions (as the server does). */
  managerLimitCents?: number;
  /** The playbook revision the case is opened under (default: the current one). */
  revision?: number;
  practice?: boolean;
  category?: Category;
  severity?: Severity;
  mood?: Mood;
  spot?: string;
  customerWords?: string;
  feeling?: Feeling;
  ourFault?: boolean;
  /** Say no to one request, offering an alternative that becomes the agreed solution. */
  sayNo?: boolean;
  /** Call a manager during Solve; "approved" adds (and agrees) the manager's option. */
  escalate?: "approved" | "declined";
  /** Value of the compensation offered, or "skip" to record why none is given. */
  compensationCents?: number | "skip";
  compensationKind?: CompensationKind;
  /** The compensation is offered by the manager, who needs no approval. */
  compensationByManager?: boolean;
  /** A first offer above the limit is declined by the manager before the final one. */
  compensationDeclinedOnce?: boolean;
  /** The customer rejects the first read-back; another option is agreed and read back. */
  readbackRefusedOnce?: boolean;
  /**
   * The customer starts venting when the case reaches this stage; they are heard again
   * (unless `ventBackTo` is "validate") and validated, and the case resumes where it was.
   * Not "validate": venting there currently needs the feeling validated twice.
   */
  ventAt?: VentStage;
  ventBackTo?: "listen" | "validate";
  /** A note added while listening. */
  note?: string;
  rootCauses?: string[];
  actionsDueAt?: Date;
  /** The case is abandoned as soon as it reaches this stage. */
  abandonAt?: Stage;
  /** After closing, a manager marks the agreed action done and adds a manager's note. */
  followUp?: boolean;
};

export type Script = {
  events: PlaybookEvent[];
  /** Indexes in `events` that must be recorded by a manager. */
  managerEventIndexes: number[];
};

const DEFAULTS = {
  id: "case-1",
  reference: "C-0001",
  locationId: "location-1",
  authorityLimitCents: 2000,
  managerLimitCents: 20000,
  revision: PLAYBOOK_REVISION,
  practice: false,
  category: "food_quality",
  severity: 2,
  mood: "upset",
  spot: "Table 12",
  customerWords: "My steak came out cold and we waited forty minutes for it.",
  feeling: "frustrated",
  ourFault: true,
  compensationCents: 500,
  compensationKind: "free_item",
  ventBackTo: "listen",
  rootCauses: ["kitchen_timing"],
  actionsDueAt: new Date("2030-01-01T12:00:00.000Z"),
} satisfies Partial<ScriptOptions>;

/** Options given as `undefined` keep their default. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The events of one complete complaint, from case_opened to case_closed (or case_abandoned). */
export function scriptCase(options: ScriptOptions = {}): Script {
  const o = { ...DEFAULTS, ...definedOnly(options) };
  const events: PlaybookEvent[] = [];
  const managerEventIndexes: number[] = [];
  const add = (event: PlaybookEvent, by: "staff" | "manager" = "staff") => {
    if (by === "manager") managerEventIndexes.push(events.length);
    // Offers and decisions carry the acting person's own limit, as the server writes it in.
    events.push(withOwnLimit(event, by === "manager" ? o.managerLimitCents : o.authorityLimitCents));
  };
  let vented = false;
  let compensations = 0;
  const done = () => ({ events, managerEventIndexes });

  /** The case has just entered `stage`: abandon it there, or let the customer vent. False = the script ends. */
  const reach = (stage: Stage): boolean => {
    if (o.abandonAt === stage) {
      add({ type: "case_abandoned", data: { reason: "The customer left before we could finish." } });
      return false;
    }
    if (o.ventAt === stage && !vented) {
      vented = true;
      add({ type: "customer_vented", data: { backTo: o.ventBackTo, note: "The customer got upset again." } });
      if (o.ventBackTo === "listen") add(heard);
      add(validated);
    }
    return true;
  };
  const offer = (valueCents: number, description: string): PlaybookEvent => ({
    type: "compensation_offered",
    data: { id: `${o.id}-comp-${++compensations}`, kind: o.compensationKind, description, valueCents },
  });
  const actions = (round: number): AgreedActionInput[] => [
    {
      id: `${o.id}-action-${round}`,
      description: round === 1 ? "Bring the new dish to the table" : "Bring the revised solution to the table",
      owner: "Server on shift",
      dueAt: o.actionsDueAt.toISOString(),
    },
  ];
  const heard: PlaybookEvent = {
    type: "complaint_heard",
    data: { customerWords: o.customerWords, category: o.category, severity: o.severity, spot: o.spot, mood: o.mood },
  };
  const validated: PlaybookEvent = {
    type: "feeling_validated",
    data: { feeling: o.feeling, acknowledged: true, words: "I understand why you are frustrated." },
  };

  // Listen
  add({
    type: "case_opened",
    data: {
      reference: o.reference,
      locationId: o.locationId,
      authorityLimitCents: o.authorityLimitCents,
      practice: o.practice,
      revision: o.revision,
    },
  });
  if (!reach("listen")) return done();
  if (o.note) add({ type: "note_added", data: { text: o.note } });
  add(heard);
  // Validate
  if (!reach("validate")) return done();
  add(validated);
  // Apologise
  if (!reach("apologise")) return done();
  add({ type: "apology_given", data: { sincere: true, ourFault: o.ourFault, words: "I am sorry, that is not good enough." } });
  // Solve
  if (!reach("solve")) return done();
  const [first, second] = SCRIPT_TEXT.options;
  let offered: string[];
  if (o.sayNo) {
    add({ type: "options_offered", data: { facts: "The kitchen was short one cook.", options: [first] } });
    add({
      type: "request_declined",
      data: { request: SCRIPT_TEXT.declinedRequest, reason: "That is more than we can do.", alternatives: [SCRIPT_TEXT.alternative] },
    });
    offered = [first, SCRIPT_TEXT.alternative];
  } else {
    add({ type: "options_offered", data: { facts: "The kitchen was short one cook.", options: [first, second] } });
    offered = [first, second];
  }
  let chosen = offered[offered.length - 1];
  if (o.escalate) {
    add({ type: "escalation_requested", data: { reason: "The customer asks for the manager." } });
    const approved = o.escalate === "approved";
    add(
      {
        type: "manager_decided",
        data: approved
          ? { decision: "approved", note: "Happy to offer more.", option: SCRIPT_TEXT.managerOption }
          : { decision: "declined", note: "What was offered is fair." },
      },
      "manager",
    );
    if (approved) {
      offered = [...offered, SCRIPT_TEXT.managerOption];
      chosen = SCRIPT_TEXT.managerOption;
    }
  }
  add({ type: "solution_agreed", data: { option: chosen } });
  // Compensate
  if (!reach("compensate")) return done();
  if (o.compensationDeclinedOnce) {
    add(offer(o.authorityLimitCents + 1000, "Refund the whole bill"));
    add({ type: "manager_decided", data: { decision: "declined", note: "Too much for a late dish." } }, "manager");
  }
  if (o.compensationCents === "skip") {
    add({ type: "compensation_skipped", data: { reason: "The customer did not want anything extra." } });
  } else {
    add(offer(o.compensationCents, "Dessert on the house"), o.compensationByManager ? "manager" : "staff");
    if (o.compensationCents > o.authorityLimitCents && !o.compensationByManager) {
      add({ type: "manager_decided", data: { decision: "approved", note: "Fine by me." } }, "manager");
    }
  }
  // Confirm
  if (!reach("confirm")) return done();
  add({ type: "actions_agreed", data: { actions: actions(1) } });
  if (o.readbackRefusedOnce) {
    // "Not quite" retires the round's solution, remedy and actions: the next round agrees them anew.
    add({ type: "readback_answered", data: { accepted: false, comment: "That is not what I asked for." } });
    chosen = offered.find((option) => option !== chosen) ?? chosen;
    add({ type: "solution_agreed", data: { option: chosen } });
    if (o.compensationCents === "skip") {
      add({ type: "compensation_skipped", data: { reason: "The customer did not want anything extra." } });
    } else {
      // The same remedy offered again, and approved again when it is above the staff limit.
      add(offer(o.compensationCents, "Dessert on the house"), o.compensationByManager ? "manager" : "staff");
      if (o.compensationCents > o.authorityLimitCents && !o.compensationByManager) {
        add({ type: "manager_decided", data: { decision: "approved", note: "Still fine by me." } }, "manager");
      }
    }
    add({ type: "actions_agreed", data: { actions: actions(2) } });
  }
  const finalActions = actions(o.readbackRefusedOnce ? 2 : 1);
  add({ type: "readback_answered", data: { accepted: true } });
  // Prevent
  if (!reach("prevent")) return done();
  add({ type: "root_causes_tagged", data: { tags: o.rootCauses, note: "Add a second cook on busy nights." } });
  add({ type: "case_closed", data: {} });
  if (o.followUp) {
    for (const action of finalActions) {
      add({ type: "action_updated", data: { actionId: action.id, status: "done", note: "Done the same evening." } }, "manager");
    }
    add({ type: "manager_note_added", data: { text: "Spoke to the kitchen about timing." } }, "manager");
  }
  return done();
}

/** The list of events of a straightforward complaint (a shorthand for `scriptCase(options).events`). */
export function happyPathEvents(options: ScriptOptions = {}): PlaybookEvent[] {
  return scriptCase(options).events;
}

export type RecordOptions = {
  start?: Date;
  /** Time between two events. */
  stepMs?: number;
  staff?: Actor;
  manager?: Actor;
};

export const DEFAULT_STAFF: Actor = { id: "staff-1", role: "staff" };
export const DEFAULT_MANAGER: Actor = { id: "manager-1", role: "manager" };

/** A script as a log: one event every `stepMs`, manager events by the manager, the rest by staff. */
export function recordScript(script: Script, options: RecordOptions = {}): RecordedEvent[] {
  const start = (options.start ?? new Date("2025-06-01T19:00:00.000Z")).getTime();
  const stepMs = options.stepMs ?? 60_000;
  const staff = options.staff ?? DEFAULT_STAFF;
  const manager = options.manager ?? DEFAULT_MANAGER;
  const managers = new Set(script.managerEventIndexes);
  return script.events.map((event, index) => recorded(event, new Date(start + index * stepMs), managers.has(index) ? manager : staff));
}

/** Named variants covering every detour, for tests and the demo seed. */
export const SCRIPT_VARIANTS = {
  straightforward: {},
  followedUp: { followUp: true, readbackRefusedOnce: true },
  minorSkipCompensation: { severity: 1, category: "wait_time", mood: "calm", compensationCents: "skip" },
  sayNo: { sayNo: true, category: "billing" },
  escalationApproved: { escalate: "approved", severity: 3, mood: "angry" },
  escalationDeclined: { escalate: "declined", sayNo: true },
  compensationAboveLimit: { compensationCents: 4500, compensationKind: "refund", severity: 4 },
  compensationByManager: { compensationCents: 4500, compensationByManager: true },
  compensationDeclinedOnce: { compensationDeclinedOnce: true, compensationCents: 1000 },
  compensationDeclinedThenSkipped: { compensationDeclinedOnce: true, compensationCents: "skip" },
  readbackRefusedOnce: { readbackRefusedOnce: true },
  readbackRefusedAfterSkip: { readbackRefusedOnce: true, compensationCents: "skip" },
  ventAtApologise: { ventAt: "apologise" },
  ventAtSolve: { ventAt: "solve", mood: "furious" },
  ventAtCompensateBackToValidate: { ventAt: "compensate", ventBackTo: "validate" },
  ventAtConfirm: { ventAt: "confirm", note: "Regular customer, usually sits by the window." },
  ventAtPrevent: { ventAt: "prevent" },
  everything: {
    severity: 4,
    category: "service",
    mood: "furious",
    sayNo: true,
    escalate: "approved",
    compensationDeclinedOnce: true,
    compensationCents: 3000,
    readbackRefusedOnce: true,
    ventAt: "solve",
    note: "Birthday dinner.",
    practice: true,
    followUp: true,
  },
  abandonedAtListen: { abandonAt: "listen" },
  abandonedAtSolve: { abandonAt: "solve", sayNo: true },
  abandonedAtConfirm: { abandonAt: "confirm", compensationCents: 4500 },
} as const satisfies Record<string, ScriptOptions>;
export type ScriptVariant = keyof typeof SCRIPT_VARIANTS;
