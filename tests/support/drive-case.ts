// Builds real cases through openCase/appendEvent with a controlled clock, for the manager-desk
// integration tests (and anyone who needs a case at a given point of the playbook).
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent } from "@/lib/cases/append-event";
import { openCase, openPracticeCase } from "@/lib/cases/open-case";
import type { Db } from "@/lib/db/client";
import type { Category, Feeling, Mood, PlaybookEvent } from "@/lib/playbook";

export const STOPS = [
  "listen",
  "validate",
  "apologise",
  "solve",
  "escalated",
  "compensate",
  "remedy_pending",
  "confirm",
  "prevent",
  "closed",
] as const;
export type Stop = (typeof STOPS)[number];

export type CaseSpec = {
  staff: Actor;
  manager?: Actor;
  /** When the case is opened; every further step comes `stepMs` later. */
  at: Date;
  stepMs?: number;
  stopAt?: Stop;
  category?: Category;
  severity?: 1 | 2 | 3 | 4;
  mood?: Mood;
  spot?: string;
  words?: string;
  feeling?: Feeling;
  /** Compensation value (minor units) or "skip". Above the staff limit (£15) it waits for a manager unless `stopAt` is past it, then the manager approves. */
  compensationCents?: number | "skip";
  readbackAccepted?: boolean;
  tags?: string[];
  actionDueAt?: Date;
  abandon?: boolean;
  practice?: boolean;
};

export type DrivenCase = { caseId: string; reference: string; actionId: string; lastAt: Date };

export async function driveCase(db: Db, spec: CaseSpec): Promise<DrivenCase> {
  const step = spec.stepMs ?? 60_000;
  let t = spec.at.getTime();
  const clock = () => new Date(t);
  const stop = spec.stopAt ?? "closed";
  const reached = (s: Stop) => STOPS.indexOf(stop) >= STOPS.indexOf(s);
  const id = randomUUID();
  const actionId = `act-${id}`;

  const opened = await (spec.practice ? openPracticeCase : openCase)(db, spec.staff, { clientEventId: randomUUID() }, clock);
  const caseId = opened.caseId;
  const add = async (event: PlaybookEvent, actor: Actor = spec.staff) => {
    t += step;
    await appendEvent(db, actor, caseId, { clientEventId: randomUUID(), event }, clock);
  };
  const done = () => ({ caseId, reference: opened.reference, actionId, lastAt: clock() });

  if (!reached("validate")) return done();
  await add({
    type: "complaint_heard",
    data: {
      customerWords: spec.words ?? "The soup was cold and we waited forty minutes.",
      category: spec.category ?? "food_quality",
      severity: spec.severity ?? 2,
      spot: spec.spot ?? "Table 4",
      mood: spec.mood ?? "upset",
    },
  });
  if (spec.abandon) {
    await add({ type: "case_abandoned", data: { reason: "The customer left." } });
    return done();
  }
  if (!reached("apologise")) return done();
  await add({ type: "feeling_validated", data: { feeling: spec.feeling ?? "frustrated", acknowledged: true } });
  if (!reached("solve")) return done();
  await add({ type: "apology_given", data: { sincere: true, ourFault: true } });
  await add({ type: "options_offered", data: { options: ["Cook a fresh dish now", "Take the dish off the bill"] } });
  if (stop === "escalated") {
    await add({
      type: "request_declined",
      data: { request: "Make the whole meal free", reason: "More than I can give", alternatives: ["Dessert on the house"] },
    });
    await add({ type: "escalation_requested", data: { reason: "The customer asks for the manager." } });
    return done();
  }
  if (!reached("compensate")) return done();
  await add({ type: "solution_agreed", data: { option: "Cook a fresh dish now" } });
  const cents = spec.compensationCents ?? 500;
  if (stop === "compensate") return done();
  if (cents === "skip") {
    await add({ type: "compensation_skipped", data: { reason: "The customer wanted nothing extra." } });
  } else {
    await add({
      type: "compensation_offered",
      data: { id: `comp-${id}`, kind: "refund", description: "Refund the main course", valueCents: cents },
    });
    if (stop === "remedy_pending") return done();
    if (cents > 1500) {
      if (!spec.manager) throw new Error("A manager is needed to approve compensation above the limit");
      await add({ type: "manager_decided", data: { decision: "approved", note: "Fine." } }, spec.manager);
    }
  }
  await add({
    type: "actions_agreed",
    data: {
      actions: [
        {
          id: actionId,
          description: "Bring the fresh dish",
          owner: "Chef on shift",
          dueAt: (spec.actionDueAt ?? new Date(t + 3_600_000)).toISOString(),
        },
      ],
    },
  });
  if (!reached("prevent")) return done();
  if (spec.readbackAccepted === false) {
    await add({ type: "readback_answered", data: { accepted: false } });
    return done();
  }
  await add({ type: "readback_answered", data: { accepted: true } });
  if (!reached("closed")) return done();
  await add({ type: "root_causes_tagged", data: { tags: spec.tags ?? ["product_quality"] } });
  await add({ type: "case_closed", data: {} });
  return done();
}
