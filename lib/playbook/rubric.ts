// The coaching rubric: how well a recorded case followed the playbook, item by item, each
// pointing at the event that proves it. Pure: the same log always gives the same result.
import { FIRST_APOLOGY_TARGET_MS } from "./first-apology";
import { mayDecide, ownLimitCents, remedyAuthorised } from "./authority";
import type { RecordedEvent } from "./events";
import { formatMoney } from "./money";
import { PHRASE_KIND_LABELS, assessPhrase, type PhraseFlag } from "./phrase-coach";
import { isProportionate, REMEDIES } from "./remedies";
import { replayStates, stateBefore } from "./replay";
import { allOptions, settledCompensation, type CaseState } from "./state";
import { FEELING_LABELS, SEVERITY_LABELS, type Phase, type Severity } from "./vocabulary";

export const RUBRIC_ITEMS = [
  "listened_first",
  "named_feeling",
  "apology_no_excuses",
  "options_offered",
  "remedy_proportionate",
  "confirmed_actions",
  "root_cause_tagged",
  "first_apology_time",
] as const;
export type RubricItemId = (typeof RUBRIC_ITEMS)[number];

export const RUBRIC_LABELS: Record<RubricItemId, string> = {
  listened_first: "Listened before solving",
  named_feeling: "Named and acknowledged the feeling",
  apology_no_excuses: "Apologised without excuses",
  options_offered: "Offered choices, or alternatives to a no",
  remedy_proportionate: "Remedy in proportion, within authority",
  confirmed_actions: "Confirmed actions; the customer agreed",
  root_cause_tagged: "Root cause tagged",
  first_apology_time: "Apologised within 3 minutes of hearing them out",
};

export type RubricOutcome = "met" | "missed" | "not_applicable";

export type RubricItem = {
  id: RubricItemId;
  label: string;
  outcome: RubricOutcome;
  /** Index in the log of the event that proves the outcome (null when not applicable). */
  eventIndex: number | null;
  /** The same event's CaseEvent.sequence (index + 1). */
  sequence: number | null;
  /** One line, in plain words. */
  reason: string;
};

export type RubricResult = {
  items: RubricItem[];
  met: number;
  missed: number;
  /** Items that were met or missed. */
  applicable: number;
  /** Met as a share of applicable items, 0–100; null when nothing applied. */
  score: number | null;
};

/** A complaint noted in fewer words than this was not captured in the customer's own words. */
export const MIN_COMPLAINT_WORDS = 4;
export { FIRST_APOLOGY_TARGET_MS };

const SOLVING = new Set<RecordedEvent["type"]>([
  "options_offered",
  "request_declined",
  "escalation_requested",
  "solution_agreed",
  "compensation_offered",
  "compensation_skipped",
]);
/** Owners that name nobody. */
const VAGUE_OWNER = /^(?:someone|somebody|anyone|anybody|staff|the team|team|tbc|tbd|n\/?a|unknown|\?+|-+)$/i;

type Proof = { outcome: RubricOutcome; index: number | null; reason: string };
type Context = { log: readonly RecordedEvent[]; states: CaseState[]; final: CaseState };

const met = (index: number, reason: string): Proof => ({ outcome: "met", index, reason });
const missed = (index: number, reason: string): Proof => ({ outcome: "missed", index, reason });
const notApplicable = (reason: string): Proof => ({ outcome: "not_applicable", index: null, reason });

function firstIndex(log: readonly RecordedEvent[], test: (e: RecordedEvent, i: number) => boolean): number {
  return log.findIndex(test);
}

function lastIndex(log: readonly RecordedEvent[], test: (e: RecordedEvent, i: number) => boolean): number {
  return log.findLastIndex(test);
}

/** Whether the case was ever in `phase` (after some event). */
function reached(ctx: Context, phase: Phase): boolean {
  return ctx.states.some((s) => s.phase === phase);
}

function short(text: string, max = 70): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function flagLine(flag: PhraseFlag): string {
  return `“${short(flag.match, 40)}” (${PHRASE_KIND_LABELS[flag.kind].replace(/[“”]/g, "").toLowerCase()})`;
}

/**
 * The phrase coach's first real flag on words said to the customer: the same judge the live
 * coach uses while they are typed, so the score and the screen never disagree. A gentle nudge
 * (a negative opener) does not count against them.
 */
function firstFlag(words: string | undefined): PhraseFlag | undefined {
  const flags = assessPhrase(words ?? "").filter((f) => f.severity === "flag");
  // "Sorry, we're short staffed": the excuse is the proof; the sorry it undid only follows from it.
  return flags.find((f) => f.rule !== "apology-undermined") ?? flags[0];
}

function minutes(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m === 0 ? `${s} s` : s === 0 ? `${m} min` : `${m} min ${s} s`;
}

function listenedFirst(ctx: Context): Proof {
  const heard = firstIndex(ctx.log, (e) => e.type === "complaint_heard");
  const solving = firstIndex(ctx.log, (e) => SOLVING.has(e.type));
  if (heard === -1) {
    return solving === -1
      ? notApplicable("The case ended before the complaint was heard.")
      : missed(solving, "Started solving before the complaint was heard.");
  }
  if (solving !== -1 && solving < heard) return missed(solving, "Started solving before the complaint was heard.");
  const event = ctx.log[heard];
  const words = event.type === "complaint_heard" ? event.data.customerWords : "";
  const count = words.trim().split(/\s+/).filter(Boolean).length;
  if (count < MIN_COMPLAINT_WORDS) {
    return missed(heard, `Only “${short(words, 40)}” was noted: capture the complaint in the customer's own words.`);
  }
  return solving === -1
    ? met(heard, "Heard the complaint out in the customer's own words.")
    : met(heard, "Heard the complaint in the customer's own words before offering a fix.");
}

function namedFeeling(ctx: Context): Proof {
  const validations = ctx.log.flatMap((e, i) => (e.type === "feeling_validated" ? [{ e, i }] : []));
  if (validations.length === 0) return notApplicable("The case ended before the feeling was named.");
  for (const { e, i } of validations) {
    if (!e.data.acknowledged) return missed(i, "The feeling was picked but not acknowledged out loud.");
    const flag = firstFlag(e.data.words);
    if (flag) return missed(i, `Named “${FEELING_LABELS[e.data.feeling]}”, but ${flagLine(flag)} undid it.`);
  }
  const { e, i } = validations[0];
  return met(
    i,
    e.data.words
      ? `Named “${FEELING_LABELS[e.data.feeling]}”: “${short(e.data.words, 60)}”`
      : `Named “${FEELING_LABELS[e.data.feeling]}” and acknowledged it.`,
  );
}

function apologyWithoutExcuses(ctx: Context): Proof {
  const apologies = ctx.log.flatMap((e, i) => (e.type === "apology_given" ? [{ e, i }] : []));
  if (apologies.length === 0) return notApplicable("The case ended before an apology.");
  for (const { e, i } of apologies) {
    const flag = firstFlag(e.data.words);
    if (flag) return missed(i, `The apology came with ${flagLine(flag)}.`);
  }
  const { e, i } = apologies[0];
  return met(i, e.data.words ? `A sincere apology, no excuses: “${short(e.data.words, 60)}”` : "A sincere apology (no words noted), no excuses.");
}

function offeredChoices(ctx: Context): Proof {
  if (!reached(ctx, "solve")) return notApplicable("The case ended before Solve.");
  const enough = ctx.states.findIndex((s) => allOptions(s).length >= 2);
  const count = allOptions(ctx.final).length;
  if (enough !== -1) {
    const declined = ctx.final.declined.length;
    const noPart = declined ? `, with alternatives to ${declined === 1 ? "the no" : `each of ${declined} noes`}` : "";
    return met(enough, `The customer could choose from ${count} options${noPart}.`);
  }
  const end = ctx.log.length - 1;
  if (count === 0) {
    return ctx.final.phase === "abandoned"
      ? notApplicable("The customer left before any option was offered.")
      : missed(end, "No option was offered.");
  }
  const last = lastIndex(ctx.log, (e) => e.type === "options_offered" || e.type === "request_declined");
  return missed(last === -1 ? end : last, "Only 1 option was offered: give the customer a choice of at least 2.");
}

function remedyInProportion(ctx: Context): Proof {
  const { final } = ctx;
  const severity = final.complaint?.severity as Severity | undefined;
  const settled = settledCompensation(final);
  if (!settled && final.compensationSkippedReason === undefined) {
    return notApplicable(reached(ctx, "compensate") ? "The case ended before a remedy was settled." : "The case ended before Compensate.");
  }
  if (!severity) return notApplicable("The complaint's severity was never recorded.");
  const band = REMEDIES[severity];
  const sev = SEVERITY_LABELS[severity].toLowerCase();
  if (settled) {
    const index = lastIndex(ctx.log, (e) => e.type === "compensation_offered" && e.data.id === settled.id);
    const offered = ctx.log[index];
    const before = stateBefore(ctx.states, index);
    const money = formatMoney(settled.valueCents);
    if (!remedyAuthorised(settled, offered, before)) {
      const limit = offered?.type === "compensation_offered" ? ownLimitCents(before, offered) : before.authorityLimitCents;
      return missed(index, `${money} is above the ${formatMoney(limit)} limit and was not approved.`);
    }
    // As approved: a counter-offer is scored on what the customer got, not on what was asked.
    const asked = settled.requested ? ` (asked: ${formatMoney(settled.requested.valueCents)})` : "";
    const proportion = isProportionate(severity, settled.valueCents);
    if (proportion === "low") return missed(index, `${money}${asked} is low for a ${sev} failure (suggested: ${band.label.toLowerCase()}).`);
    if (proportion === "high") {
      return missed(index, `${money}${asked} is more than a ${sev} failure needs (up to ${formatMoney(band.maxSuggestedCents)}).`);
    }
    const how =
      settled.status === "approved"
        ? settled.requested
          ? `approved by a manager instead of ${formatMoney(settled.requested.valueCents)}`
          : "approved by a manager"
        : offered && mayDecide(offered.actor.role)
          ? "given by a manager"
          : "within authority";
    return met(index, `${money} (${short(settled.description, 40)}) fits a ${sev} failure, ${how}.`);
  }
  if (final.compensationSkippedReason !== undefined) {
    const index = lastIndex(ctx.log, (e) => e.type === "compensation_skipped");
    const reason = `“${short(final.compensationSkippedReason, 50)}”`;
    if (isProportionate(severity, 0) === "fair") return met(index, `Nothing extra for a ${sev} slip, with a reason: ${reason}`);
    // A remedy makes up for our failure; when it was not ours, none is owed.
    if (final.apology?.ourFault === false) return met(index, `Nothing extra, as it was not our fault, with a reason: ${reason}`);
    return missed(index, `No remedy after a ${sev} failure (suggested: ${band.label.toLowerCase()}).`);
  }
  return notApplicable("No remedy was settled.");
}

function confirmedActions(ctx: Context): Proof {
  const accepted = firstIndex(ctx.log, (e) => e.type === "readback_answered" && e.data.accepted);
  if (accepted === -1) {
    const agreed = lastIndex(ctx.log, (e) => e.type === "actions_agreed");
    if (agreed === -1) return notApplicable(reached(ctx, "confirm") ? "The case ended before any action was agreed." : "The case ended before Confirm.");
    const refused = lastIndex(ctx.log, (e) => e.type === "readback_answered");
    return missed(Math.max(agreed, refused), "The customer never said yes to the read-back.");
  }
  const before = stateBefore(ctx.states, accepted);
  const agreedAt = lastIndex(ctx.log, (e, i) => i < accepted && e.type === "actions_agreed");
  const agreedTime = agreedAt === -1 ? ctx.log[accepted].at : ctx.log[agreedAt].at;
  for (const action of before.actions) {
    if (VAGUE_OWNER.test(action.owner.trim())) {
      return missed(agreedAt === -1 ? accepted : agreedAt, `“${short(action.description, 40)}” has no real owner (“${action.owner}”).`);
    }
    const due = new Date(action.dueAt);
    if (Number.isNaN(due.getTime()) || due.getTime() < agreedTime.getTime()) {
      return missed(agreedAt === -1 ? accepted : agreedAt, `“${short(action.description, 40)}” was due before it was agreed.`);
    }
  }
  const n = before.actions.length;
  const second = before.readbackRefusals > 0 ? `, at read-back ${before.readbackRefusals + 1}` : "";
  return met(accepted, `${n} action${n === 1 ? "" : "s"} with owners and times; the customer said yes${second}.`);
}

function rootCauseTagged(ctx: Context): Proof {
  const tagged = firstIndex(ctx.log, (e) => e.type === "root_causes_tagged");
  if (tagged !== -1) {
    const event = ctx.log[tagged];
    const tags = event.type === "root_causes_tagged" ? event.data.tags.map((t) => t.replaceAll("_", " ")).join(", ") : "";
    const note = event.type === "root_causes_tagged" && event.data.note ? ", with a prevention note" : "";
    return met(tagged, `Tagged ${tags}${note}.`);
  }
  if (reached(ctx, "prevent")) return missed(ctx.log.length - 1, "Reached Prevent, but no root cause was tagged.");
  return notApplicable("The case ended before Prevent.");
}

/**
 * The clock starts when the customer has been heard out (their complaint noted, the end of
 * Listen), not while they are still talking: interrupting a story to say sorry is no credit.
 */
function firstApologyTime(ctx: Context): Proof {
  const heardAt = firstIndex(ctx.log, (e) => e.type === "complaint_heard");
  const first = firstIndex(ctx.log, (e) => e.type === "apology_given");
  const target = minutes(FIRST_APOLOGY_TARGET_MS);
  if (heardAt === -1) return notApplicable("The customer was never heard out, so the clock never started.");
  const heard = ctx.log[heardAt].at.getTime();
  if (first !== -1) {
    const took = Math.max(0, ctx.log[first].at.getTime() - heard);
    return took <= FIRST_APOLOGY_TARGET_MS
      ? met(first, `First apology ${minutes(took)} after hearing them out (target: ${target}).`)
      : missed(first, `First apology ${minutes(took)} after hearing them out: aim for within ${target}.`);
  }
  const end = ctx.log.length - 1;
  const lasted = ctx.log[end].at.getTime() - heard;
  return lasted > FIRST_APOLOGY_TARGET_MS
    ? missed(end, `No apology in the ${target} after hearing them out.`)
    : notApplicable(`The case ended within ${target} of hearing them out, before an apology.`);
}

const CHECKS: Record<RubricItemId, (ctx: Context) => Proof> = {
  listened_first: listenedFirst,
  named_feeling: namedFeeling,
  apology_no_excuses: apologyWithoutExcuses,
  options_offered: offeredChoices,
  remedy_proportionate: remedyInProportion,
  confirmed_actions: confirmedActions,
  root_cause_tagged: rootCauseTagged,
  first_apology_time: firstApologyTime,
};

/** Scores a recorded case against the rubric, folding it with `foldSteps` like the live coach. */
export function scoreCase(log: readonly RecordedEvent[]): RubricResult {
  const states = replayStates(log);
  const ctx: Context = { log, states, final: states[states.length - 1] ?? stateBefore(states, 0) };
  const items: RubricItem[] = RUBRIC_ITEMS.map((id) => {
    const proof: Proof = log.length === 0 ? notApplicable("Nothing was recorded.") : CHECKS[id](ctx);
    const index = proof.index !== null && proof.index >= 0 ? proof.index : null;
    return {
      id,
      label: RUBRIC_LABELS[id],
      outcome: proof.outcome,
      eventIndex: proof.outcome === "not_applicable" ? null : index,
      sequence: proof.outcome === "not_applicable" || index === null ? null : index + 1,
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
