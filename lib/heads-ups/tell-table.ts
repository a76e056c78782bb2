import "server-only";
import { z } from "zod";
import { assertAtLocation, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { clientEventIdSchema } from "@/lib/cases/client-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { HEADS_UP_CHOICES, type HeadsUpEvent, type HeadsUpKind } from "@/lib/playbook/heads-up";
import { parseInput } from "@/lib/validation";
import { parseId, parseOptions } from "./common";
import { recordNewHeadsUp } from "./record-heads-up";

export const tellTableSchema = z.object({
  clientEventId: clientEventIdSchema,
  spot: z.string().trim().min(1, "Say which table or room").max(80, "At most 80 characters"),
  choice: z.enum(HEADS_UP_CHOICES, { message: "Pick what they chose" }),
  /** The option they chose, as the heads-up offered it; free words for "something else". */
  option: z.string().trim().min(1, "Say what they chose").max(200, "At most 200 characters"),
  customerAskedFirst: z.boolean().default(false),
  note: z.string().trim().max(500).optional(),
});

/**
 * Ticks a table or room off a live heads-up: a heads-up case with the heads-up's own words (what,
 * why, the options) and who told them, what they chose, recorded step by step through the
 * heads-up playbook. It waits at Confirm for the read-back.
 */
export async function tellTable(db: Db, actor: Actor, alertId: string, input: unknown, now: () => Date = () => new Date()) {
  assertCan(actor, "headsUp.tell");
  const id = parseId(alertId);
  const data = parseInput(tellTableSchema, input);
  const alert = await db.headsUpAlert.findUnique({ where: { id } });
  if (!alert) throw new AppError("not_found", "No heads-up with that id.");
  assertAtLocation(actor, alert.locationId);
  if (alert.endedAt) {
    const repeat = await db.headsUpEvent.findUnique({ where: { clientEventId: data.clientEventId }, select: { id: true } });
    if (!repeat) throw new AppError("conflict", "This heads-up has ended; tables are no longer being told about it.");
  }
  const options = parseOptions(alert.options);
  const steps: HeadsUpEvent[] = [
    {
      type: "issue_noticed",
      data: { kind: alert.kind as HeadsUpKind, what: alert.what, spot: data.spot, customerAskedFirst: data.customerAskedFirst },
    },
    { type: "reason_explained", data: { reason: alert.reason, trueReason: true } },
    { type: "options_offered", data: { options } },
    { type: "customer_decided", data: { choice: data.choice, option: data.option, note: data.note || undefined } },
  ];
  return recordNewHeadsUp(db, actor, { clientEventId: data.clientEventId, locationId: alert.locationId, alertId: alert.id, steps }, now);
}
