// What the phrase coach listens for, as data. Each rule is a handful of match patterns in the
// NLP library's syntax (compromise: `{take}` is any form of the verb, `(a|b)` either word, `?`
// optional, `.` any word, `#Adverb` a word of that kind, `^`/`$` the sentence's start/end),
// read over text whose contractions are already spelt out ("can't" → "can not").
//
// Suggestions never invent a reason: they are filled from what was matched (`{what}`, `{rest}`),
// or leave a visible blank in square brackets for the staff member to fill with the truth. docs/decisions/0008-phrase-coach.md
import type { PhraseKind } from "./phrase-kinds";

export type PhraseRule = {
  id: string;
  kind: PhraseKind;
  says: readonly string[];
  /** A match is dropped when one of these matches the same sentence and overlaps it. */
  unless?: readonly string[];
  /**
   * Turns the line gracious: an offer of something else in the same or the next sentence
   * ("offer"), or owning the mistake in the same sentence ("owning").
   */
  excusedBy?: readonly ("offer" | "owning")[];
  /** A question ("You ordered the fish?") checks the facts rather than blaming. */
  notInQuestion?: boolean;
  why: string;
  /**
   * Lines to say instead, in order of preference; each flag gets one no other flag has.
   * `{what}` is what was refused, in the words typed; `{rest}` the sentence without its opener.
   */
  suggest: readonly string[];
};

// ── Building blocks ──
const WE = "(i|we)";
const BE_NOT = "(am|are|is|was|were) not";
const COLLEAGUE =
  "(chef|chefs|cook|cooks|waiter|waiters|waitress|barman|barmaid|bartender|porter|receptionist|reception|runner|host|hostess|" +
  "housekeeping|housekeeper|cleaner|cleaners|kitchen|kitchens|colleague|colleagues|manager|girl|guy|lad|team|shift|staff|desk|person)";
const COLLEAGUE_SUBJECT = `(someone|somebody|whoever|they|he|she|${COLLEAGUE})`;
const EQUIPMENT =
  "(machine|oven|dishwasher|glasswasher|fryer|grill|till|tills|printer|system|computer|computers|lift|elevator|boiler|heating|" +
  "aircon|fridge|freezer|microwave|hob|pump|wifi|kettle|shower|card|terminal|router|network|toaster|coffee)";
const BROKEN =
  "(broken|bust|busted|down|faulty|dead|knackered|kaput|useless|(playing|acting) up|on the blink|out of order|not working|(packed|given) up)";
const BUSY = "(busy|slammed|swamped|manic|hectic|rammed|chaotic|heaving|mental|crazy|stretched)";
const BUSY_PHRASE = "(flat out|snowed under|run off our feet|rushed off our feet)";
/** Who or what is "busy": written as single words, so the rule stays a handful of patterns. */
const BUSY_SUBJECT = "(it|we|tonight|kitchen|everything|everyone|everybody) (is|are|was|were|has|have) been?";
const OBJECT =
  "(that|this|it|those|these|them|you|any|anything|something|half|takeaway|refunds|discounts|substitutions|changes|swaps|" +
  "exchanges|returns|bookings|reservations|cards|cash|cheques|dogs|#Plural|(a|an|the|your|any) #Adjective? #Noun|(a|an|the|your))";
const REFUSE_VERB =
  "({do}|{change}|{move}|{swap}|{give}|{offer}|{accept}|{allow}|{help}|{refund}|{make}|{serve}|{seat}|{fit}|{split}|{sell}|{hold}|" +
  "{extend}|{book}|{cook}|{guarantee}|{provide}|{switch}|{exchange}|{discount}|{substitute}|{take} #Determiner? (booking|bookings|reservation|cards|card|cash)|{open}|{put})";

export const PHRASE_RULES: readonly PhraseRule[] = [
  // ── Fake or conditional apologies ──
  {
    id: "apology-conditional",
    kind: "fake_apology",
    says: ["(sorry|apologise|apologies|apology) if", "sorry if .? (anyone|anybody|you)"],
    why: "“Sorry if…” doubts that anything went wrong. Say what you are sorry for.",
    suggest: [
      "I'm sorry [what went wrong]. That's on us, and I'll put it right.",
      "I'm sorry about [what happened]. Here's what I'll do now: [what you will do].",
    ],
  },
  {
    id: "apology-your-feelings",
    kind: "fake_apology",
    says: [
      "sorry that? you #Adverb? ({feel}|{think}|{thought}|{see} it|{take} it|{took} it|{view} it|{choose}|{misunderstand}|{feel} the need)",
      "sorry that? you (have|are) #Adverb? (chosen|choosing|decided) to",
      "sorry that? you {find} (the|our|your) . (too|so|rather|a bit|very) #Adjective",
      "sorry that? you {find} (the|our|your) . #Adjective$",
      "apologise that? you #Adverb? ({feel}|{think})",
      "sorry that? you (are|were|feel) (unhappy|upset|offended|dissatisfied) with",
    ],
    why: "Being sorry for how they feel puts the problem on them. Be sorry for what happened.",
    suggest: [
      "I'm sorry we [what we got wrong]. Thank you for telling me.",
      "You're right to raise it. I'm sorry, and I'll [what you will do].",
    ],
  },
  {
    id: "apology-but",
    kind: "fake_apology",
    says: ["(sorry|apologise|apologies) .{0,8} but", "(sorry|apologies) but"],
    excusedBy: ["offer"],
    why: "A “but” after sorry takes the apology back. Stop at sorry, then say what you will do.",
    suggest: ["I'm sorry. [Stop there, then say what you will do about it.]", "I'm really sorry. What I can do now is [what you can do]."],
  },
  {
    id: "apology-any-inconvenience",
    kind: "fake_apology",
    says: [
      "(sorry|apologise|apologies) for any (inconvenience|trouble|confusion|upset|disappointment)",
      "(sorry|apologise|apologies) for the inconvenience",
    ],
    why: "“Any inconvenience” is what a letter says. Name what went wrong.",
    suggest: [
      "I'm sorry we [what went wrong]. I'll [put it right how].",
      "I'm sorry about [what happened]; that shouldn't have happened. Let me sort it out.",
    ],
  },
  {
    id: "apology-grudging",
    kind: "fake_apology",
    says: [
      "(already|just) (said|say) sorry",
      "i (said|say) sorry",
      "what more do you want",
      "^(fine|alright|okay|all right) .? i am sorry",
      "(suppose|guess) i am sorry",
      "sorry if that is what you want to hear",
      "mistakes were made",
    ],
    why: "A sorry that is pushed out sounds worse than none. Mean it, and show it.",
    suggest: ["I'm sorry, and I mean it. What would help most right now?", "You're right to be upset, and I'm sorry. Let me put it right."],
  },

  // ── Dismissing: shrinking the problem or brushing the customer off ──
  {
    id: "dismiss-nobody-else",
    kind: "dismissing",
    says: [
      "(nobody|no one|noone) else (has|have|had|seems|ever)? #Adverb? ({complain}|{mention}|{mind}|{say}|{notice}|{have} a problem|{seem} to mind)",
      "(nobody|no one|noone) (has|have|had) ever (complained|mentioned|said|had a problem)",
      "(nobody|no one) seems to mind",
      "(everyone|everybody) else #Adverb? ({like}|{enjoy}|{love}|{manage}|{cope}|{wait})",
      "other (guests|people|customers|diners) #Adverb? ({manage}|{cope}|{like}|{enjoy}|{find} it|{do} not mind)",
      "you are the only (one|person|guest|customer)",
      "(we|i) have never had (a|any) (complaint|complaints|problem|problems|issue|issues)",
      "most (people|guests|customers) (do not|never) #Adverb? ({notice}|{mind}|{complain})",
    ],
    why: "Other guests don't make their problem smaller. It tells them they are the difficult one.",
    suggest: [
      "Thank you for telling me; I'd much rather know. Let me put it right.",
      "I'm glad you said something. Let me sort it out for you now.",
    ],
  },
  {
    id: "dismiss-minimise",
    kind: "dismissing",
    says: [
      "(it|that|this) (is|was) (only|just) (a|an|one|two|some|#Value)? (small|tiny|little|minor|slight|bit|couple|few)",
      "(it|that|this) (is|was) (only|just) (a|an|one) (hair|drink|scratch|mark|stain|chip|crack|noise|mistake|delay|wait|slip|hiccup|typo|spill|drop)",
      "(only|just) (a|one|#Value) (minutes|minute|mins|euros|euro|pounds|pound|dollars|dollar|quid|pence|cents|drink|glass) (late|extra|more|off|that was|over)?$",
      "(it|that) (is|was) (only|just) (a|one|#Value) (minutes|minute|euros|euro|pounds|pound|dollars|dollar|quid|drink)",
      "(only|just) a (bit|spot|drop|splash) of",
      "you #Adverb? only (waited|had to wait|been waiting)",
      "(it is|that is) only food",
      "(not|no) (a|that|such a)? (big|huge|major) (deal|problem|issue)",
      "(hardly|barely|not) (worth|noticeable) #Gerund?",
      "not (really)? worth (worrying|getting|complaining|making|fussing)",
      "not (that|so) (bad|serious|terrible)",
      "not the end of the world",
      "could (have been|be) (a lot|much|far)? worse",
      "(these|such|those) things happen",
      "(that|it) happens all the time",
      "happens to the best of us",
      "(it is|that is) nothing$",
      "(it is|that is) nothing (serious|to worry about)",
      "is that all$",
      "you (will|are going to) (survive|live|be fine)",
      "(mountain|mountains) out of (a|an)? molehill",
      "you are #Adverb? overreacting",
      "i am sure it is fine",
      "(would not|would never) worry about",
      "something so (small|minor|little|trivial)",
      "^come on",
    ],
    unless: ["(only|just) a (minute|moment|second) (while|and)", "is that all (right|ok|okay) (with|for) you"],
    why: "If it matters to them, it matters. Shrinking it tells them they are making a fuss.",
    suggest: [
      "It matters to you, so it matters to me. I'll [what you will do] now.",
      "I'm sorry, that shouldn't have happened. Let me sort it out for you.",
    ],
  },
  {
    id: "dismiss-brush-off",
    kind: "dismissing",
    says: [
      "^whatever (you say)?$",
      "(fine|yeah|okay) whatever",
      "whatever you say",
      "if you say so",
      "wait your turn",
      "(join|get in) (the|a)? (queue|line)",
      "like (everyone|everybody) else",
      "you are no different",
      "(everyone|everybody) has to wait",
      "you will get it when it is ready",
      "do not see (the|what the|any) problem",
      "(that is|it is) (just)? (how|the way) it is",
      "(it is|that is) the same for (everyone|everybody)",
      "no need to make (such|a|so much)? .? fuss",
      "you are making a fuss",
    ],
    why: "Brushing them off tells them they don't count. Listen, then act.",
    suggest: ["I hear you. Let me see what I can do right now.", "I'll look after this myself. What would put it right for you?"],
  },

  // ── “Calm down” and its cousins ──
  {
    id: "calm-down",
    kind: "calm_down",
    says: [
      "(calm|settle|simmer|quieten|quiet) (down|yourself)",
      "^(please|just|now|hey|okay|look|woah|whoa|so)? .? (calm|relax)$",
      "(just|please|you need to|you should|try to|must|woah|whoa|hey|okay|now|look) (relax|calm down)",
      "^relax",
      "(keep|stay) calm",
      "chill (out|pill)",
      "cool it",
      "take it easy",
      "take a deep breath",
      "(easy|steady) (now|on)",
      "calm yourself",
    ],
    unless: ["relax (and|with|in|by|on|while|over)", "(can|could|and) relax", "able to relax", "easy now that"],
    why: "Being told to calm down feels like being told their feelings don't count. It nearly always makes it worse.",
    suggest: [
      "I can see this has really upset you. Tell me what happened, and I'll help.",
      "I want to help, and I'm listening. What would put this right for you?",
    ],
  },
  {
    id: "calm-voice",
    kind: "calm_down",
    says: [
      "no need (to|for) (shout|shouting|swear|swearing|be rude|be like that|get angry|get upset|get aggressive|raise your voice|that|this|the attitude)",
      "(keep|lower) your voice",
      "stop (shouting|yelling|swearing|raising your voice|getting so|getting angry|being rude)",
      "(do not|can you|please) (shout|raise your voice|stop raising)",
      "do not (get|be|go) (so|that|too)? (upset|angry|worked up|excited|stressed|annoyed|emotional|aggressive|cross|het up|wound up|dramatic|rude|like that)",
      "(get|getting) (so)? worked up",
      "you are (being|getting) (very|so|far too|too|a bit|quite|really)? (emotional|aggressive|hysterical|dramatic|rude|worked up|angry|upset)",
      "(getting angry|shouting|being rude|yelling) (will not|is not going to|does not) (help|get you)",
      "(talk|speak) to you (while|when|if) you are (shouting|yelling|like this|like that)",
      "do not raise your voice",
      "get a grip",
    ],
    why: "Commenting on how they say it makes them say it louder. Answer what they are saying.",
    suggest: [
      "I can hear how frustrated you are, and I want to fix this. Tell me what happened.",
      "You're right to be annoyed. Let's sort it out together: what would help most?",
    ],
  },

  // ── Blaming the customer ──
  {
    id: "blame-customer-not-told",
    kind: "blame_customer",
    says: [
      "you #Adverb? (did not|never|forgot to|failed to|omitted to) #Adverb? ({tell}|{say}|{mention}|{ask}|{specify}|{inform}|{read}|{check}|{listen}|{warn}|{let} (us|me|anyone) know|{order}|{book}|{ring}|{call})",
      "you (did not|never) #Adverb? (tell|told) (us|me|anyone|anybody|the)",
    ],
    unless: ["you (did not|never) (have|need|get) to"],
    notInQuestion: true,
    why: "Even if they missed something, blaming them starts an argument nobody wins.",
    suggest: [
      "Thanks for telling me now. Let's put it right: [option one] or [option two]?",
      "Let me check what we noted, and we'll sort it out either way.",
    ],
  },
  {
    id: "blame-customer-should",
    kind: "blame_customer",
    says: [
      "you should (have|not have)? #Adverb? ({say}|{tell}|{check}|{ask}|{read}|{mention}|{book}|{let}|{come}|{arrive}|{order}|{call}|{look}|{know}|{listen}|{specify}|{warn}|{think}|{ring}|{phone}|{email}|{confirm})",
      "you (were|are) (supposed|meant) to",
      "you (need|ought|have) to (read|check|look at) (the|your)",
      "next time .? ({tell}|{ask}|{let}|{check}|{read}|{book})",
    ],
    notInQuestion: true,
    why: "“You should have…” puts it on them. It is too late to change what they did; fix what we can.",
    suggest: [
      "Thank you for telling me. Let's sort it out now: [what you can do].",
      "I'll make a note so we ask next time. For now, let me [what you can do].",
    ],
  },
  {
    id: "blame-customer-did",
    kind: "blame_customer",
    says: [
      "you (ordered|asked for|chose|picked|booked|agreed to|signed|ticked|gave us|wanted|left) (it|that|the|this|your|for|a|an)",
      "(that is|it is|this is) what you (ordered|asked for|chose|wanted|booked)",
      "you are the one who",
      "you (must|must have|probably) (have)? (misread|misheard|misunderstood|dropped|forgotten|lost|ordered|pressed|clicked)",
      "you (misread|misheard|misunderstood|left it)",
      "you left it (far|way|much)? too (long|late)",
      "you (were|are) (late|told|warned|informed)",
      "(it is|that is|it was|that was|this is) (all)? your (own)? (fault|choice|decision|problem|mistake)",
      "(it is|that is) not our fault you",
      "if you (would|had) (read|told|said|checked|asked|mentioned|booked|listened|come)",
      "you clearly",
      "you (came|come|arrived) (in)? at (closing|last orders)",
      "{leave} .{0,2} (there|it) yourself",
      "you signed .{0,3} yourself",
    ],
    excusedBy: ["offer", "owning"],
    notInQuestion: true,
    why: "Pointing at what they did wrong starts an argument. Check quietly, and put it right.",
    suggest: [
      "Let's get you what you wanted: would you like [option one], or [option two]?",
      "Thanks for bearing with me. I'll sort this out for you now.",
    ],
  },

  // ── Blaming a colleague, by name or through a verb ──
  {
    id: "blame-colleague",
    kind: "blame_colleague",
    says: [
      `${COLLEAGUE_SUBJECT} .{0,4} ({forget}|{lose}|{burn}|burnt|{miss}|{mix} (it|them|the order|your order)? up|{mess} (it)? up|{screw} (it)? up|{muddle} (it)? up)`,
      `${COLLEAGUE_SUBJECT} .{0,3} {get} (it|your order|the order|your booking|the booking|the bill|your bill|that)? wrong`,
      `${COLLEAGUE_SUBJECT} .{0,4} ({take}|{write}|{put}|{book}|{key}|{type}|{enter}) .{0,4} (down|in|through)? (wrong|wrongly|incorrectly)`,
      `${COLLEAGUE_SUBJECT} .{0,3} {put} (the|a) wrong`,
      `${COLLEAGUE_SUBJECT} .{0,3} {take} (it|them|your .|the .) to the wrong`,
      `${COLLEAGUE_SUBJECT} .{0,3} (made|make|makes) (a|the) (mistake|error|mess)`,
      `${COLLEAGUE_SUBJECT} (never|did not|does not|do not|failed to) #Adverb? ({pass}|{put}|{write}|{tell}|{check}|{read}|{restock}|{clean}|{send}|{order}|{do}|{know}|{bring}|{note})`,
      `${COLLEAGUE_SUBJECT} (should|must|was meant|was supposed|were meant|were supposed) (have|to)? #Adverb? ({tell}|{sort}|{warn}|{check}|{do}|{put}|{pass}|{fix}|{clean}|{see}|{deal})`,
      `${COLLEAGUE_SUBJECT} must have (done|put|mixed|forgotten|messed|got|made|lost|taken|written|missed)`,
      `(the|that|my|our|other) ${COLLEAGUE} .? (is|was|are|were) (to blame|at fault|the problem)`,
      `${COLLEAGUE} (fault|mistake)`,
      `(blame|fault of) (the|that|my|our)? .? ${COLLEAGUE}`,
      "(their|his|her) (fault|mistake|doing)",
      "(someone|somebody) else .? (fault|mistake|problem|doing)",
      "(it|that) (was|is) (not|never) (me|my fault|my mistake|my doing)",
      "not (me|my fault|my mistake)$",
      "(it|that) (was|is) (the|that|a|my|our)? (new|other|last|agency)? (girl|guy|lad|one|waiter|waitress|chef|person|shift|team)",
      "(someone|somebody) else (did|took|served|made|dealt|handled|booked|cooked|was|is|checked|cleaned|looked)",
      "(ask|speak to|talk to) (the person|whoever|someone else|somebody else)",
      "(nobody|no one|noone) (told|informed|warned|tells) (me|us)",
      "(i|we) (was|were) not (told|informed|warned)",
      "i did not (make|cook|serve|book|take|do) (it|that|this|the)",
      `whoever (was|is) .{0,3} before me`,
      `(the|other) ${COLLEAGUE} (left|leaves) it`,
      "(do not|does not) know what (they|he|she) (are|is) doing",
      `(the|other|last|night|day|morning|evening) ${COLLEAGUE} (never|did not|does not|forgot)`,
    ],
    unless: [`(the|our) (chef|kitchen|cook|manager|team|housekeeping) (is|are|will|would|has|can|wants|offered|offers|is going)`],
    why: "To the customer there is one team. Naming who got it wrong makes the whole place look bad and fixes nothing.",
    suggest: ["I'm sorry we got that wrong. I'll put it right myself.", "That's on us, and I'll sort it out for you now."],
  },

  // ── Excuses: true, perhaps, but our problem, not the customer's ──
  {
    id: "excuse-staffing",
    kind: "excuse",
    says: [
      "(short|under) #Hyphenated? (staffed|handed|staff)",
      "(shortstaffed|understaffed|shorthanded)",
      "short of (staff|hands|people|waiters|chefs)",
      "staff (shortage|shortages)",
      "(staff|people|team|chef|chefs|waiter|waiters|cook|half|two|three|#Value) .{0,4} (off sick|off ill|called in sick|rang in sick|phoned in sick|went home sick)",
      "staff off sick",
      "(we are|we have been) (a|one|two|#Value)? (chef|waiter|person|man|pair of hands|staff member|member of staff|people) (down|short)",
      "(only|just) (have|got)? (one|two|#Value) (chef|chefs|waiter|waiters|of us|staff|people|cook|cooks) (on|in|working|here)?",
      "there (is|are) only (one|two|#Value) of us",
      "i am on my own",
      "(is|are) still learning",
    ],
    why: "Staffing is our problem, not theirs. They want to hear what you are doing about it.",
    suggest: [
      "Thank you for waiting. I'm on it now: [what you will do, and when].",
      "I'm sorry for the wait. Here's what I'm doing about it: [what you will do].",
    ],
  },
  {
    id: "excuse-busy",
    kind: "excuse",
    says: [
      `${BUSY_SUBJECT} #Adverb? (a|an|such)? a? #Adverb? ${BUSY}`,
      `${BUSY_SUBJECT} #Adverb? ${BUSY_PHRASE}`,
      "(mad|crazy|really|so) busy",
      "(kitchen|bar|chef|chefs) (is|are|has been|was) #Adverb? (swamped|slammed|behind|backed up|in the weeds|rammed|flat out)",
      "(kitchen|kitchens|chefs) #Adverb? (swamped|slammed|rammed)",
      "(big|large|huge) (party|group|booking|table|wedding) (in|on|tonight)",
      "everything is (slow|behind|running late)",
      "(long|hard|tough|busy) (day|shift|night|week)",
    ],
    unless: ["(not|never) too busy", "a (busy|long) (street|road)", "(long|hard) (day|week) (of|at) (travel|travelling|work)"],
    why: "How busy we are doesn't shorten their wait. It tells them they matter less tonight.",
    suggest: [
      "I'm sorry you've waited. I've checked and [what is happening, and when].",
      "Thank you for your patience. Let me see where your order is and come straight back.",
    ],
  },
  {
    id: "excuse-equipment",
    kind: "excuse",
    says: [
      `${EQUIPMENT} .{0,2} (is|are|was|were|has been|have been|keeps|kept|went|has gone|is being)? #Adverb? ${BROKEN}`,
      `${EQUIPMENT} .{0,2} (broke|crashed|died|failed|froze|{stop} working|went down|went off|went again|keeps breaking|is broken|has broken|packed up|{keep} breaking|{keep} crashing)`,
      "(system|systems|computer|computers|till|tills|wifi|internet|network) (is|are|has been|have been|was|went) #Adverb? (down|off|offline)",
    ],
    unless: ["sorry (that)? (the|your|our) . .? (was|were) not working", "(not|never) (broken|down)"],
    why: "A broken machine is our problem. Blaming it sounds like we have given up.",
    suggest: [
      "I'm sorry, I can't offer that right now. What I can bring instead is [an alternative].",
      "Let me see what I can do instead: [an alternative], or [another]?",
    ],
  },
  {
    id: "excuse-supplier",
    kind: "excuse",
    says: [
      "(supplier|suppliers) (has|have|had)? #Adverb? ({let} (us|me) down|{fail}|{forget}|{mess} up|{send} the wrong|did not deliver|never delivered)",
      "(delivery|deliveries|order|fish|meat|bread|stock|driver|van) (did not|never|has not|have not) #Adverb? ({come}|{arrive}|{turn} up|{show} up|{get} here)",
      "(delivery|deliveries|driver|van) (was|were|is|are) (late|delayed)",
      "(forgot|forget|forgotten) to order",
      "(did not|never) order enough",
    ],
    why: "Supplier trouble sounds like an excuse and makes them wonder what else went wrong.",
    suggest: [
      "I'm sorry, we don't have that today. I can offer you [an alternative] instead.",
      "That one isn't available today, I'm sorry. Would [an alternative] suit you?",
    ],
  },
  {
    id: "excuse-not-mine",
    kind: "excuse",
    says: [
      "not my (section|table|tables|area|station|department|job|responsibility|shift|floor|room)",
      "i am not (on|serving|looking after|covering) (this|your|that) (section|table|area|floor)",
      "(it is|this is|today is|tonight is) my first (day|week|shift|night|month)",
      "i am (only|still|quite|really|brand)? new",
      "i (have)? only just started",
      "(the|a|our) new (guy|girl|lad|one|starter) is still",
      "i was not (here|working|on shift|on|in) (then|earlier|yesterday|when)?",
      "i do not (really)? know (anything about|about) (it|that|this)",
    ],
    unless: ["new to (this|the|your) (table|menu|area|section)", "new (menu|room|table|dish|chef|booking)"],
    why: "To the customer you are the restaurant. Passing it on makes them tell the story again.",
    suggest: [
      "I'll look after this for you myself. Let me find out what happened and come straight back.",
      "Let me get this sorted for you. I'll check with my manager so you get the right answer.",
    ],
  },

  // ── Blunt refusals ──
  {
    id: "refusal-bare-no",
    kind: "blunt_refusal",
    says: [
      "^(no|nope|nah)$",
      "^(no|nope) sorry$",
      "^(no way|no chance|not a chance|no can do|not happening|no chance sorry)$",
      "^no (that is|it is) (the only|all)",
      "^no (we|i) (are|am) (full|closed|busy|fully booked)",
    ],
    excusedBy: ["offer"],
    why: "A bare “no” sounds like a door shutting. Give the real reason and something they can have.",
    suggest: [
      "I'm sorry, I can't do that because [the real reason], but I can offer [an alternative].",
      "I wish I could. What I can do is [an alternative], or [another]. Which would you prefer?",
    ],
  },
  {
    id: "refusal-cant",
    kind: "blunt_refusal",
    says: [
      `${WE} (can|will|do) not #Adverb? ${REFUSE_VERB} ${OBJECT}`,
      `${WE} (can|will|do) not #Adverb? ${REFUSE_VERB}$`,
      `${WE} (can|will) not$`,
      `${WE} (am|are) not (able|going) to ${REFUSE_VERB} ${OBJECT}`,
      `${WE} (am|are) not (able|going) to ${REFUSE_VERB}$`,
      `${WE} (will not|are not going to) be (doing|changing|giving|offering|making) ${OBJECT}?`,
      "^(can not|cant) (do|change|help|be done)",
      "(that|it) (can not|will not) be done",
      `(that is|it is) not (something|what|a thing) (we|i) (do|offer|can do)`,
      "(that is|it is) not (how it works|how we do things|possible)",
      "not possible",
      "(that is|it is) impossible",
      "^impossible",
      "(that|it) (will not|is not going to|is never going to) happen",
      "it is what it is",
      "there is no way$",
      "out of the question",
      `${WE} (am|are) not (doing|changing) (that|it|this)`,
      `${WE} (are|am) (full|fully booked|closed)$`,
    ],
    unless: [
      `${WE} (can|do|will) not #Adverb? (wait|thank|believe|apologise|imagine|stop|let|charge|mind|want|rest|promise)`,
      `${WE} (do|did) not make the (rules|decisions|policy)`,
      "not possible to (say|tell) (how|what)",
    ],
    excusedBy: ["offer"],
    why: "“Can't” on its own leaves them with nothing. Add the real reason and at least one alternative.",
    suggest: [
      "I'm sorry, we can't {what} because [the real reason]. What I can do is [an alternative]. Would that help?",
      "I'm sorry, that's not something I can do, because [the real reason]. I can offer [an alternative] instead.",
    ],
  },
  {
    id: "refusal-shut-door",
    kind: "blunt_refusal",
    says: [
      "nothing (more|else|at all|further)? (i|we) can #Adverb? {do}",
      "(there is|that is) nothing (more|else)? (to be done|we can do|i can do)",
      "(my|our) hands are tied",
      "(that is|it is) out of (my|our) hands",
      `${WE} can not do anything`,
      "nothing (i|we) can (help|do) (with|about)",
    ],
    why: "It tells them the conversation is over. There is always something, even if it is calling a manager.",
    suggest: [
      "Let me see what I can do. I can offer [an alternative], or I'll ask my manager to help.",
      "I'll find out what we can do for you, and come straight back.",
    ],
  },

  // ── Policy talk, and “I'm not allowed” ──
  {
    id: "policy-talk",
    kind: "policy",
    says: [
      "(it is|that is|this is) (the|our|a|company|hotel|house|restaurant|strict)? .? (policy|rule|rules)",
      "against (the|our|company|house|hotel)? (policy|rules|the rules)",
      "(our|the|company|house|hotel) policy (says|states|is clear|does not|will not|do not)",
      "(company|house|hotel|restaurant|strict) policy",
      "policy is policy",
      "(we|i) (followed|follow|are following|am following|were following|was following) (the|our)? (rules|policy)",
      "(rules|policy) (is|are) (rules|policy)",
      "(those|these) are the rules",
      "(i|we) do not make the rules",
      "the rules do not (allow|let|permit)",
      "the policy is (very)? clear",
      "policy thing",
      "that is the rule",
      "terms and conditions",
      "computer says no",
      "(system|computer|till) (will not|does not) (let|allow) (me|us)",
      "(management|head office|the boss|my manager|the manager|the owner) (will not|would not|does not|do not) (let|allow)",
      "more than my .? worth",
      "(just|only) (following|doing) (orders|what i am told|my job)",
      "(get|be) in trouble",
      "(lose|lost) my job",
      "above my pay grade",
      "not up to me",
      "i can not .? it is against",
    ],
    unless: [
      "(policy|rule|rules) (is|are) (to|that) (we|you|nobody|no one|every|always)",
      "our rules mean",
      "policy is that (nobody|no one|you never)",
    ],
    why: "“Policy” sounds like a wall between you and them. Give the real reason in plain words, then what you can do.",
    suggest: [
      "We don't do that because [the real reason], but what I can do is [an alternative].",
      "I can't do that one, because [the real reason]. Here's what I can do instead: [an alternative].",
    ],
  },
  {
    id: "policy-not-allowed",
    kind: "policy",
    says: [
      `${WE} ${BE_NOT} #Adverb? (allowed|authorised|permitted|supposed|meant) to .{0,3}`,
      "^not (allowed|authorised|permitted) to",
      `${WE} ${BE_NOT} #Adverb? (allowed|authorised|permitted)$`,
      `${WE} ${BE_NOT} in a position to .{0,3}`,
      "i (would|will) get in trouble",
    ],
    excusedBy: ["offer"],
    why: "“Not allowed” leaves them stuck. Say who can help, and bring them in.",
    suggest: [
      "I need my manager to {what}, so I'll ask them to come over now.",
      "That needs my manager's OK. I'll ask right now and come straight back to you.",
    ],
  },

  // ── Arguing about the facts ──
  {
    id: "argue-facts",
    kind: "argue",
    says: [
      "you (are|were) (so|completely|totally|just|simply|quite|clearly|definitely)? (wrong|mistaken|confused|incorrect)",
      "you must be (mistaken|confused|wrong)",
      "you (have|have got|got) it (all)? wrong",
      "(that|it|this) (is|was) (just|simply)? not (true|what happened|how it happened|the case|what i said|the right way to)",
      "(that|this|it) (is|was) not (true|so)",
      "that never happened",
      "(i|we) (never|did not) (say|said) (that|it|anything)",
      "that is not what i said",
      "i was there",
      "(it|that) (says|said|is written|was written) (so|clearly|right)? (on|in) the (menu|booking|terms|sign|confirmation|website)",
      "(clearly|plainly) (written|stated|marked) (on|in)",
      "there (is|was) nothing wrong with (it|the|your|this|that|my|our)",
      "(it|that|this) (looks|tastes|seems|smells|sounds) (perfectly|completely)? (fine|okay|normal|right|good) to me",
      "(it|that|this|the .) (looks|seems|is) perfectly (normal|fine|edible|okay|good)",
      "(perfectly|completely) edible",
      "(was|is|were) cooked (exactly|perfectly) (right|fine|as it should be)",
      "(is|was) definitely not (overcooked|undercooked|cold|burnt|stale|off)",
      "i think you will find",
      "(checked|cleaned|inspected) (it|the room) myself",
      "(was|is|were) cleaned this (morning|afternoon)",
      "(our|the) (coffee|food|soup|tea) is always (hot|fresh)",
      "there was no (hair|fly|bone) in it",
      "(is not|was not) corked",
      "that is what (medium|rare|well done) looks like",
      "(is|was) (completely|perfectly)? normal for (this|that|the) (dish|wine|room)",
    ],
    why: "Winning the point loses the customer. Find out what happened later; fix it first.",
    suggest: [
      "I'm sorry it isn't what you expected. Let me check what happened, and we'll put it right.",
      "Thank you for telling me. Would you like it made again, or something else instead?",
    ],
  },
  {
    id: "argue-meant-to-be",
    kind: "argue",
    says: [
      "(it is|that is|they are|this is|it was) (meant|supposed) to (be|taste|look|come|smell) (like that|that way|like this|this way|cold|rare|pink|bitter|spicy|hot|runny|crunchy)?",
      "(that is|this is) how (it is|they are|we) (meant|supposed) to (be|taste|look|make|do)",
      "(that is|this is|it is) (how|the way) (we|the chef|they|chef) (make|makes|do|does|serve|serves|cook|cooks) (it|them)",
      "(that is|it is) how we cook it",
      "(is|it is) a (very)? (popular|bestselling|best selling) dish",
      "(that is|it is) how it (should|is meant to|is supposed to) (be|taste)",
      "how (the|this|that|our) . (is|are) (meant|supposed) to (be|taste|look)",
      "(the|our) . is supposed to (be|taste|look) (cold|like that)",
    ],
    unless: ["(is|are) not (meant|supposed) to"],
    why: "Explaining the recipe sounds like telling them their taste is wrong.",
    suggest: [
      "What matters is that you enjoy it. Shall I have it made the way you like?",
      "I'm sorry it isn't to your liking. What would you like instead?",
    ],
  },

  // ── Negative openers: a gentle flag ──
  {
    id: "negative-opener",
    kind: "negative_opener",
    says: [
      "^(well|oh|so|okay|look)? (unfortunately|sadly|regrettably|unhappily)",
      "^(the|bad) (bad news|problem|trouble|issue) is",
      "^bad news",
      "^(i am)? afraid (the|that|there|we)? .? bad news",
    ],
    unless: ["^the (problem|issue|trouble) is (mine|ours|my|our)"],
    why: "Opening with bad news sets the tone. Lead with what you can do.",
    suggest: ["{rest}", "Lead with the good part: {rest}"],
  },
];

/** An offer of something else: turns a no, a "sorry, but" or "I'm not allowed" gracious. */
export const OFFER_PATTERNS: readonly string[] = [
  `${WE} (can|could|will|would|shall) #Adverb? (offer|bring|get|make|move|arrange|give|put|ask|check|swap|change|seat|call|book|find|fetch|do|try|add|store|hold|order|upgrade|send|show|see|have|take|set|keep|carry|waive|join|suggest|recommend|cook|prepare|refund|pass|look|sort|speak|talk|go|pop|ring|run|leave|serve|replace|help|organise)`,
  `${WE} would (be happy|love) to`,
  `${WE} (am|are) happy to`,
  "what (i|we) can do",
  "(would|do) you (like|prefer|want|fancy)",
  "would (that|it|this) (work|help|suit|do)",
  "(shall|can|may|could) (i|we)",
  "how about",
  "instead",
  "alternatively",
  "let (me|us)",
  "(my|the) (manager|supervisor|colleague|chef) (can|will|could|is able)",
  "(she|he|they) can",
  `${WE} have (upgraded|moved|arranged|taken|booked|asked|put|added|saved|kept|called|ordered)`,
  "you are (welcome|very welcome) to",
  "(is|are) (free|available|lovely|open|still open|just as good)",
  "(there is|there are|we have|i have) (a|an|another|some|plenty) .{0,3} (free|available|table|room|seat|option|alternative|lovely)",
  "(or|and) the . is (lovely|open|free|available)",
  "we (do|have) (a|an|some) .{0,2} (instead|alternative)",
];

/** Words that decline an offer ("Would you like the bill?" shows them the door). */
export const NOT_AN_OFFER: readonly string[] = ["(would|do) you (like|want) (the|your) (bill|check)", "anything else"];

/** Owning the mistake: "you ordered the fish and we brought meat" is not blaming them. */
export const OWNING_PATTERNS: readonly string[] = [
  "we (got|brought|served|missed|forgot|gave|put|lost|mixed|should have|did not)",
  "!not (our|my) (mistake|fault|error)",
  "(that is|it is) on us",
  "i (should have|forgot|got|missed|mixed)",
  "i will (make sure|have|get|bring|put|sort|check|change|move)",
  "so i will",
];

/** An apology heading a sentence, undermined if the same sentence goes on to excuse, blame or argue. */
export const APOLOGY_HEAD: readonly string[] = ["^(i am|we are)? (so|very|really|truly)? (sorry|apologise)", "^(sorry|apologies)"];
