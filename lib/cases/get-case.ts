import "server-only";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { toRecordedEvent } from "./case-log";
import { redactForTrainer } from "./redact";

/**
 * What a tablet needs to resume a case exactly where it was: the log, folded on the client too.
 * A role without "case.viewCustomerDetails" (trainers) gets the log with contact details masked,
 * and a role without "case.viewLive" (trainers again) only ended cases.
 */
export async function getCase(db: Db, actor: Actor, caseId: string) {
  assertCan(actor, "case.view");
  if (typeof caseId !== "string" || caseId.length > 64) throw new AppError("invalid_input", "Not a case id.");
  const row = await db.case.findUnique({
    where: { id: caseId },
    include: { location: { select: { name: true, timezone: true } }, openedBy: { select: { name: true } } },
  });
  if (!row) throw new AppError("not_found", "No case with that id.");
  assertAtLocation(actor, row.locationId);
  // A live case is the staff's business while the customer is still there (trainers: ended cases only).
  if (row.status !== "closed" && row.status !== "abandoned") assertCan(actor, "case.viewLive");
  const rows = await db.caseEvent.findMany({ where: { caseId }, orderBy: { sequence: "asc" } });
  const view = {
    id: row.id,
    reference: row.reference,
    locationId: row.locationId,
    locationName: row.location.name,
    /** The venue's clock: due times and dates on the tablet are read in it. */
    timeZone: row.location.timezone,
    openedByName: row.openedBy.name,
    // Each step's client id lets a tablet tell which of its own waiting steps the server already has.
    log: rows.map((row) => ({ ...toRecordedEvent(row), at: row.at.toISOString(), clientEventId: row.clientEventId })),
  };
  return can(actor, "case.viewCustomerDetails") ? view : redactForTrainer(view);
}
export type CaseView = Awaited<ReturnType<typeof getCase>>;
export type SerialisedEvent = CaseView["log"][number];

export async function listRootCauseTags(db: Db) {
  return db.rootCauseTag.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { slug: true, label: true } });
}
