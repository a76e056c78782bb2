// Floor-ready coaching for each heads-up stage, and the suggested words for telling a table about
// a floor-wide heads-up. Plain data and pure functions; screens decide how to show them.
import type { StageGuidance } from "../guidance";
import { asItem } from "../readback";
import type { HeadsUpOption } from "./events";
import type { HeadsUpKind, HeadsUpStage } from "./vocabulary";

export const HEADS_UP_GUIDANCE: Record<HeadsUpStage, StageGuidance> = {
  notice: {
    goal: "Tell them before they find out for themselves.",
    do: ["Go to every table or room it touches, now, not when they ask.", "Know what you'll offer before you walk over."],
    avoid: ["Waiting to see if they notice", "Letting them order what you can't serve"],
    phrases: ["Before you order, I wanted to let you know something."],
    checklist: [
      { id: "notice-before-asked", label: "Told them before they asked" },
      { id: "notice-options-ready", label: "Options ready before walking over" },
    ],
  },
  explain: {
    goal: "Give the plain, true reason, briefly, with no excuse.",
    do: ["One true sentence about why.", "Say what you are doing about it."],
    avoid: ["Blaming suppliers, the kitchen or colleagues", "Staff shortages and broken machines as excuses", "Long stories"],
    phrases: ["It has been more popular than we expected tonight.", "The kitchen is about 30 minutes behind, and here is what I can do."],
    checklist: [
      { id: "explain-true", label: "A true reason, no excuse" },
      { id: "explain-brief", label: "Kept it short" },
    ],
  },
  offer: {
    goal: "Find a way to say yes: give them options.",
    do: ["Offer at least two: wait, change or cancel.", "Say honestly how long a wait would be."],
    avoid: ["One take-it-or-leave-it option", "Promising a time you can't keep"],
    phrases: ["You could wait about 20 minutes, or I can suggest something just as good that's ready now."],
    checklist: [
      { id: "offer-two", label: "At least two options" },
      { id: "offer-honest-time", label: "An honest time for waiting" },
    ],
  },
  decide: {
    goal: "The choice is theirs: let them decide.",
    do: ["Give them a moment.", "Accept the choice, including cancelling."],
    avoid: ["Pushing the option that suits us"],
    phrases: ["Whatever suits you best: there's no wrong answer."],
    checklist: [{ id: "decide-theirs", label: "They chose, not us" }],
  },
  confirm: {
    goal: "Read back what they chose, so nothing is lost at the pass.",
    do: ["Turn the tablet round, or say it back.", "Note a gesture for their patience, if it fits."],
    avoid: ["Changing their choice without asking"],
    phrases: ["So that's the sea bass instead, and I'll bring it as soon as it's ready."],
    checklist: [{ id: "confirm-readback", label: "Read back their choice" }],
  },
  prevent: {
    goal: "Note what would stop it catching customers out again.",
    do: ["Tag the root cause.", "One line for the manager: what would have prevented it."],
    avoid: ["Naming and blaming a colleague"],
    phrases: [],
    checklist: [{ id: "prevent-tag", label: "Root cause noted" }],
  },
};

/** An honest opening for each kind of problem; the item itself follows as its own sentence. */
const OPENING: Record<HeadsUpKind, string> = {
  sold_out: "Before you order, I wanted to let you know:",
  running_late: "I wanted to let you know straight away, before you wait any longer:",
  out_of_order: "So it doesn't catch you out, I wanted to let you know:",
  not_ready: "I wanted to tell you now rather than keep you guessing:",
  changed: "I want to be upfront with you about a change:",
  other: "I wanted to let you know something that affects you:",
};

const CHOICE_LEAD: Record<HeadsUpOption["choice"], string> = {
  wait: "Wait",
  change: "Change",
  cancel: "Cancel",
  other: "Or",
};

/**
 * The suggested words for telling one table: an opening for the kind, what is happening, the true
 * reason, the options as a list, and the question that hands them the choice. Each free-text part
 * stands as its own item.
 */
export function suggestedHeadsUpWords(input: {
  kind: HeadsUpKind;
  what: string;
  reason: string;
  options: readonly HeadsUpOption[];
}): string[] {
  return [
    OPENING[input.kind],
    `${asItem(input.what)}.`,
    `The reason: ${asItem(input.reason)}.`,
    ...(input.options.length ? ["You can choose:", ...input.options.map((o) => `${CHOICE_LEAD[o.choice]}: ${asItem(o.text)}.`)] : []),
    "Which would you prefer?",
  ];
}

/** The line for going back to a customer whose promised action will be late. */
export function brokenPromiseWords(input: { what: string; due: string }): string[] {
  return [
    "I said I'd come back to you, and I want to tell you before you have to ask:",
    `${asItem(input.what)}: it won't be done by ${input.due} as I promised.`,
    "I'm sorry. Here is where it stands, and what I can do now.",
    "Would you like to wait, or shall we do something else?",
  ];
}
