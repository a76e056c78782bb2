// The practice customer's reactions, as data a trainer can read (shown on /trainer/reactions).
// Each reaction says what sets it off, how much it moves the customer's temper, why (from what
// the field knows about complaints), and a few ways the customer may say it. Lines are the
// customer's own words; none names a category, a severity or the feeling the real staff member
// picked, so the customer never gives the trainee the answers.
//
// Placeholders filled from the source case's facts: {thing} (what went wrong, e.g. "the food"),
// {spot} (where they are), {request} (what they asked for in the real case).

export const REACTION_IDS = [
  "excuse",
  "blame",
  "bare_no",
  "calm_down",
  "policy",
  "dismissing",
  "fake_apology",
  "arguing",
  "silence",
  "skipped_validation",
  "ignored_vent",
  "stingy_remedy",
  "no_remedy",
  "thin_options",
  "named_feeling",
  "early_apology",
  "late_apology",
  "real_options",
  "gracious_no",
  "fair_remedy",
  "solution_agreed",
  "heard_again",
  "manager_called",
  "neutral",
] as const;
export type ReactionId = (typeof REACTION_IDS)[number];

export type Reaction = {
  /** What the trainee did, in a trainer's words. */
  trigger: string;
  /**
   * How far it moves the customer's temper (0 settled … 10 walks out). When several things sting
   * in one turn, the worst counts in full and each other one adds 1.
   */
  delta: number;
  /** Why a customer reacts like this. */
  why: string;
  /** Ways the customer says it; one is picked by the run's seed. */
  lines: readonly string[];
};

export const REACTIONS: Record<ReactionId, Reaction> = {
  excuse: {
    trigger: "An excuse: short-staffed, busy night, the supplier, a broken machine",
    delta: 2,
    why: "Customers are not interested in the venue's staffing or suppliers; they want to know what is being done.",
    lines: [
      "I don't need to hear about your rota. What are you doing about {thing}?",
      "That's not my problem, is it? I'm the one sitting at {spot}.",
      "Everyone's busy. That doesn't fix {thing}.",
    ],
  },
  blame: {
    trigger: "Blaming the customer or a colleague",
    delta: 2,
    why: "Blame starts an argument about who is at fault instead of fixing the problem.",
    lines: [
      "So now it's my fault?",
      "I don't care whose fault it is in your kitchen. I care about {thing}.",
      "Don't push it onto someone else. You're the one I'm talking to.",
    ],
  },
  bare_no: {
    trigger: 'A no with no real reason, or no real alternative ("No, we don\'t do that", "Nothing else")',
    delta: 2,
    why: "An immediate, bare no sparks a negative reaction; a reason and an alternative show you still want to help.",
    lines: [
      "That's it? Just no?",
      "So you can't do anything at all. Brilliant.",
      "No? I asked for {request}, and you won't even offer me anything else?",
    ],
  },
  calm_down: {
    trigger: "Telling them to calm down or relax",
    delta: 3,
    why: "Being told to calm down tells them their feelings do not count.",
    lines: ["Don't tell me to calm down!", "I'll calm down when someone actually helps me.", "Calm down? I've every right to be annoyed."],
  },
  policy: {
    trigger: 'Policy talk: "it\'s our policy", "the system won\'t let me"',
    delta: 2,
    why: "A rule quoted at them sounds like a wall; they want a person who can help.",
    lines: ["I don't care about your policy. I care about {thing}.", "Then who can actually decide something?", "Policy. Of course it is."],
  },
  dismissing: {
    trigger: 'Dismissing it: "it\'s only a side dish", "no one else has complained"',
    delta: 2,
    why: "Shrinking the problem tells them they are making a fuss.",
    lines: ['It\'s not "only" anything to me.', "I don't care if nobody else complained. I'm complaining.", "So I'm overreacting, am I?"],
  },
  fake_apology: {
    trigger: 'A sorry that is taken back: "sorry you feel that way", "sorry, but…"',
    delta: 2,
    why: "A fake or undermined apology is worse than none; apologies cannot be scripted.",
    lines: [
      "That's not an apology.",
      "That doesn't sound like you're sorry at all.",
      "If you're sorry, just say so. Don't explain it away.",
    ],
  },
  arguing: {
    trigger: "Arguing with their account",
    delta: 2,
    why: "Arguing makes the customer defend their story instead of hearing yours.",
    lines: ["Are you calling me a liar?", "I know what I saw.", "I'm not here to debate it."],
  },
  silence: {
    trigger: "Over two minutes with nothing said to them",
    delta: 1,
    why: "Waiting in silence feels like being ignored; speed matters in recovery.",
    lines: ["Hello? Are you still with me?", "I'm still waiting, you know.", "Is anyone going to say anything?"],
  },
  skipped_validation: {
    trigger: "A feeling picked on the screen but not said to them out loud",
    delta: 1,
    why: "Putting their feeling into words is what calms them; ticking it silently does nothing.",
    lines: [
      "Are you even listening to me?",
      "You haven't said a word about how this has been for me.",
      "I'm not sure you understand why I'm upset.",
    ],
  },
  ignored_vent: {
    trigger: "Carrying on while they are upset again, instead of listening",
    delta: 2,
    why: "Customers sometimes just need to let off steam; pushing on with the script over them makes it worse.",
    lines: ["You're not listening. Again.", "Stop reading off that screen and listen to me.", "I haven't finished!"],
  },
  stingy_remedy: {
    trigger: "A remedy that is small for how bad it was",
    delta: 1,
    why: "The worse the failure, the more it takes to win them back: a remedy should scale with it.",
    lines: ["That's it? After all that?", "Is that really the best you can do about {thing}?", "That hardly makes up for it."],
  },
  no_remedy: {
    trigger: "Nothing to make up for a real failure that was ours",
    delta: 1,
    why: "Something reasonable to make up for the trouble shows you value their patience.",
    lines: ["So I just put up with it and pay as normal?", "And nothing for the trouble?", "I expected at least something."],
  },
  thin_options: {
    trigger: "Only one option, or nothing they can choose",
    delta: 1,
    why: "A take-it-or-leave-it offer leaves them feeling cornered; a choice gives them back some control.",
    lines: ["Is that the only thing you can do?", "Take it or leave it, then.", "I'd like a bit more choice than that."],
  },
  named_feeling: {
    trigger: "Their feeling said out loud, in plain words",
    delta: -2,
    why: "Putting their feeling into words eases the tension more than anything else.",
    lines: ["Yes. Exactly. Thank you.", "Well, yes, that's how it feels.", "At least someone gets it."],
  },
  early_apology: {
    trigger: "A sincere apology, with no excuse, within three minutes of hearing them out",
    delta: -2,
    why: "A quick, genuine apology puts you on their side; nothing works better early on.",
    lines: ["Thank you. I appreciate that.", "Okay. That does help, thank you.", "Right. Thank you for saying so."],
  },
  late_apology: {
    trigger: "A sincere apology, but more than three minutes after hearing them out",
    delta: -1,
    why: "Still worth it, but the longer it takes, the less it helps.",
    lines: ["Well, it took a while, but thank you.", "Finally. Okay.", "Thank you, I suppose."],
  },
  real_options: {
    trigger: "Two or more real options, or real alternatives to a no",
    delta: -1,
    why: "Options show you are finding a way to say yes.",
    lines: ["Okay, let me think about those.", "Right, that's more like it.", "Hm. Those sound fair."],
  },
  gracious_no: {
    trigger: "A no with a factual reason and a real alternative",
    delta: 0,
    why: "Listened to, told why, and offered something else: a no said this way is accepted.",
    lines: ["Fine, I understand. What about the other thing?", "All right, if you can't, you can't.", "Okay. The alternative might do."],
  },
  fair_remedy: {
    trigger: "A remedy in proportion to how bad it was",
    delta: -2,
    why: "A fair gesture is what they remember afterwards, not the problem.",
    lines: ["That's fair. Thank you.", "Okay, that's very decent of you.", "Thank you, that does make up for it."],
  },
  solution_agreed: {
    trigger: "A solution they chose",
    delta: -1,
    why: "Choosing the fix themselves puts them back in control.",
    lines: ["Yes, let's do that.", "Okay, I'll go with that.", "That works for me."],
  },
  heard_again: {
    trigger: "Stopping to listen when they are upset again",
    delta: -1,
    why: "Letting them finish, and hearing them out again, lets the steam out.",
    lines: ["Thank you for letting me finish.", "Okay. Sorry, I just needed to say that.", "Right. Where were we?"],
  },
  manager_called: {
    trigger: "Calling a manager for what is beyond their own authority",
    delta: 0,
    why: "Bringing in someone who can decide is better than a no.",
    lines: ["Fine, I'll wait for them.", "Okay, let's see what they say.", "Good, someone who can decide."],
  },
  neutral: {
    trigger: "Anything else said to them",
    delta: 0,
    why: "Neither helps nor hurts.",
    lines: ["Go on.", "Okay.", "And?"],
  },
};

/** Temper, 0 (settled) to 10 (gone): where each mood the staff member picks starts. */
export const START_TEMPER = { calm: 3, upset: 5, angry: 6, furious: 7 } as const;
/** At this temper or above the customer is angry: they start venting again, and refuse a read-back. */
export const VENT_AT = 7;
/** At this temper the customer walks out. */
export const WALK_OUT_AT = 10;
/** A pause between steps longer than this is a long silence. */
export const SILENCE_MS = 2 * 60_000;

/** What the customer says when they start venting again: the complaint, told once more. */
export const VENT_LINES: readonly string[] = [
  "No, listen. {complaint}",
  "You know what, I'm not finished. {complaint}",
  "I'm getting really fed up now. {complaint}",
];
/** What the customer says as they leave. */
export const WALK_OUT_LINES: readonly string[] = [
  "That's it. I'm leaving, and I won't be back.",
  "Forget it. I'm going, and I'm writing a review.",
  "I've had enough. Goodbye.",
];
/** The read-back, refused: nothing real was offered, or they are still angry. */
export const READBACK_REFUSALS = {
  nothing_real: ["You haven't actually offered me anything for {thing}.", "That doesn't answer my problem. There's nothing here for me."],
  still_angry: ["I'm still not happy with how I've been spoken to.", "I don't feel anyone has listened to me."],
  no_apology: ["Nobody has even said sorry."],
} as const;
export const READBACK_ACCEPTED: readonly string[] = [
  "Yes, that's right. Thank you.",
  "Yes, that's fine.",
  "That's right. Thanks for sorting it.",
];
/** What the customer asks for at Solve, when the real case had no request to refuse. */
export const ASK_LINES: readonly string[] = [
  "So what are you going to do about {thing}?",
  "What can you do for me?",
  "How are you going to put this right?",
];

/** What went wrong, as the customer would say it. */
export const CATEGORY_THING: Record<string, string> = {
  food_quality: "my food",
  drink: "my drink",
  wait_time: "the wait",
  service: "the way I've been treated",
  billing: "my bill",
  room: "my room",
  cleanliness: "the state of the place",
  noise: "the noise",
  booking: "my booking",
  product: "what I bought",
  other: "this",
};
