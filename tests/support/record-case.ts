// Writes a scripted complaint (tests/support/playbook/walkthrough.ts) through the real use-cases,
// openCase and appendEvent, with a controlled clock: for the training integration tests.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { appendEvent } from "@/lib/cases/append-event";
import { openCase, openPracticeCase } from "@/lib/cases/open-case";
import type { Db } from "@/lib/db/client";
import type { PlaybookEvent } from "@/lib/playbook";
import { scriptCase, type ScriptOptions } from "@/tests/support/playbook/walkthrough";

export type RecordCaseSpec = {
  staff: Actor;
  manager: Actor;
  at: Date;
  stepMs?: number;
  options?: ScriptOptions;
  /** Rewrites scripted events (same count, same order), e.g. to put words in someone's mouth. */
  edit?: (event: PlaybookEvent) => PlaybookEvent;
  /** Stop just before the first step of this type (e.g. "manager_decided": left waiting for a manager). */
  stopBefore?: PlaybookEvent["type"];
};

/** Every scripted step after case_opened, appended to a case that is already open (e.g. a practice run). */
export async function appendScript(db: Db, caseId: string, spec: RecordCaseSpec): Promise<void> {
  const step = spec.stepMs ?? 60_000;
  const script = scriptCase({ id: randomUUID().slice(0, 8), rootCauses: ["wait_time"], ...spec.options });
  const managers = new Set(script.managerEventIndexes);
  for (const [k, raw] of script.events.slice(1).entries()) {
    if (raw.type === spec.stopBefore) return;
    const event = spec.edit ? spec.edit(raw) : raw;
    const at = new Date(spec.at.getTime() + (k + 1) * step);
    await appendEvent(db, managers.has(k + 1) ? spec.manager : spec.staff, caseId, { clientEventId: randomUUID(), event }, () => at);
  }
}

export async function recordCase(db: Db, spec: RecordCaseSpec): Promise<{ caseId: string; reference: string }> {
  const opened = await (spec.options?.practice ? openPracticeCase : openCase)(
    db,
    spec.staff,
    { clientEventId: randomUUID() },
    () => spec.at,
  );
  await appendScript(db, opened.caseId, spec);
  return { caseId: opened.caseId, reference: opened.reference };
}
