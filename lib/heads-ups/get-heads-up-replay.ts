import "server-only";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { RecordedHeadsUpEvent } from "@/lib/playbook/heads-up";
import { scoreHeadsUp } from "@/lib/playbook/heads-up/rubric";
import { maskText } from "@/lib/training/common";
import { loadHeadsUpLog, parseId } from "./common";

const mask = (text: string) => maskText(text) ?? "";
const maskOptional = (text: string | undefined) => (text === undefined ? undefined : mask(text));

/** A heads-up log with free text masked as a trainer sees it (names, emails and phone numbers). */
function redact(log: readonly RecordedHeadsUpEvent[]): RecordedHeadsUpEvent[] {
  return log.map((e): RecordedHeadsUpEvent => {
    switch (e.type) {
      case "issue_noticed":
        return { ...e, data: { ...e.data, what: mask(e.data.what) } };
      case "reason_explained":
        return { ...e, data: { ...e.data, reason: mask(e.data.reason), words: maskOptional(e.data.words) } };
      case "options_offered":
        return { ...e, data: { options: e.data.options.map((o) => ({ ...o, text: mask(o.text) })) } };
      case "customer_decided":
        return { ...e, data: { ...e.data, option: mask(e.data.option), note: maskOptional(e.data.note) } };
      case "gesture_offered":
        return { ...e, data: { ...e.data, description: mask(e.data.description) } };
      case "choice_confirmed":
        return { ...e, data: { ...e.data, comment: maskOptional(e.data.comment) } };
      case "prevention_noted":
        return { ...e, data: { ...e.data, note: maskOptional(e.data.note) } };
      case "heads_up_abandoned":
        return { ...e, data: { reason: mask(e.data.reason) } };
      case "heads_up_note_added":
        return { ...e, data: { text: mask(e.data.text) } };
      default:
        return e;
    }
  });
}

/**
 * An ended heads-up case for a trainer: its log, redacted on the server (folded again in the
 * browser by the heads-up playbook), and its rubric with the step proving each item.
 */
export async function getHeadsUpReplay(db: Db, actor: Actor, caseId: string) {
  assertCan(actor, "trainer.replay");
  const id = parseId(caseId, "heads-up case");
  const row = await db.headsUpCase.findUnique({
    where: { id },
    include: { location: { select: { name: true } }, openedBy: { select: { name: true } } },
  });
  if (!row) throw new AppError("not_found", "No heads-up case with that id.");
  assertAtLocation(actor, row.locationId);
  if (row.status === "open")
    throw new AppError("conflict", "This heads-up is still open: it can be replayed once it has ended.", { reference: row.reference });
  // Scored on the redacted copy, as trainers see it: the same judge reads what they read.
  const log = redact(await loadHeadsUpLog(db, id));
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(log.map((e) => e.actor.id))] } },
    select: { id: true, name: true },
  });
  const names = Object.fromEntries(people.map((p) => [p.id, p.name]));
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    locationName: row.location.name,
    staffName: row.openedBy.name,
    log: log.map((e) => ({ ...e, at: e.at.toISOString(), actorName: names[e.actor.id] ?? "Someone" })),
    rubric: scoreHeadsUp(log),
  };
}
export type HeadsUpReplayView = Awaited<ReturnType<typeof getHeadsUpReplay>>;

/** Ended heads-up cases at the trainer's venues, newest first, each with its score. */
export async function listHeadsUpReplays(db: Db, actor: Actor, take = 20) {
  assertCan(actor, "trainer.replay");
  const rows = await db.headsUpCase.findMany({
    where: { locationId: { in: actor.locationIds }, status: { not: "open" } },
    orderBy: { openedAt: "desc" },
    take,
    include: { openedBy: { select: { name: true } }, location: { select: { name: true } } },
  });
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status,
      kind: r.kind,
      staffName: r.openedBy.name,
      locationName: r.location.name,
      openedAt: r.openedAt.toISOString(),
      score: scoreHeadsUp(redact(await loadHeadsUpLog(db, r.id))).score,
    })),
  );
}
