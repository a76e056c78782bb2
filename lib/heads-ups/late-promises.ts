import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { formatDue } from "@/lib/playbook";
import { floorLocations } from "./common";

/**
 * How late a promise may be and still prompt "go back and tell them": the customer is still at the
 * table, in the room or expecting the call. Older misses are the manager's follow-up (the queue).
 */
export const LATE_PROMPT_WINDOW_MS = 12 * 3_600_000;

/**
 * Agreed actions past their time and still open, which nobody has gone back to tell the customer
 * about since they fell due (a promise_update_told event at or after the due time). `mineOnly`: only
 * the ones this person owns (the owner named as them, or a case they opened with its owner not a
 * colleague at the venue).
 */
export async function listLatePromises(db: Db, actor: Actor, { now, mineOnly }: { now: Date; mineOnly: boolean }) {
  const locationIds = floorLocations(actor);
  const overdue = await db.agreedAction.findMany({
    where: {
      status: "open",
      dueAt: { lt: now, gte: new Date(now.getTime() - LATE_PROMPT_WINDOW_MS) },
      case: { locationId: { in: locationIds }, isPractice: false },
    },
    orderBy: { dueAt: "asc" },
    take: 50,
    select: {
      id: true,
      description: true,
      owner: true,
      dueAt: true,
      case: {
        select: {
          id: true,
          reference: true,
          spot: true,
          openedById: true,
          openedBy: { select: { name: true } },
          location: { select: { timezone: true } },
        },
      },
    },
  });
  if (overdue.length === 0) return [];
  const tellings = await db.caseEvent.findMany({
    where: { caseId: { in: [...new Set(overdue.map((a) => a.case.id))] }, type: "promise_update_told" },
    select: { caseId: true, payload: true, at: true },
  });
  const colleagues = mineOnly
    ? await db.user.findMany({ where: { active: true, locations: { some: { locationId: { in: locationIds } } } }, select: { name: true } })
    : [];
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  const colleagueNames = new Set(colleagues.map((c) => norm(c.name)));
  const mine = (owner: string, openedById: string) =>
    norm(owner) === norm(actor.name) ||
    (openedById === actor.id && (!colleagueNames.has(norm(owner)) || /^(me|i|myself)$/i.test(owner.trim())));

  return overdue
    .filter((a) => {
      const toldSinceDue = tellings.some((t) => {
        if (t.caseId !== a.case.id || t.at < a.dueAt) return false;
        try {
          return (JSON.parse(t.payload) as { actionId?: string }).actionId === a.id;
        } catch {
          return false;
        }
      });
      return !toldSinceDue && (!mineOnly || mine(a.owner, a.case.openedById));
    })
    .map((a) => ({
      actionId: a.id,
      caseId: a.case.id,
      reference: a.case.reference,
      spot: a.case.spot,
      description: a.description,
      owner: a.owner,
      openedBy: a.case.openedBy.name,
      dueAt: a.dueAt.toISOString(),
      due: formatDue(a.dueAt.toISOString(), { timeZone: a.case.location.timezone, now }),
      minutesLate: Math.max(0, Math.floor((now.getTime() - a.dueAt.getTime()) / 60_000)),
    }));
}
