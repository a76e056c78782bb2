// The coaching rubric: how well a recorded case followed the playbook, item by item, each
// pointing at the event that proves it. Pure: the same log always gives the same result.
import { FIRST_APOLOGY_TARGET_MS } from "./first-apology";
import { PRACTICE_WALK_OUT_REASON } from "./walk-out";
import { mayDecide, ownLimitCents, remedyAuthorised } from "./authority";
import type { RecordedEvent } from "./events";
import { formatMoney } from "./money";
import { PHRASE_KIND_LABELS, assessPhrase, type PhraseFlag } from "./phrase-coach";
import { isRealOffer, isRemedyOffer } from "./offer-words";
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
  "kept_customer",
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
  kept_customer: "Kept the customer: no walk-out",
};

/**
 * What the rubric checks a case against beyond its own log: for a practice run, the source
 * case's severity and whether the failure was ours (the trainee's own marks are not trusted).
 */
export type RubricReference = { severity: Severity; ourFault: boolean };

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
type Context = { log: readonly RecordedEvent[]; states: CaseState[]; final: CaseState; reference?: RubricReference };

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
  if (validations.length === 0) {
    // Never saying their feeling out loud cannot be scored away as "not applicable".
    const heard = firstIndex(ctx.log, (e) => e.type === "complaint_heard");
    return heard === -1
      ? notApplicable("The case ended before the complaint was heard.")
      : missed(ctx.log.length - 1, "The customer's feeling was never named.");
  }
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
  if (apologies.length === 0) {
    const heard = firstIndex(ctx.log, (e) => e.type === "complaint_heard");
    return heard === -1
      ? notApplicable("The case ended before the complaint was heard.")
      : missed(ctx.log.length - 1, "The customer never got an apology.");
  }
  for (const { e, i } of apologies) {
    const flag = firstFlag(e.data.words);
    if (flag) return missed(i, `The apology came with ${flagLine(flag)}.`);
  }
  const { e, i } = apologies[0];
  return met(
    i,
    e.data.words ? `A sincere apology, no excuses: “${short(e.data.words, 60)}”` : "A sincere apology (no words noted), no excuses.",
  );
}

/** Options the customer could actually take: "Nothing else" or "No, we don't do that" offer nothing. */
function realOptions(state: CaseState): string[] {
  return allOptions(state).filter((o) => isRealOffer(o) && !firstFlag(o));
}

function offeredChoices(ctx: Context): Proof {
  if (!reached(ctx, "solve")) return notApplicable("The case ended before Solve.");
  // Each no is judged by the coach: a factual reason, and a real alternative.
  for (const [i, e] of ctx.log.entries()) {
    if (e.type !== "request_declined") continue;
    const flag = firstFlag(e.data.reason);
    if (flag) return missed(i, `The no came as ${flagLine(flag)}: give a factual reason.`);
    if (!e.data.alternatives.some((a) => isRealOffer(a) && !firstFlag(a))) {
      return missed(i, `“${short(e.data.alternatives.join(", "), 40)}” is no alternative to the no.`);
    }
  }
  const enough = ctx.states.findIndex((s) => realOptions(s).length >= 2);
  const count = realOptions(ctx.final).length;
  if (enough !== -1) {
    const declined = ctx.final.declined.length;
    const noPart = declined ? `, with alternatives to ${declined === 1 ? "the no" : `each of ${declined} noes`}` : "";
    return met(enough, `The customer could choose from ${count} options${noPart}.`);
  }
  const end = ctx.log.length - 1;
  if (count === 0) {
    return ctx.final.phase === "abandoned" && allOptions(ctx.final).length === 0
      ? notApplicable("The customer left before any option was offered.")
      : missed(end, "No real option was offered.");
  }
  const last = lastIndex(ctx.log, (e) => e.type === "options_offered" || e.type === "request_declined");
  return missed(last === -1 ? end : last, "Only 1 real option was offered: give the customer a choice of at least 2.");
}

/** A remedy agreed at Solve that is whole enough for a serious failure. */
const FULL_REMEDY =
  /\b(?:full refund|refund(?:ed)? (?:in full|the (?:whole|full|entire))|whole (?:meal|bill|stay|order)|entire (?:meal|bill|stay|order)|(?:meal|bill|stay|night) on the house|pay nothing|nothing to pay)\b/i;

/** Root causes that are the venue's own failure, whatever the staff member ticked. */
const OUR_FAILURE_TAGS = new Set([
  "product_quality",
  "wait_time",
  "staff_manner",
  "billing",
  "cleanliness",
  "booking",
  "facilities",
  "availability",
]);
/** Facts noted at Solve that name our own mistake: "the kitchen misread the ticket". */
const OUR_MISTAKE =
  /\b(?:misread|misheard|forgot|forgotten|overcharged|double[- ]booked|mixed up|got (?:it|the order) wrong|our (?:mistake|error|fault)|(?:kitchen|chef|bar|server|waiter|waitress|staff|we|team)\b[^.]{0,40}\b(?:missed|wrong|error|mistake|dropped|lost|late|burnt|undercooked))\b/i;

/** Whether the case's own facts (or the source case, in practice) say the failure was ours. */
function factsSayOurs(ctx: Context): string | null {
  if (ctx.reference?.ourFault) return "the original case shows it was our failure";
  const tag = ctx.final.rootCauseTags.find((t) => OUR_FAILURE_TAGS.has(t));
  if (tag) return `the root cause (${tag.replaceAll("_", " ")}) is ours`;
  const facts = [ctx.final.facts, ...ctx.final.notes.map((n) => n.text)].filter(Boolean).join(" ");
  const found = OUR_MISTAKE.exec(facts);
  return found ? `the facts say “${short(found[0], 40)}”` : null;
}

function remedyInProportion(ctx: Context): Proof {
  const { final } = ctx;
  const marked = final.complaint?.severity as Severity | undefined;
  // In practice, the source case's severity: marking a moderate failure minor does not shrink the remedy owed.
  const severity = ctx.reference && marked !== undefined ? (Math.max(marked, ctx.reference.severity) as Severity) : marked;
  const underMarked =
    ctx.reference && marked !== undefined && marked < ctx.reference.severity
      ? ` (marked ${SEVERITY_LABELS[marked].toLowerCase()}; the original was ${SEVERITY_LABELS[ctx.reference.severity].toLowerCase()})`
      : "";
  const settled = settledCompensation(final);
  // A remedy agreed at Solve counts; after a serious failure only a whole one does (not "the dish off the bill").
  const atSolve =
    isRemedyOffer(final.chosenOption) && (severity === undefined || severity <= 2 || FULL_REMEDY.test(final.chosenOption ?? ""))
      ? final.chosenOption
      : undefined;
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
    if (proportion === "low" && !atSolve)
      return missed(index, `${money}${asked} is low for a ${sev} failure${underMarked} (suggested: ${band.label.toLowerCase()}).`);
    if (proportion === "low" && atSolve) return met(index, `“${short(atSolve, 40)}” agreed at Solve, and ${money} on top.`);
    if (proportion === "low") return missed(index, `${money}${asked} is low for a ${sev} failure${underMarked}.`);
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
    // A remedy agreed at Solve ("take it off the bill", "a refund") is the remedy.
    if (atSolve) {
      const agreedAt = lastIndex(ctx.log, (e) => e.type === "solution_agreed");
      return met(agreedAt === -1 ? index : agreedAt, `The remedy was agreed at Solve: “${short(atSolve, 50)}”.`);
    }
    // A remedy makes up for our failure; when it was not ours, none is owed, unless the facts say it was.
    if (final.apology?.ourFault === false) {
      const ours = factsSayOurs(ctx);
      if (!ours) return met(index, `Nothing extra, as it was not our fault, with a reason: ${reason}`);
      return missed(index, `Marked “not our fault”, but ${ours}: no remedy after a ${sev} failure.`);
    }
    return missed(index, `No remedy after a ${sev} failure${underMarked} (suggested: ${band.label.toLowerCase()}).`);
  }
  return notApplicable("No remedy was settled.");
}

function confirmedActions(ctx: Context): Proof {
  const accepted = firstIndex(ctx.log, (e) => e.type === "readback_answered" && e.data.accepted);
  if (accepted === -1) {
    const agreed = lastIndex(ctx.log, (e) => e.type === "actions_agreed");
    if (agreed === -1)
      return notApplicable(reached(ctx, "confirm") ? "The case ended before any action was agreed." : "The case ended before Confirm.");
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

/** Words said to the customer before `end` that the coach flags (excuses, a blunt no, "calm down"…). */
function firstFlaggedWords(ctx: Context, end: number): { index: number; flag: PhraseFlag } | null {
  for (let i = 0; i < end; i++) {
    const e = ctx.log[i];
    const words =
      e.type === "feeling_validated"
        ? e.data.words
        : e.type === "apology_given"
          ? e.data.words
          : e.type === "request_declined"
            ? e.data.reason
            : e.type === "note_added" && ctx.final.practice
              ? e.data.text
              : undefined;
    const flag = firstFlag(words);
    if (flag) return { index: i, flag };
  }
  return null;
}

/**
 * A customer who walks out is the worst outcome: never full marks when the way the case was
 * handled caused it. In practice the customer only leaves when pushed too far, so any early end
 * counts; on the floor, leaving unheard, unvalidated, unapologised or after a flagged line does.
 */
function keptCustomer(ctx: Context): Proof {
  const end = lastIndex(ctx.log, (e) => e.type === "case_abandoned");
  if (end === -1 || ctx.final.phase !== "abandoned") return notApplicable("The customer did not walk out.");
  const before = ctx.log.slice(0, end);
  if (!before.some((e) => e.type === "complaint_heard") && !ctx.final.practice)
    return notApplicable("The customer left before they were heard out.");
  if (ctx.final.practice) {
    const event = ctx.log[end];
    const reason = event.type === "case_abandoned" ? event.data.reason : "";
    return missed(
      end,
      reason === PRACTICE_WALK_OUT_REASON
        ? "The practice customer was pushed too far and walked out."
        : "The practice run was ended with the customer still there.",
    );
  }
  const flagged = firstFlaggedWords(ctx, end);
  if (flagged) return missed(end, `The customer left after ${flagLine(flagged.flag)}.`);
  if (!before.some((e) => e.type === "feeling_validated")) return missed(end, "The customer left without their feeling being named.");
  if (!before.some((e) => e.type === "apology_given")) return missed(end, "The customer left without an apology.");
  return met(end, "The customer left, but only after being heard, understood and apologised to.");
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
  kept_customer: keptCustomer,
};

/** Scores a recorded case against the rubric, folding it with `foldSteps` like the live coach. */
export function scoreCase(log: readonly RecordedEvent[], reference?: RubricReference): RubricResult {
  const states = replayStates(log);
  const ctx: Context = { log, states, final: states[states.length - 1] ?? stateBefore(states, 0), reference };
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
