// Demo heads-ups: a few weeks of floor-wide heads-ups at each venue (raised, tables told, ended),
// written through the same use-cases as the app, and one live heads-up so a new user sees the
// banner at once. Deterministic ids: a second run adds nothing.
import type { Db } from "@/lib/db/client";
import { endHeadsUp } from "@/lib/heads-ups/end-heads-up";
import { raiseHeadsUp } from "@/lib/heads-ups/raise-heads-up";
import { tellTable } from "@/lib/heads-ups/tell-table";
import { appendHeadsUpEvent } from "@/lib/heads-ups/append-heads-up-event";
import type { HeadsUpChoice, HeadsUpKind } from "@/lib/playbook/heads-up";
import { actorFor } from "@/tests/support/actors";

type Script = {
  venue: "loc-harbour" | "loc-grand";
  by: string;
  kind: HeadsUpKind;
  what: string;
  reason: string;
  options: { choice: HeadsUpChoice; text: string }[];
  spots: string[];
  minutes: number;
};

const SCRIPTS: Script[] = [
  {
    venue: "loc-harbour",
    by: "usr-amira",
    kind: "sold_out",
    what: "Sea bass sold out",
    reason: "It has been our most popular dish tonight",
    options: [
      { choice: "change", text: "The hake, cooked the same way" },
      { choice: "change", text: "The risotto of the day" },
      { choice: "cancel", text: "Cancel the main, no charge" },
    ],
    spots: ["Table 3", "Table 8", "Table 11"],
    minutes: 90,
  },
  {
    venue: "loc-harbour",
    by: "usr-maria",
    kind: "running_late",
    what: "Kitchen running 25 minutes behind",
    reason: "A party of twenty arrived at once and every dish is cooked to order",
    options: [
      { choice: "wait", text: "Wait about 25 minutes, bread and olives on us" },
      { choice: "change", text: "Something quicker from the small plates" },
      { choice: "cancel", text: "Cancel, no charge for drinks" },
    ],
    spots: ["Table 2", "Table 5", "Table 6", "Table 9"],
    minutes: 60,
  },
  {
    venue: "loc-grand",
    by: "usr-chloe",
    kind: "out_of_order",
    what: "The east lift is out of order",
    reason: "It failed its safety check this morning and an engineer is on the way",
    options: [
      { choice: "wait", text: "Use the west lift, two minutes further" },
      { choice: "change", text: "Move to a room on a lower floor" },
      { choice: "other", text: "A porter carries the bags up" },
    ],
    spots: ["Room 412", "Room 415", "Room 508"],
    minutes: 240,
  },
];

/** The live demo heads-up: on the Harbour Kitchen's tablets from the first sign-in. */
const LIVE: Script = {
  venue: "loc-harbour",
  by: "usr-maria",
  kind: "sold_out",
  what: "Salmon sold out",
  reason: "It has been more popular than ever tonight",
  options: [
    { choice: "change", text: "The sea trout, cooked the same way" },
    { choice: "wait", text: "Wait 20 minutes for the last fillet from the smoker" },
    { choice: "cancel", text: "Cancel the main, no charge" },
  ],
  spots: ["Table 4"],
  minutes: 0,
};

export async function seedHeadsUps(
  db: Db,
  { now, days = 28, live = true }: { now: Date; days?: number; live?: boolean },
): Promise<{ raised: number; told: number }> {
  let raised = 0;
  let told = 0;
  const stepNow = (at: Date) => () => at;
  const rounds = Math.max(1, Math.floor(days / 7));
  for (let week = rounds; week >= 1; week--) {
    for (const [i, s] of SCRIPTS.entries()) {
      // Evenings, a week apart: day (week × 7 − i), 19:00 UTC.
      const at = new Date(now.getTime() - (week * 7 - i) * 86_400_000);
      at.setUTCHours(19, 0, 0, 0);
      const actor = actorFor(s.by, s.venue);
      const key = `seed-hu-${s.venue}-${week}-${i}`;
      const { id } = await raiseHeadsUp(
        db,
        actor,
        { clientEventId: key, kind: s.kind, what: s.what, reason: s.reason, options: s.options },
        stepNow(at),
      );
      raised += 1;
      for (const [k, spot] of s.spots.entries()) {
        const option = s.options[(k + week) % s.options.length];
        const teller = actorFor(k % 2 === 0 ? s.by : s.venue === "loc-harbour" ? "usr-ben" : "usr-dev", s.venue);
        const toldAt = new Date(at.getTime() + (k + 1) * 3 * 60_000);
        const result = await tellTable(
          db,
          teller,
          id,
          { clientEventId: `${key}-t${k}`, spot, choice: option.choice, option: option.text, customerAskedFirst: (k + week) % 5 === 0 },
          stepNow(toldAt),
        );
        told += 1;
        if (!result.duplicate) {
          const later = new Date(toldAt.getTime() + 60_000);
          await appendHeadsUpEvent(
            db,
            teller,
            result.caseId,
            { clientEventId: `${key}-t${k}-ok`, event: { type: "choice_confirmed", data: { accepted: true } } },
            stepNow(later),
          );
          await appendHeadsUpEvent(
            db,
            teller,
            result.caseId,
            {
              clientEventId: `${key}-t${k}-pv`,
              event: { type: "prevention_noted", data: { tags: [], note: "Covered by the floor-wide heads-up" } },
            },
            stepNow(later),
          );
          await appendHeadsUpEvent(
            db,
            teller,
            result.caseId,
            { clientEventId: `${key}-t${k}-cl`, event: { type: "heads_up_closed", data: {} } },
            stepNow(later),
          );
        }
      }
      await endHeadsUp(db, actorFor(s.by, s.venue), id, { note: "Back to normal" }, stepNow(new Date(at.getTime() + s.minutes * 60_000)));
    }
  }
  if (live) {
    const actor = actorFor(LIVE.by, LIVE.venue);
    const at = new Date(now.getTime() - 10 * 60_000);
    const { id } = await raiseHeadsUp(
      db,
      actor,
      { clientEventId: "seed-hu-live", kind: LIVE.kind, what: LIVE.what, reason: LIVE.reason, options: LIVE.options },
      stepNow(at),
    );
    raised += 1;
    await tellTable(
      db,
      actorFor("usr-ben", LIVE.venue),
      id,
      { clientEventId: "seed-hu-live-t0", spot: LIVE.spots[0], choice: "change", option: LIVE.options[0].text },
      stepNow(new Date(at.getTime() + 2 * 60_000)),
    );
    told += 1;
  }
  return { raised, told };
}
