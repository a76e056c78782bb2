// Demo held steps (docs/decisions/0019-held-steps.md): steps sealed on a tablet that reached the
// server after their author's session had ended and the case had moved on, sent through the real
// path (lib/steps/append-sealed-step.ts), so the manager's "Held steps" screen is not empty.
// Deterministic client ids: a second run adds nothing.
import type { Db } from "@/lib/db/client";
import { sendEndedStep } from "@/tests/support/held-step";

type Script = {
  clientEventId: string;
  venue: "loc-harbour" | "loc-grand";
  status: "closed" | "abandoned";
  /** Which of the venue's cases with that status, newest first. */
  nth: number;
  by: string;
  event: Record<string, unknown>;
  /** Minutes after the case's last step: captured, then reaching the server. */
  capturedAfter: number;
  heldAfter: number;
};

const SCRIPTS: Script[] = [
  {
    clientEventId: "seed-held-harbour-note",
    venue: "loc-harbour",
    status: "closed",
    nth: 0,
    by: "usr-ben",
    event: { type: "note_added", data: { text: "Guest rang back: the refund has not shown on her card yet" } },
    capturedAfter: 25,
    heldAfter: 95,
  },
  {
    clientEventId: "seed-held-harbour-apology",
    venue: "loc-harbour",
    status: "abandoned",
    nth: 0,
    by: "usr-amira",
    event: { type: "apology_given", data: { sincere: true, ourFault: true, words: "I am so sorry the table was not ready" } },
    capturedAfter: 10,
    heldAfter: 50,
  },
  {
    clientEventId: "seed-held-grand-note",
    venue: "loc-grand",
    status: "closed",
    nth: 0,
    by: "usr-dev",
    event: { type: "note_added", data: { text: "Left a voucher at reception for the guest in room 214" } },
    capturedAfter: 40,
    heldAfter: 130,
  },
];

export async function seedHeldSteps(db: Db, { now }: { now: Date }): Promise<{ held: number }> {
  let held = 0;
  for (const s of SCRIPTS) {
    if (await db.heldStep.findUnique({ where: { clientEventId: s.clientEventId }, select: { id: true } })) continue;
    const target = await db.case.findFirst({
      where: { locationId: s.venue, status: s.status, isPractice: false },
      orderBy: [{ lastEventAt: "desc" }, { id: "asc" }],
      skip: s.nth,
      select: { id: true, lastEventAt: true },
    });
    if (!target) continue;
    const last = target.lastEventAt.getTime();
    const heldAt = new Date(Math.min(now.getTime(), last + s.heldAfter * 60_000));
    const capturedAt = new Date(Math.min(heldAt.getTime(), last + s.capturedAfter * 60_000));
    const result = await sendEndedStep(
      db,
      s.by,
      s.venue,
      { kind: "event", caseId: target.id, body: { clientEventId: s.clientEventId, capturedAt: capturedAt.toISOString(), event: s.event } },
      heldAt,
    );
    if (result.held) held += 1;
  }
  return { held };
}
