// The practice customer: a simulated person who reacts to what the trainee says and does.
// Pure and deterministic for a seed: the same source case, the same practice log and the same
// seed always give the same temper, the same lines and the same read-back answer, so a replay
// of a practice run (and a test) sees exactly what the trainee saw.
//
// What moves them is in ./customer-reactions.ts (a table a trainer can read). Words the trainee
// typed are judged by the same phrase coach as the live screens. The customer speaks from the
// source case's facts (what went wrong, where, what they asked for), never from its answers: no
// category, severity or feeling label ever appears in what they say.
import { assessPhrase, type PhraseKind } from "./phrase-coach";
import {
  ASK_LINES,
  CATEGORY_THING,
  READBACK_ACCEPTED,
  READBACK_REFUSALS,
  REACTIONS,
  SILENCE_MS,
  START_TEMPER,
  VENT_AT,
  VENT_LINES,
  WALK_OUT_AT,
  WALK_OUT_LINES,
  type ReactionId,
} from "./customer-reactions";
import type { RecordedEvent } from "./events";
import { FIRST_APOLOGY_TARGET_MS } from "./first-apology";
import { isRealOffer, isRemedyOffer } from "./offer-words";
import { PRACTICE_WALK_OUT_REASON } from "./walk-out";
import { isProportionate } from "./remedies";
import { allOptions, settledCompensation, type CaseState } from "./state";
import { replayStates } from "./replay";
import type { Category, Mood, Severity } from "./vocabulary";

/** What the practice customer knows: the source case's facts, as the customer lived them. */
export type CustomerFacts = {
  words: string;
  category: Category;
  severity: Severity;
  spot: string;
  mood: Mood;
  /** What they asked for that the real staff member refused, in order. */
  requests: string[];
  /** The real case's facts show the failure was ours (not the customer's or nobody's). */
  ourFault: boolean;
};

/** Reads a (redacted) source case's log for the facts the customer plays from. */
export function customerFacts(sourceLog: readonly RecordedEvent[]): CustomerFacts | null {
  let facts: CustomerFacts | null = null;
  const requests: string[] = [];
  let ourFault = true;
  for (const event of sourceLog) {
    if (event.type === "complaint_heard" && !facts) {
      const { customerWords, category, severity, spot, mood } = event.data;
      facts = { words: customerWords, category, severity: severity as Severity, spot, mood, requests, ourFault: true };
    } else if (event.type === "request_declined") requests.push(event.data.request);
    else if (event.type === "apology_given") ourFault = event.data.ourFault;
  }
  return facts ? { ...facts, ourFault } : null;
}

export type CustomerTurn = {
  /** Index in the practice log of the step the customer reacted to (-1: their opening). */
  index: number;
  reactions: ReactionId[];
  /** The temper after this turn, 0–10. */
  temper: number;
  /** What the trainee said or did that they reacted to, as typed (null: their opening). */
  heard: string | null;
  /** What they say, in their own words. */
  say: string;
  /** They started venting again on this turn. */
  vent: boolean;
  walkedOut: boolean;
};

export type ReadbackAnswer = { accepted: boolean; comment?: string; why: "accepted" | keyof typeof READBACK_REFUSALS };

export type CustomerSimulation = {
  temper: number;
  turns: CustomerTurn[];
  /** Venting again, and not yet listened to. */
  venting: boolean;
  walkedOut: boolean;
};

export type TemperWord = "settled" | "unhappy" | "upset" | "angry" | "furious";
export function temperWord(temper: number): TemperWord {
  if (temper <= 2) return "settled";
  if (temper <= 4) return "unhappy";
  if (temper < VENT_AT) return "upset";
  if (temper < WALK_OUT_AT - 1) return "angry";
  return "furious";
}

/** The reason written into the log when the practice customer walks out. */
export const WALK_OUT_REASON = PRACTICE_WALK_OUT_REASON;

/** A seed from any string (a practice run's id): FNV-1a, 32 bits. */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function pick<T>(items: readonly T[], seed: number, salt: string): T {
  return items[seedFrom(`${seed}:${salt}`) % items.length];
}

function fill(line: string, facts: CustomerFacts | null, requestIndex = 0, asked?: string): string {
  const words = facts?.words.trim().replace(/\s+/g, " ") ?? "";
  const complaint = words.length > 160 ? `${words.slice(0, 159)}…` : words || "I'm really not happy about this.";
  return line
    .replaceAll("{thing}", facts ? (CATEGORY_THING[facts.category] ?? "this") : "this")
    .replaceAll("{spot}", facts?.spot ?? "this table")
    .replaceAll(
      "{request}",
      asked ? asked.charAt(0).toLowerCase() + asked.slice(1) : (facts?.requests[requestIndex] ?? facts?.requests[0] ?? "something"),
    )
    .replaceAll("{complaint}", complaint);
}

const KIND_REACTION: Partial<Record<PhraseKind, ReactionId>> = {
  fake_apology: "fake_apology",
  dismissing: "dismissing",
  calm_down: "calm_down",
  blame_customer: "blame",
  blame_colleague: "blame",
  excuse: "excuse",
  blunt_refusal: "bare_no",
  policy: "policy",
  argue: "arguing",
};

/** What the phrase coach hears in words said to the customer, as the customer's reactions. */
export function judgeWords(text: string | undefined): ReactionId[] {
  if (!text?.trim()) return [];
  const found = assessPhrase(text)
    .filter((f) => f.severity === "flag")
    .map((f) => KIND_REACTION[f.kind])
    .filter((r): r is ReactionId => r !== undefined);
  return [...new Set(found)];
}

/** Steps that are the customer's side, or bookkeeping once they have gone: no reaction. */
const NOT_TO_THE_CUSTOMER = new Set<RecordedEvent["type"]>([
  "case_opened",
  "readback_answered",
  "root_causes_tagged",
  "case_closed",
  "case_abandoned",
  "manager_decided",
  "action_updated",
  "manager_note_added",
  "case_reopened",
  "actions_agreed",
]);

function reactionsTo(
  event: RecordedEvent,
  before: CaseState,
  after: CaseState,
  facts: CustomerFacts | null,
  heardAt: Date | undefined,
): ReactionId[] {
  const severity = facts?.severity ?? before.complaint?.severity ?? 2;
  switch (event.type) {
    case "feeling_validated": {
      const words = event.data.words?.trim();
      if (!event.data.acknowledged || !words) return ["skipped_validation"];
      const heard = judgeWords(words);
      return heard.length ? heard : ["named_feeling"];
    }
    case "apology_given": {
      const heard = judgeWords(event.data.words);
      if (heard.length) return heard;
      if (!event.data.words?.trim()) return ["neutral"];
      if (!event.data.sincere) return ["fake_apology"];
      const took = heardAt ? event.at.getTime() - heardAt.getTime() : 0;
      return took <= FIRST_APOLOGY_TARGET_MS ? ["early_apology"] : ["late_apology"];
    }
    case "options_offered": {
      const heard = [...judgeWords(event.data.facts), ...event.data.options.flatMap((o) => judgeWords(o))];
      if (heard.length) return [...new Set(heard)];
      return allOptions(after).filter(isRealOffer).length >= 2 ? ["real_options"] : ["thin_options"];
    }
    case "request_declined": {
      const real = event.data.alternatives.filter(isRealOffer);
      const heard = judgeWords(event.data.reason).filter((r) => r !== "bare_no");
      if (real.length === 0 || judgeWords(event.data.reason).includes("bare_no")) return ["bare_no", ...heard];
      return heard.length ? heard : ["gracious_no"];
    }
    case "escalation_requested":
      return ["manager_called"];
    case "solution_agreed":
      return isRealOffer(event.data.option) ? ["solution_agreed"] : ["thin_options"];
    case "compensation_offered":
      return isProportionate(severity, event.data.valueCents) === "low" ? ["stingy_remedy"] : ["fair_remedy"];
    case "compensation_skipped": {
      const heard = judgeWords(event.data.reason);
      if (heard.length) return heard;
      const owed = severity >= 2 && (facts?.ourFault ?? before.apology?.ourFault ?? true) && !isRemedyOffer(before.chosenOption);
      return owed ? ["no_remedy"] : ["neutral"];
    }
    case "note_added": {
      const heard = judgeWords(event.data.text);
      return heard.length ? heard : ["neutral"];
    }
    case "complaint_heard":
    case "customer_vented":
      return [];
    default:
      return [];
  }
}

/** What the trainee said (or did) in a step, as the transcript shows it. */
export function whatWasSaid(event: RecordedEvent): string {
  switch (event.type) {
    case "feeling_validated":
      return event.data.acknowledged && event.data.words
        ? `“${event.data.words}”`
        : "(You named a feeling on the screen, but said nothing.)";
    case "apology_given":
      return event.data.words ? `“${event.data.words}”` : "(You apologised without words.)";
    case "options_offered":
      return `You offered: ${event.data.options.map((o) => `“${o}”`).join(", ")}`;
    case "request_declined":
      return `“${event.data.reason}” You offered instead: ${event.data.alternatives.map((o) => `“${o}”`).join(", ")}`;
    case "escalation_requested":
      return "You called a manager.";
    case "solution_agreed":
      return `You agreed: “${event.data.option}”`;
    case "compensation_offered":
      return `You offered: “${event.data.description}”`;
    case "compensation_skipped":
      return `No remedy: “${event.data.reason}”`;
    case "note_added":
      return `“${event.data.text}”`;
    case "customer_vented":
      return "You stopped and let them finish.";
    default:
      return "";
  }
}

/**
 * How far one turn moves their temper: the worst thing they heard in full, one more for each
 * other thing that stung, and everything that helped. Two faults in one breath ("Sorry, but
 * we're short staffed") are worse than one, but not twice as bad.
 */
export function turnDelta(reactions: readonly ReactionId[]): number {
  const rises = reactions.map((r) => REACTIONS[r].delta).filter((d) => d > 0);
  const falls = reactions.map((r) => REACTIONS[r].delta).filter((d) => d < 0);
  const worst = rises.length ? Math.max(...rises) : 0;
  return worst + Math.max(0, rises.length - 1) + falls.reduce((a, b) => a + b, 0);
}

const clamp = (n: number) => Math.max(0, Math.min(WALK_OUT_AT, n));

/**
 * Folds a practice run's log into the customer's temper and lines. `facts` is the source case
 * (null: a customer with no history, who starts upset). Stops at a walk-out: nothing after it
 * reaches them.
 */
export function simulateCustomer(facts: CustomerFacts | null, log: readonly RecordedEvent[], seed: number): CustomerSimulation {
  let temper: number = facts ? START_TEMPER[facts.mood] : START_TEMPER.upset;
  const turns: CustomerTurn[] = [
    { index: -1, reactions: [], temper, heard: null, say: fill("“{complaint}”", facts), vent: false, walkedOut: false },
  ];
  const states = replayStates(log);
  let venting = false;
  let walkedOut = false;
  let heardAt: Date | undefined;
  let lastAt: Date | undefined;
  let gone = false;
  log.forEach((event, i) => {
    if (walkedOut) return;
    const before = i === 0 ? states[0] : states[i - 1];
    const after = states[i] ?? before;
    if (event.type === "complaint_heard") heardAt ??= event.at;
    // Once the read-back is accepted (or the case has ended) the customer has gone.
    if (event.type === "readback_answered" && !gone) {
      // Their answer to the read-back (given by this simulation in practice) is part of the talk.
      const { accepted, comment } = event.data;
      const say = accepted ? `“${comment ?? "Yes, that's right."}”` : `“Not quite.${comment ? ` ${comment}` : ""}”`;
      turns.push({ index: i, reactions: [], temper, heard: "You showed them the read-back.", say, vent: false, walkedOut: false });
    }
    if (gone || NOT_TO_THE_CUSTOMER.has(event.type)) {
      if ((event.type === "readback_answered" && event.data.accepted) || event.type === "case_closed" || event.type === "case_abandoned")
        gone = true;
      lastAt = event.at;
      return;
    }
    const reactions: ReactionId[] = [];
    if (lastAt && heardAt && event.at.getTime() - lastAt.getTime() > SILENCE_MS) reactions.push("silence");
    if (event.type === "customer_vented") {
      if (venting) reactions.push("heard_again");
      venting = false;
    } else {
      reactions.push(...reactionsTo(event, before, after, facts, heardAt));
      // Pushing on with the script while they are venting (hearing them again is the way back).
      if (venting && event.type !== "complaint_heard") reactions.push("ignored_vent");
    }
    lastAt = event.at;
    if (reactions.length === 0) return;
    const delta = turnDelta(reactions);
    temper = clamp(temper + delta);
    // The worst of what they heard speaks first; at most two lines a turn.
    const spoken = [...reactions].sort((a, b) => REACTIONS[b].delta - REACTIONS[a].delta).slice(0, 2);
    const asked = event.type === "request_declined" ? event.data.request.trim().replace(/[.!?]+$/, "") : undefined;
    const lines = spoken.map((r) => fill(pick(REACTIONS[r].lines, seed, `${i}:${r}`), facts, before.declined.length, asked));
    let vent = false;
    if (temper >= WALK_OUT_AT) {
      walkedOut = true;
      lines.push(pick(WALK_OUT_LINES, seed, `${i}:out`));
    } else if (temper >= VENT_AT && delta > 0 && !venting) {
      venting = true;
      vent = true;
      lines.push(fill(pick(VENT_LINES, seed, `${i}:vent`), facts));
    }
    turns.push({ index: i, reactions, temper, heard: whatWasSaid(event), say: lines.join(" "), vent, walkedOut });
  });
  return { temper, turns, venting, walkedOut };
}

/**
 * The customer's answer to the read-back of `state` (the case at Confirm). They refuse while
 * still angry, when nobody has apologised, or when nothing real was offered: no real option
 * agreed, or nothing to make up for a real failure of ours.
 */
export function readbackAnswer(facts: CustomerFacts | null, sim: CustomerSimulation, state: CaseState, seed: number): ReadbackAnswer {
  const salt = `readback:${state.round}`;
  const refuse = (why: keyof typeof READBACK_REFUSALS): ReadbackAnswer => ({
    accepted: false,
    comment: fill(pick(READBACK_REFUSALS[why], seed, salt), facts),
    why,
  });
  if (sim.temper >= VENT_AT || sim.venting) return refuse("still_angry");
  if (!state.apology) return refuse("no_apology");
  const severity = facts?.severity ?? state.complaint?.severity ?? 2;
  const agreedReal = state.chosenOption !== undefined && isRealOffer(state.chosenOption);
  const remedy = settledCompensation(state) !== undefined || isRemedyOffer(state.chosenOption);
  const owed = severity >= 2 && (facts?.ourFault ?? state.apology.ourFault);
  if (!agreedReal || (owed && !remedy)) return refuse("nothing_real");
  return { accepted: true, comment: pick(READBACK_ACCEPTED, seed, salt), why: "accepted" };
}

/** What the customer says while waiting at the trainee's current stage (no hints, only their side). */
export function customerPrompt(facts: CustomerFacts | null, sim: CustomerSimulation, state: CaseState, seed: number): string | null {
  if (sim.walkedOut) return "The customer has walked out.";
  if (sim.venting) return "They are still going: let them finish, then hear them out again.";
  switch (state.phase) {
    case "apologise":
      return "“So what have you got to say about it?”";
    case "solve": {
      const asked = facts?.requests[state.declined.length];
      return asked ? `“${asked}”` : `“${fill(pick(ASK_LINES, seed, `ask:${state.round}`), facts)}”`;
    }
    case "confirm":
      return "“Go on then, what have we agreed?”";
    case "prevent":
    case "closed":
      return "The customer has gone.";
    case "abandoned":
      return "The customer has gone.";
    default:
      return null;
  }
}
