// Phrase coach: spots the lines that make a complaint worse (excuses, blame, a bare "no",
// "calm down", policy talk, minimising, arguing) in what a staff member typed or plans to
// say, and offers a better line for each. Pure: the rules are data, the matcher is a loop.

export const PHRASE_KINDS = [
  "excuse",
  "blame",
  "blunt_refusal",
  "calm_down",
  "policy",
  "minimising",
  "argue",
] as const;
export type PhraseKind = (typeof PHRASE_KINDS)[number];

export const PHRASE_KIND_LABELS: Record<PhraseKind, string> = {
  excuse: "Excuse",
  blame: "Blame",
  blunt_refusal: "Blunt no",
  calm_down: "“Calm down”",
  policy: "Policy talk",
  minimising: "Minimising",
  argue: "Arguing",
};

export type PhraseFlag = {
  kind: PhraseKind;
  /** The flagged words exactly as typed. */
  match: string;
  /** UTF-16 offsets into the text: text.slice(start, end) === match. */
  start: number;
  end: number;
  why: string;
  reframe: string;
};

export type PhraseRule = {
  id: string;
  kind: PhraseKind;
  /**
   * What it sounds like: regular-expression sources, matched case-insensitively on whole words.
   * Write an apostrophe as ' and it also matches ’ or no apostrophe at all ("cant");
   * a space matches any run of whitespace.
   */
  says: readonly string[];
  /** A refusal is not blunt when the same message offers something instead (a gracious no). */
  unlessOffering?: boolean;
  why: string;
  reframe: string;
};

// Building blocks shared by several rules.
const CANT =
  "(?:we can't|we cannot|we can not|I can't|I cannot|I can not|we won't|I won't|we don't|I don't|we do not|I do not|" +
  "we're not able to|we are not able to|we aren't able to|I'm not able to|I am not able to|we're unable to|we are unable to|I'm unable to|I am unable to)";
const EQUIPMENT =
  "(?:coffee |espresso |card |ice |glass |ticket |kitchen )?(?:machine|oven|dishwasher|glasswasher|fryer|grill|till|tills|printer|system|computer|computers|" +
  "lift|boiler|heating|air con|aircon|air conditioning|fridge|freezer|microwave|hob|pump|wifi|wi-fi|kettle|shower)";
const COLLEAGUE =
  "(?:the |my |our |that )?(?:chef|cook|waiter|waitress|manager|barman|barmaid|bartender|porter|receptionist|runner|host|hostess|" +
  "other waiter|other waitress|new guy|new girl|day shift|night shift|other shift|bar staff|housekeeper|housekeeping|colleague|cleaner)";
const AFTER_BARE_NO = "(?=\\s*(?:[,.!;:—–]|$))"; // "No" standing on its own as an answer
const REASSURING_NO =
  "(?![\\s,.!;:—–]*(?:no\\b|not at all|of course|problem|worries|bother|trouble|need\\b|don't worry|please don't|you won't|you don't|" +
  "it's (?:fine|no)|that's (?:fine|ok|okay)|thanks|thank you))";

/** The rules, one row per idea. Order only matters for overlapping matches: the earlier, longer one wins. */
export const PHRASE_RULES: readonly PhraseRule[] = [
  // ── Excuses: true, perhaps, but they are our problem, not the customer's ──
  {
    id: "excuse-staffing",
    kind: "excuse",
    says: [
      "short[- ]?staffed",
      "under[- ]?staffed",
      "short of staff",
      "staff shortages?",
      "(?:we're|we are|we've been|we have been) (?:a few |two |one |a couple of )?(?:people|staff|waiters|chefs|hands) (?:down|short)",
      "(?:someone|somebody|people|two people|staff|half the team) (?:called|rang|phoned) in sick",
    ],
    why: "Staffing is our problem, not theirs. They want to hear what you are doing about it.",
    reframe: "Thank you for waiting. I'm on it now: your order is next out, and I'll check back in five minutes.",
  },
  {
    id: "excuse-supplier",
    kind: "excuse",
    says: [
      "suppliers? (?:has |have |had )?(?:let (?:us|me) down|didn't deliver|did not deliver|never delivered|failed|forgot|messed up|sent the wrong)",
      "(?:the |our |today's )?deliver(?:y|ies) (?:didn't|did not|never|hasn't|has not|haven't|have not) (?:come|arrive|arrived|turn up|turned up|show up|shown up)",
      "(?:someone|somebody|we|they|the chef) forgot to order",
      "(?:we|they) didn't order enough",
    ],
    why: "Supplier trouble sounds like an excuse and makes them wonder what else went wrong.",
    reframe: "That dish has been really popular and it's gone for tonight, but the special is lovely. Shall I bring that instead?",
  },
  {
    id: "excuse-equipment",
    kind: "excuse",
    says: [
      `${EQUIPMENT}(?:'s| is| was| has been| have been| are| were| keeps| kept| went| has gone)(?: really| still| completely| totally| just| a bit)? ` +
        "(?:broken|down|playing up|acting up|not working|out of order|on the blink|faulty|broke|breaking|failing|going wrong)",
      `${EQUIPMENT} (?:broke|packed up|died|went down|stopped working|isn't working|is not working|wasn't working|won't work|doesn't work|does not work|has broken|has packed up|has died)`,
    ],
    why: "A broken machine is our problem. Blaming it sounds like we have given up.",
    reframe: "That one isn't available just now, but I can bring you a pot of tea or a hot chocolate instead. Which would you like?",
  },
  {
    id: "excuse-busy",
    kind: "excuse",
    says: [
      "(?:it's|it is|it's been|it has been|it was|we're|we are|we've been|we have been|we were|tonight is|tonight's|tonight has been)" +
        "(?: a| an| such a)?(?: really| very| so| extremely| crazy| incredibly| super| just| a bit| bit)* " +
        "(?:busy|slammed|swamped|manic|hectic|rammed|chaotic|snowed under|run off our feet|rushed off our feet|flat out)",
      "(?:such a|really|very|crazy) busy (?:night|evening|day|shift|service|lunch|weekend)",
    ],
    why: "How busy we are doesn't shorten their wait; it tells them they matter less tonight.",
    reframe: "I'm sorry you've waited. I've checked with the kitchen and your food will be with you in five minutes.",
  },
  {
    id: "excuse-not-mine",
    kind: "excuse",
    says: [
      "not my (?:section|table|tables|area|station|department|job|responsibility|shift|problem)",
      "(?:I'm|I am) not (?:serving|looking after|on) (?:this|your|that) (?:table|section|area)",
      "I (?:wasn't|was not) (?:here|working|on shift)",
    ],
    why: "To the customer you are the restaurant. Passing it on makes them tell the story again.",
    reframe: "I'll look after this for you myself. Let me find out what happened and come straight back.",
  },
  {
    id: "excuse-new",
    kind: "excuse",
    says: [
      "(?:it's|it is|today is|today's|this is|tonight is) my first (?:day|week|shift|night|month)",
      "(?:I'm|I am) (?:only |still |quite |really |brand )?new",
      "I've only just started",
      "I (?:only )?started (?:today|yesterday|this week)",
    ],
    why: "Being new is honest, but it doesn't help them and it shakes their confidence.",
    reframe: "Let me get this sorted for you. I'll check with my manager so you get the right answer straight away.",
  },
  {
    id: "excuse-kitchen",
    kind: "excuse",
    says: [
      "the kitchen(?:'s| is| are| was| were| has been| have been)(?: really| very| so| a bit| running| just)? " +
        "(?:fault|slow|behind|backed up|swamped|busy|in the weeds|to blame|at fault|under pressure)",
      "the kitchen (?:messed up|got it wrong|made a mistake|forgot|lost (?:the|your) (?:order|ticket))",
      "(?:blame|fault of) the kitchen",
    ],
    why: "The customer sees one team. Pointing at the kitchen says it isn't your problem.",
    reframe: "That isn't the standard we want. I'm having it made again now and I'll bring it over myself.",
  },

  // ── Blame: pointing at the customer or a colleague ──
  {
    id: "blame-customer",
    kind: "blame",
    says: [
      "you should(?:'ve| have)(?! (?:a|an|the|some|any|our|your|this|that|it|no)\\b)",
      "you (?:didn't|did not|never|forgot to) (?:tell|say|mention|ask|let (?:us|me) know|specify|inform|warn)",
      "you (?:were|are|was) (?:supposed|meant) to",
      "(?:it's|it is|that's|that is|it was|that was) your (?:own )?fault",
      "if (?:only )?you(?:'d| had) (?:told|said|mentioned|asked|let us know|read|checked)",
      "you (?:must have|must've) (?:ordered|said|asked|booked|misread|misheard|forgotten|made|got)",
      "you (?:need|have|ought) to (?:read|check) (?:the|your) (?:menu|booking|sign|confirmation)",
    ],
    why: "Even if they missed something, blaming them starts an argument nobody wins.",
    reframe: "Thanks for telling me now. Let's put it right: would you like it made again, or something else instead?",
  },
  {
    id: "blame-colleague",
    kind: "blame",
    says: [
      `${COLLEAGUE}'s (?:fault|mistake|problem)`,
      "(?:his|her|their|someone else's|somebody else's) (?:fault|mistake|problem)",
      "not (?:my|our) (?:fault|mistake)",
      `(?:blame|fault of) ${COLLEAGUE}`,
      `(?:${COLLEAGUE}|he|she) (?:messed up|got (?:it|your order|the order) wrong|forgot|made (?:a|the) mistake|screwed up|mixed (?:it|them) up)`,
      "(?:someone|somebody) else (?:did|took|served|made|forgot|messed|must have|should have|was|dealt|handled|booked|cooked|put|lost|gave)",
      "(?:it|that) (?:was|is) (?:someone|somebody) else",
      "(?:it|that) (?:wasn't|was not) me",
      "(?:have|need) to (?:ask|speak to|talk to) (?:someone|somebody) else",
    ],
    why: "Blaming a colleague makes the whole team look bad and fixes nothing.",
    reframe: "I'm sorry we got that wrong. I'll put it right for you myself, right now.",
  },

  // ── Blunt refusals ──
  {
    id: "refusal-bare-no",
    kind: "blunt_refusal",
    says: [`(?<!\\boh,? |\\bor |\\bno,? )(?:no|nope|no way|no chance|not a chance|no can do)(?!\\.\\s*\\d)${AFTER_BARE_NO}${REASSURING_NO}`],
    unlessOffering: true,
    why: "A bare “no” sounds like a door shutting. Give a reason and something they can have.",
    reframe: "I'm sorry, I can't do that tonight because the kitchen has closed. What I can do is a cheese board or a dessert. Which would you prefer?",
  },
  {
    id: "refusal-cant",
    kind: "blunt_refusal",
    says: [
      `${CANT} (?:do|allow|accept|change|manage|help with) (?:that|this|it|those|these|substitutions|changes|refunds|discounts|swaps)`,
      "(?:we|I) (?:can't|cannot) help you",
      "(?:we|I) (?:can't|cannot)(?=\\s*(?:[.!]|$))",
      "(?<!\\bif )not possible",
      "(?:that|it) (?:can't|cannot) be done",
    ],
    unlessOffering: true,
    why: "“Can't” on its own leaves them with nothing. Add the reason and at least one alternative.",
    reframe: "I'm sorry, we can't do that one because of how it's prepared, but I can offer you … or … instead. Which would suit you?",
  },
  {
    id: "refusal-shut-door",
    kind: "blunt_refusal",
    says: [
      "(?<!not )impossible",
      "nothing (?:(?:else|more|at all) )?(?:I|we) can (?:really |actually )?do",
      "(?:there's|there is) nothing to be done",
      "(?:my|our) hands are tied",
      "(?:that's|it's|that is|it is) out of (?:my|our) hands",
      "(?:I|we) can't do anything",
    ],
    why: "It tells them the conversation is over. There is always something you can do, even if it's calling a manager.",
    reframe: "Let me see what I can do. I can offer you … or, if you'd prefer, I'll bring my manager over to help.",
  },

  // ── “Calm down” ──
  {
    id: "calm-down",
    kind: "calm_down",
    says: [
      "calm down",
      "calm yourself",
      "settle down",
      "chill out",
      "(?:just |please |you need to |you should |try to |(?:ok|okay|hey|look|whoa|woah),? )relax",
      "(?<=^\\s*|[.!?]\\s*)relax(?=\\s*(?:[,.!;]|$))",
      "(?:don't|do not) (?:get|be|go getting) (?:so )?(?:upset|angry|worked up|excited|stressed|annoyed|emotional|aggressive|like that|cross|het up|wound up)",
      "(?:there's|there is) no need to (?:shout|get upset|get angry|raise your voice|be rude|be like that|make a scene|swear)",
      "(?:keep|lower) your voice(?: down)?",
      "stop shouting",
      "take a deep breath",
    ],
    why: "Being told to calm down feels like being told their feelings don't count. It nearly always makes things worse.",
    reframe: "I can see this has really upset you, and I want to put it right. Tell me what happened.",
  },

  // ── Policy talk ──
  {
    id: "policy",
    kind: "policy",
    says: [
      "(?:the |our |company |house |hotel |restaurant )?polic(?:y|ies) (?:says|say|is|are|states|doesn't|does not|won't|will not|don't|do not)",
      "(?:it's|it is|that's|that is|this is)(?: just)? (?:our |the |company |hotel |restaurant |house )?(?:policy|rules?)",
      "against (?:our |the |company |hotel |restaurant |house )?(?:policy|rules)",
      "company policy",
      "rules are rules",
      "(?:those|these) are the rules",
      "I don't make the rules",
      "(?:I'm|I am|we're|we are) not (?:allowed|permitted) to",
      "(?:I'm|I am) (?:just |only )?(?:following|doing) (?:the rules|my job|orders|what I'm told)",
    ],
    why: "“Policy” sounds like a wall between you and them. Give the real reason in plain words, then what you can do.",
    reframe: "We don't do that because it keeps everyone's food safe, but what I can do is … Would that help?",
  },

  // ── Minimising ──
  {
    id: "minimising",
    kind: "minimising",
    says: [
      "(?:it's|it is|it was|it's been|that's|that was|that is|you've|you were|you have) (?:just |really )?only" +
        "(?= (?:a|an|one|two|three|four|five|ten|fifteen|twenty|a few|a couple|a little|a bit|a small|a tiny|some|been|waited|had|half)\\b|\\s*[£$€]?\\d)",
      "(?:only|just) (?:a )?(?:small|little|tiny|minor|slight) (?:thing|mistake|delay|wait|issue|problem|error|hair|mix-?up|bit|misunderstanding|slip|oversight|hiccup|inconvenience|scratch|stain|mark|crack|chip|noise)",
      "(?:it's not|it is not|that's not|that is not|this is not|this isn't|it isn't|that isn't|it's hardly|that's hardly) (?:a |that |such a |really a )?(?:big|huge|major|serious) (?:deal|problem|issue)",
      "no big deal",
      "not (?:that|so) bad",
      "not the end of the world",
      "could (?:be|have been|'ve been) worse",
      "(?:you're|you are) overreacting",
      "(?:these|such|those) things happen",
      "it happens all the time",
      "(?:it's|it is|that's) nothing(?=\\s*(?:[,.!;]|$)| to worry about| serious)",
    ],
    why: "If it matters to them, it matters. Shrinking it tells them they are making a fuss.",
    reframe: "I'm sorry, that shouldn't have happened. I'll sort it out for you now.",
  },

  // ── Arguing ──
  {
    id: "argue-facts",
    kind: "argue",
    says: [
      "(?:actually,? |with respect,? |to be fair,? )?(?:you're|you are|you were) (?:wrong|mistaken|confused|incorrect)",
      "you must be (?:mistaken|confused|wrong)",
      "(?:that's not|that is not|that isn't|that wasn't|that was not|it's not|it is not|it isn't) (?:what happened|true|how it happened|what you said|the case)",
      "that never happened",
      "(?:I|we) (?:never|didn't|did not) say that",
      "actually,? you (?:ordered|said|asked|booked|wanted|chose|did|didn't)",
      "you (?:definitely|clearly) (?:ordered|said|asked for|booked|chose)",
      "it (?:says|said|is written|was written|'s written|states) (?:so |clearly |right )?(?:on|in) the (?:menu|booking|terms|sign|confirmation)",
      "(?:there's|there is) nothing wrong with (?:it|the|your|this|that)",
      "(?:it|that|this) (?:looks|tastes|seems) (?:fine|ok|okay|normal|right) to me",
    ],
    why: "Winning the point loses the customer. Find out what happened later; fix it first.",
    reframe: "I'm sorry it isn't what you expected. Let me check what happened, and we'll put it right.",
  },
  {
    id: "argue-meant-to-be",
    kind: "argue",
    says: [
      "(?:it's|it is|that's|that is|they're|they are) (?:meant|supposed) to (?:be|taste|look|come) like that",
      "that's how (?:it's|it is|they're|they are) (?:meant|supposed) to (?:be|taste|look)",
      "that's (?:how|the way) (?:we|the chef) (?:make|makes|do|does|serve|serves) it",
    ],
    why: "Explaining the recipe sounds like telling them their taste is wrong.",
    reframe: "The chef serves it that way, but what matters is that you enjoy it. Shall I have it made the way you like?",
  },
];

/** A message offers something when it says what can be done instead (this turns a "no" gracious). */
const OFFERING =
  "what (?:I|we) can do|(?:I|we) (?:can|could) (?:offer|bring|get|make|move|arrange|give|put|ask|check|swap|change|seat|call|do you)|" +
  "instead|how about|would you (?:like|prefer)|alternatively|(?:I'll|I will|we'll|we will|let me) (?:bring|get|make|move|arrange|ask|check|find|put|swap|change|see|seat|call)";

// ── Matching ──

/** Curly and other apostrophe look-alikes become ' (one code unit for one, so offsets stay true). */
function normaliseApostrophes(text: string): string {
  return text.replace(/[\u2018\u2019\u02BC\u0060\u00B4\u2032]/g, "'");
}

function compile(source: string, flags: string): RegExp {
  const body = source.replace(/'/g, "'?").replace(/ (?![*+?{])/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}_'])(?:${body})(?![\\p{L}\\p{N}_])`, flags);
}

type CompiledRule = { rule: PhraseRule; patterns: RegExp[] };

const COMPILED: readonly CompiledRule[] = PHRASE_RULES.map((rule) => ({
  rule,
  patterns: rule.says.map((s) => compile(s, "gimu")),
}));
const OFFERING_RE = compile(OFFERING, "imu");

/** Every phrase in `text` worth rephrasing, in order of appearance. */
export function coachPhrase(text: string): PhraseFlag[] {
  if (text.trim() === "") return [];
  const normal = normaliseApostrophes(text);
  const offers = OFFERING_RE.test(normal);
  const found: PhraseFlag[] = [];
  for (const { rule, patterns } of COMPILED) {
    if (rule.unlessOffering && offers) continue;
    for (const pattern of patterns) {
      for (const m of normal.matchAll(pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        if (end === start) continue;
        found.push({ kind: rule.kind, match: text.slice(start, end), start, end, why: rule.why, reframe: rule.reframe });
      }
    }
  }
  // One flag per stretch of text: the earliest, then the longest, wins.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const flags: PhraseFlag[] = [];
  for (const flag of found) {
    const last = flags[flags.length - 1];
    if (last && flag.start < last.end) continue;
    flags.push(flag);
  }
  return flags;
}

export function coachSummary(text: string): { ok: boolean; flags: PhraseFlag[] } {
  const flags = coachPhrase(text);
  return { ok: flags.length === 0, flags };
}
