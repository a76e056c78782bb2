import "server-only";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { buildHeadsUpReadback, suggestedHeadsUpWords } from "@/lib/playbook/heads-up";
import { loadHeadsUpState, parseId } from "./common";

/** One heads-up case for its venue's staff: the log folded, the read-back, and who did what. */
export async function getHeadsUpCase(db: Db, actor: Actor, caseId: string) {
  assertCan(actor, "headsUp.tell");
  const id = parseId(caseId, "heads-up case");
  const row = await db.headsUpCase.findUnique({
    where: { id },
    include: { location: { select: { name: true, timezone: true } }, alert: { select: { id: true, what: true, endedAt: true } } },
  });
  if (!row) throw new AppError("not_found", "No heads-up case with that id.");
  assertAtLocation(actor, row.locationId);
  const { log, state } = await loadHeadsUpState(db, id);
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(log.map((e) => e.actor.id))] } },
    select: { id: true, name: true },
  });
  const names = Object.fromEntries(people.map((p) => [p.id, p.name]));
  const complaint = row.complaintCaseId
    ? await db.case.findUnique({ where: { id: row.complaintCaseId }, select: { id: true, reference: true } })
    : null;
  return {
    id: row.id,
    reference: row.reference,
    locationId: row.locationId,
    locationName: row.location.name,
    timeZone: row.location.timezone,
    alert: row.alert ? { id: row.alert.id, what: row.alert.what, ended: row.alert.endedAt !== null } : null,
    state,
    log: log.map((e) => ({ type: e.type, at: e.at.toISOString(), actorName: names[e.actor.id] ?? "Someone" })),
    toldBy: state.toldById ? (names[state.toldById] ?? null) : null,
    readback: buildHeadsUpReadback(state),
    words:
      state.issue && state.reason
        ? suggestedHeadsUpWords({ kind: state.issue.kind, what: state.issue.what, reason: state.reason.reason, options: state.options })
        : [],
    complaint,
  };
}
export type HeadsUpCaseView = Awaited<ReturnType<typeof getHeadsUpCase>>;
