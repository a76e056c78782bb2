// Floor-ready coaching for each stage of a complaint, written to be read on a tablet in a
// few seconds. Plain data; the screens decide how to show it.
import type { Stage } from "./vocabulary";

export type StageGuidance = {
  /** One line: what this stage is for. */
  goal: string;
  do: string[];
  avoid: string[];
  /** Lines the staff member can say as they are, or in their own words. */
  phrases: string[];
  /** Short ticks (at most 8 words each); ids are stable for saving progress. */
  checklist: { id: string; label: string }[];
};

export const GUIDANCE: Record<Stage, StageGuidance> = {
  listen: {
    goal: "Let them tell the whole story, without interruption.",
    do: [
      "Stop what you're doing. Face them, eye contact.",
      "Angry? Move somewhere quieter, away from other guests.",
      "Let them finish. Nod, don't interrupt.",
      "Note the facts: what, when, which dish or room.",
      "Take a breath and plan your first words before you speak.",
      "Stay steady. Their anger is about the problem, not you.",
    ],
    avoid: [
      "Explaining or excusing while they're still talking",
      "A quick “no” before you've heard it all",
      "Handling an angry guest in front of the room",
      "Folding under pressure or promising what you can't give",
    ],
    phrases: [
      "Please tell me what happened. I'm listening.",
      "Shall we step over here where it's quieter?",
      "Let me check I've got this right…",
    ],
    checklist: [
      { id: "listen-full-story", label: "Heard the whole story" },
      { id: "listen-no-interrupting", label: "Didn't interrupt or correct" },
      { id: "listen-quiet-spot", label: "Somewhere quieter if they're angry" },
      { id: "listen-facts", label: "Noted what, when and where" },
    ],
  },
  validate: {
    goal: "Show you understand how they feel.",
    do: [
      "Name the feeling out loud: frustrated, let down, embarrassed.",
      "Match their tone. A big smile can look like you don't care.",
      "Thank them for telling you. Most unhappy guests just leave.",
    ],
    avoid: ["“Calm down” or “relax”", "Shrinking it: “it's only…”", "Arguing about the facts yet"],
    phrases: [
      "I can see how frustrating this is.",
      "I'd feel let down too if that happened on my night out.",
      "Thank you for telling me. I'd much rather know.",
    ],
    checklist: [
      { id: "validate-feeling-named", label: "Named their feeling out loud" },
      { id: "validate-thanked", label: "Thanked them for telling you" },
    ],
  },
  apologise: {
    goal: "Say sorry, mean it, and own it.",
    do: [
      "Apologise straight away, in your own words.",
      "Own it personally: “I'll sort this for you.”",
      "If it was our mistake, say so plainly.",
      "Not sure of the facts? Still say sorry for how it felt.",
      "Forgiven at once? Thank them, and still put it right.",
    ],
    avoid: [
      "A scripted or flat “sorry”",
      "“Sorry, but…” (the “but” cancels it)",
      "Excuses: staffing, suppliers, broken machines",
      "Blaming the kitchen, a colleague or the guest",
    ],
    phrases: [
      "I'm really sorry. That isn't what we want for you tonight.",
      "I'm sorry we got that wrong. I'll sort it out myself.",
      "I'm so sorry this has spoiled your evening.",
    ],
    checklist: [
      { id: "apologise-sincere", label: "Said sorry, and meant it" },
      { id: "apologise-ownership", label: "Took personal ownership" },
      { id: "apologise-no-excuses", label: "No excuses, no blame" },
    ],
  },
  solve: {
    goal: "Get the facts, then find a way to say yes.",
    do: [
      "Ask calm, specific questions about what went wrong.",
      "Offer at least two options and let them choose.",
      "Be quick: problems fixed fast win the most loyalty.",
      "Beyond your authority? Bring a manager in now.",
      "Have to say no? Reason first, then alternatives.",
    ],
    avoid: ["A bare “no” or “can't”", "Policy talk", "Promises you can't keep", "Guessing about allergies or safety"],
    phrases: [
      "What I can do is … or … Which would you prefer?",
      "Let me see what I can do.",
      "I'll have a fresh one made now and bring it over myself.",
    ],
    checklist: [
      { id: "solve-facts", label: "Asked what went wrong" },
      { id: "solve-two-options", label: "Offered at least two options" },
      { id: "solve-chosen", label: "Guest chose a solution" },
      { id: "solve-manager", label: "Manager called if beyond your limit" },
    ],
  },
  compensate: {
    goal: "Thank them for their patience, in proportion.",
    do: [
      "Match the gesture to how bad it was.",
      "Offer it yourself; don't wait to be asked.",
      "A small extra is often what they remember most.",
      "Above your limit? Ask a manager to approve.",
    ],
    avoid: ["Nothing at all after a real failure", "Something over the top for a small slip", "Haggling over it"],
    phrases: [
      "To say sorry, dessert is on us tonight.",
      "I've taken the main course off your bill.",
      "Please let us make it up to you next time, too.",
    ],
    checklist: [
      { id: "compensate-proportionate", label: "Gesture fits how bad it was" },
      { id: "compensate-authority", label: "Within your limit, or approved" },
    ],
  },
  confirm: {
    goal: "Agree what happens next, and show them.",
    do: [
      "Turn the tablet round: show what we've agreed.",
      "Every action gets a name and a time.",
      "Follow up at the first chance: go back and check.",
      "A promise about to slip? Go back and tell them before they ask.",
      "Ask if there's anything else you can do.",
    ],
    avoid: ["Vague promises like “someone will look at it”", "Walking off before they've said yes"],
    phrases: [
      "Here's what we've agreed. Does that look right to you?",
      "I'll come back in ten minutes to check everything's good.",
      "Is there anything else I can do for you?",
    ],
    checklist: [
      { id: "confirm-owner-time", label: "Each action has an owner and time" },
      { id: "confirm-shown", label: "Guest saw the read-back" },
      { id: "confirm-accepted", label: "Guest agreed" },
      { id: "confirm-follow-up", label: "Follow-up check planned" },
    ],
  },
  prevent: {
    goal: "Fix the cause so the next guest doesn't meet it.",
    do: [
      "Tag the cause: the process, not a person.",
      "Seen this before tonight? Tell your manager now.",
      "Note one thing that would have stopped it.",
      "Take a breather before your next table.",
    ],
    avoid: ["Blaming a colleague", "Skipping it because it's busy"],
    phrases: ["That's the third cold plate tonight. Can we check the pass?", "Thanks for your help with that table."],
    checklist: [
      { id: "prevent-cause-tagged", label: "Root cause tagged" },
      { id: "prevent-repeat-flagged", label: "Repeat problem told to manager" },
      { id: "prevent-breather", label: "Took a short breather" },
    ],
  },
};

export const SAY_NO_GUIDANCE = {
  goal: "Say no without closing the door.",
  steps: [
    { title: "Listen to the whole request", detail: "Hearing them out softens it. An instant no sparks a reaction." },
    { title: "Say no politely and firmly", detail: "Warm tone, no wobbling. Sorry once is enough." },
    {
      title: "Give a factual reason",
      detail: "Plain and true, positive where you can: “so popular it's sold out” beats “the supplier let us down”.",
    },
    { title: "Offer alternatives", detail: "Two if you can. Find the yes you can give." },
  ],
  phrases: [
    "I'm sorry, the terrace is fully booked tonight, but I can seat you by the window or call you if a table frees up.",
    "I'm afraid that dish has sold out because it's been so popular, but the special is lovely. Shall I bring that instead?",
    "I'm sorry, we can't change that dish because the sauce is made in advance, but I can bring it with the sauce on the side.",
  ],
  avoid: ["A bare “no”", "Excuses or policy talk as the reason", "Saying no before they've finished"],
} as const;

export const ESCALATION_GUIDANCE = {
  goal: "Bring in a manager early, with a short brief, and stay with the guest.",
  when: [
    "The fix is above your authority limit",
    "Health or safety: allergy, illness, injury, something in the food",
    "The guest asks for a manager",
    "Threats, abuse, or you feel unsafe",
    "They've turned down every option you can offer",
  ],
  brief: [
    "Table or room, and the guest's name",
    "What happened, in one line",
    "How they feel right now",
    "What you've already said and offered",
    "What they're asking for",
  ],
  whileWaiting: ["Tell the guest who is coming and roughly when", "Stay with them, or check back every couple of minutes"],
  phrases: [
    "I want to get this right for you, so I'm asking my manager to come over. They can do more than I can.",
    "My manager, Sam, will be with you in two minutes. I've told them what happened, so you won't need to repeat it.",
  ],
} as const;

/** A short, kind note for the staff member after a hard case. */
export const BREATHER = {
  title: "That was a tough one",
  /** Why handling it well was worth it, in one line. */
  why: "Worth it: most unhappy guests never say a word and just don't come back, one bad night takes a dozen good ones to undo, and most guests whose complaint is put right return.",
  lines: [
    "Take a minute: some water, some air, then back to it.",
    "Their anger was about the evening, not about you.",
    "You listened, stayed calm and found a way forward. That's the job done well.",
    "Anything still bothering you? Tell your manager.",
  ],
} as const;
