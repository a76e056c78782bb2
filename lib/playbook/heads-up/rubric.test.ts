import { describe, expect, it } from "vitest";
import type { Actor } from "../events";
import type { HeadsUpEvent, HeadsUpEventType } from "./events";
import { scoreHeadsUp } from "./rubric";
import { HEADS_UP_SAMPLE, HEADS_UP_WALK, recordedHeadsUp } from "@/tests/support/playbook/heads-up";

const STAFF: Actor = { id: "staff-1", role: "staff" };
const log = (events: HeadsUpEvent[], gapMs = 30_000) =>
  events.map((e, i) => recordedHeadsUp(e, new Date(Date.UTC(2025, 5, 2, 19) + i * gapMs), STAFF));
const walk = (replace: Partial<Record<HeadsUpEventType, HeadsUpEvent>> = {}) => HEADS_UP_WALK.map((t) => replace[t] ?? HEADS_UP_SAMPLE[t]);
const outcome = (result: ReturnType<typeof scoreHeadsUp>, id: string) => result.items.find((i) => i.id === id)?.outcome;

describe("the heads-up rubric", () => {
  it("meets every item on the plain walk", () => {
    const result = scoreHeadsUp(log(walk()));
    expect(result.items.map((i) => i.outcome)).toEqual(["met", "met", "met", "met", "met"]);
    expect(result.score).toBe(100);
  });

  it("misses 'early' when the customer had to ask, or the telling came late", () => {
    const asked = walk({
      issue_noticed: { ...HEADS_UP_SAMPLE.issue_noticed, data: { ...HEADS_UP_SAMPLE.issue_noticed.data, customerAskedFirst: true } },
    });
    expect(outcome(scoreHeadsUp(log(asked)), "told_early")).toBe("missed");
    expect(outcome(scoreHeadsUp(log(walk(), 10 * 60_000)), "told_early")).toBe("missed");
  });

  it("misses 'true reason' when the reason is an excuse, using the phrase coach", () => {
    const excuse = walk({
      reason_explained: { type: "reason_explained", data: { reason: "Sorry, we're short staffed tonight", trueReason: true } },
    });
    const item = scoreHeadsUp(log(excuse)).items.find((i) => i.id === "true_reason")!;
    expect(item.outcome).toBe("missed");
    expect(item.sequence).toBe(3);
  });

  it("misses 'choice respected' when the customer says not quite, or complains after choosing", () => {
    const events = [...walk().slice(0, 5), { type: "choice_confirmed", data: { accepted: false } } as HeadsUpEvent];
    expect(outcome(scoreHeadsUp(log(events)), "choice_respected")).toBe("missed");
    const complained = [...walk().slice(0, 5), HEADS_UP_SAMPLE.complaint_started];
    expect(outcome(scoreHeadsUp(log(complained)), "choice_respected")).toBe("missed");
    expect(outcome(scoreHeadsUp(log(complained)), "choice_confirmed")).toBe("missed");
  });

  it("counts nothing for an empty log", () => {
    expect(scoreHeadsUp([]).score).toBeNull();
  });
});
