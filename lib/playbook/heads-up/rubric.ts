// The heads-up rubric, written from the seed articles: tell them early, give the plain true reason
// with no excuse, give them options, respect the choice they make, and confirm it. Pure, like the
// complaint rubric (../rubric.ts), whose item shape, outcome and score it shares; the excuse check
// is the live phrase coach's own judge, so the score and the screen never disagree.
import { assessPhrase } from "../phrase-coach";
import { PHRASE_KIND_LABELS } from "../phrase-kinds";
import type { RubricOutcome, RubricResult } from "../rubric";
import type { RecordedHeadsUpEvent } from "./events";
import { foldHeadsUpSteps, transitionHeadsUp } from "./machine";
import { initialHeadsUpState, type HeadsUpState } from "./state";

export const HEADS_UP_RUBRIC_ITEMS = ["told_early", "true_reason", "options_given", "choice_respected", "choice_confirmed"] as const;
export type HeadsUpRubricItemId = (typeof HEADS_UP_RUBRIC_ITEMS)[number];

export const HEADS_UP_RUBRIC_LABELS: Record<HeadsUpRubricItemId, string> = {
  told_early: "Told them early, before they had to ask",
  true_reason: "Gave the plain, true reason, no excuse",
  options_given: "Gave real options (wait, change, cancel)",
  choice_respected: "Respected the customer's choice",
  choice_confirmed: "Read the choice back; the customer agreed",
};

/** Told within this long of noticing the problem counts as early. */
export const TOLD_EARLY_MS = 5 * 60_000;

export type HeadsUpRubricItem = {
  id: HeadsUpRubricItemId;
  label: string;
  outcome: RubricOutcome;
  eventIndex: number | null;
  sequence: number | null;
  reason: string;
};
export type HeadsUpRubricResult = Omit<RubricResult, "items"> & { items: HeadsUpRubricItem[] };

type Proof = { outcome: RubricOutcome; index: number | null; reason: string };
type Context = { log: readonly RecordedHeadsUpEvent[]; states: HeadsUpState[]; final: HeadsUpState };
const met = (index: number, reason: string): Proof => ({ outcome: "met", index, reason });
const missed = (index: number, reason: string): Proof => ({ outcome: "missed", index, reason });
const notApplicable = (reason: string): Proof => ({ outcome: "not_applicable", index: null, reason });

function toldEarly({ log }: Context): Proof {
  const noticed = log.findIndex((e) => e.type === "issue_noticed");
  const told = log.findIndex((e) => e.type === "reason_explained");
  if (noticed === -1 || told === -1) return notApplicable("The customer was never told.");
  const n = log[noticed];
  if (n.type === "issue_noticed" && n.data.customerAskedFirst) return missed(noticed, "The customer had to ask before anyone told them.");
  const wait = log[told].at.getTime() - n.at.getTime();
  return wait <= TOLD_EARLY_MS
    ? met(told, "Told them before they asked, straight after it was noticed.")
    : missed(told, `Told them ${Math.round(wait / 60_000)} min after it was noticed: go as soon as you know.`);
}

function trueReason({ log }: Context): Proof {
  const index = log.findIndex((e) => e.type === "reason_explained");
  if (index === -1) return notApplicable("No reason was given.");
  const e = log[index];
  if (e.type !== "reason_explained") return notApplicable("No reason was given.");
  const flag = [e.data.reason, e.data.words ?? ""]
    .flatMap((t) => assessPhrase(t))
    .find(
      (f) =>
        f.severity === "flag" &&
        (f.kind === "excuse" || f.kind === "blame_colleague" || f.kind === "blame_customer" || f.kind === "policy"),
    );
  if (flag)
    return missed(index, `“${flag.match}” sounds like ${PHRASE_KIND_LABELS[flag.kind].toLowerCase()}: give the plain reason instead.`);
  return met(index, "One plain, true reason, with no excuse or blame.");
}

function optionsGiven({ log, final }: Context): Proof {
  const index = log.findIndex((e) => e.type === "options_offered");
  if (index === -1)
    return log.some((e) => e.type === "reason_explained")
      ? missed(
          log.findIndex((e) => e.type === "reason_explained"),
          "No options were offered.",
        )
      : notApplicable("The heads-up ended before options.");
  const kinds = new Set(final.options.map((o) => o.choice));
  return kinds.size >= 2
    ? met(index, `Offered ${final.options.length} options of ${kinds.size} kinds, so the choice was theirs.`)
    : missed(index, "Every option was the same kind: offer waiting, changing or cancelling side by side.");
}

function choiceRespected({ log, states }: Context): Proof {
  const decided = log.findIndex((e) => e.type === "customer_decided");
  if (decided === -1) return notApplicable("The customer did not get to choose.");
  const refused = log.findIndex((e) => e.type === "choice_confirmed" && !e.data.accepted);
  if (refused !== -1) return missed(refused, "The customer said “not quite”: their choice was not recorded as they made it.");
  const ended = states.findIndex((s) => s.phase === "complained");
  if (ended !== -1) return missed(ended, "They complained after choosing: check what they were promised.");
  return met(decided, "Recorded the choice the customer made, as they made it.");
}

function choiceConfirmed({ log }: Context): Proof {
  const accepted = log.findIndex((e) => e.type === "choice_confirmed" && e.data.accepted);
  if (accepted !== -1) return met(accepted, "Read the choice back and the customer said yes.");
  const decided = log.findIndex((e) => e.type === "customer_decided");
  return decided === -1
    ? notApplicable("Nothing was chosen to read back.")
    : missed(decided, "The choice was never read back to the customer.");
}

const CHECKS: Record<HeadsUpRubricItemId, (ctx: Context) => Proof> = {
  told_early: toldEarly,
  true_reason: trueReason,
  options_given: optionsGiven,
  choice_respected: choiceRespected,
  choice_confirmed: choiceConfirmed,
};

/** States after each event; a refused step (redacted copies) keeps the state it was given. */
function replay(log: readonly RecordedHeadsUpEvent[]): HeadsUpState[] {
  try {
    return foldHeadsUpSteps(log);
  } catch {
    const states: HeadsUpState[] = [];
    log.reduce((s, e) => {
      const r = transitionHeadsUp(s, e);
      const next = r.ok ? r.state : s;
      states.push(next);
      return next;
    }, initialHeadsUpState);
    return states;
  }
}

export function scoreHeadsUp(log: readonly RecordedHeadsUpEvent[]): HeadsUpRubricResult {
  const states = replay(log);
  const ctx: Context = { log, states, final: states.at(-1) ?? initialHeadsUpState };
  const items = HEADS_UP_RUBRIC_ITEMS.map((id): HeadsUpRubricItem => {
    const proof = log.length === 0 ? notApplicable("Nothing was recorded.") : CHECKS[id](ctx);
    const index = proof.outcome !== "not_applicable" && proof.index !== null && proof.index >= 0 ? proof.index : null;
    return {
      id,
      label: HEADS_UP_RUBRIC_LABELS[id],
      outcome: proof.outcome,
      eventIndex: index,
      sequence: index === null ? null : index + 1,
      reason: proof.reason,
    };
  });
  const metCount = items.filter((i) => i.outcome === "met").length;
  const missedCount = items.filter((i) => i.outcome === "missed").length;
  const applicable = metCount + missedCount;
  return {
    items,
    met: metCount,
    missed: missedCount,
    applicable,
    score: applicable === 0 ? null : Math.round((100 * metCount) / applicable),
  };
}
