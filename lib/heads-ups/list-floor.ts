import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import {
  brokenPromiseWords,
  HEADS_UP_CHOICE_LABELS,
  suggestedHeadsUpWords,
  type HeadsUpChoice,
  type HeadsUpKind,
} from "@/lib/playbook/heads-up";
import { formatDue } from "@/lib/playbook";
import { floorLocations, parseOptions } from "./common";
import { listLatePromises } from "./late-promises";

/**
 * What every tablet of the venue polls for: its live heads-ups (with the words to use and the
 * tables already told) and the promises running late that are this person's to go back about.
 */
export async function listFloor(db: Db, actor: Actor, now: Date = new Date()) {
  assertCan(actor, "headsUp.tell");
  const locationIds = floorLocations(actor);
  const alerts = await db.headsUpAlert.findMany({
    where: { locationId: { in: locationIds }, endedAt: null },
    orderBy: { raisedAt: "desc" },
    take: 20,
    include: {
      raisedBy: { select: { name: true } },
      location: { select: { name: true, timezone: true } },
      cases: {
        orderBy: { openedAt: "asc" },
        select: {
          id: true,
          spot: true,
          choice: true,
          chosenOption: true,
          status: true,
          complaintCaseId: true,
          openedAt: true,
          openedBy: { select: { name: true } },
        },
      },
    },
  });
  const late = await listLatePromises(db, actor, { now, mineOnly: !can(actor, "manager.desk") });
  return {
    headsUps: alerts.map((a) => {
      const options = parseOptions(a.options);
      return {
        id: a.id,
        kind: a.kind as HeadsUpKind,
        what: a.what,
        reason: a.reason,
        options,
        raisedBy: a.raisedBy.name,
        raisedAt: a.raisedAt.toISOString(),
        raisedTime: formatDue(a.raisedAt.toISOString(), { timeZone: a.location.timezone, now }),
        mine: a.raisedById === actor.id,
        locationName: a.location.name,
        words: suggestedHeadsUpWords({ kind: a.kind as HeadsUpKind, what: a.what, reason: a.reason, options }),
        told: a.cases.map((c) => ({
          caseId: c.id,
          spot: c.spot ?? "",
          toldBy: c.openedBy.name,
          choice: c.choice ? HEADS_UP_CHOICE_LABELS[c.choice as HeadsUpChoice] : null,
          option: c.chosenOption,
          status: c.status,
          complaintCaseId: c.complaintCaseId,
        })),
      };
    }),
    latePromises: late.map((p) => ({ ...p, words: brokenPromiseWords({ what: p.description, due: p.due }) })),
  };
}
export type FloorView = Awaited<ReturnType<typeof listFloor>>;
