// Demo history: a few hundred realistic past complaints at the two demo locations, written
// through the real use-cases (openCase / appendEvent) with an injected clock, so every row is
// exactly what the app itself would have stored.
//
// Deterministic: a seeded PRNG (mulberry32, one stream per case) drives every choice, and each
// step has a fixed clientEventId (`seed-<case>-<step>`), so seeding twice writes nothing new.
// The shape of each case (which steps, in which order, who records them) comes from the
// walkthrough builder shared with the tests (lib/playbook/testing/walkthrough.ts); this file
// only picks the variant, dresses it in real words and spreads it over realistic times.
import { appendEvent } from "@/lib/cases/append-event";
import { authorityLimitFor, openCase } from "@/lib/cases/open-case";
import type { Db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import {
  initialState,
  isProportionate,
  transition,
  type Actor,
  type AgreedActionInput,
  type CaseState,
  type Category,
  type CompensationKind,
  type EventType,
  type Feeling,
  type Mood,
  type PlaybookEvent,
  type Severity,
  type Stage,
} from "@/lib/playbook";
import { SCRIPT_TEXT, scriptCase, type ScriptOptions, type VentStage } from "@/lib/playbook/testing/walkthrough";
import { actorFor } from "@/lib/testing/actors";
import { DEMO_LOCATIONS, DEMO_USERS } from "./reference-data";
import type { DEFAULT_ROOT_CAUSES } from "./root-causes";

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

/** A small, fast, seeded PRNG: the same seed always gives the same sequence in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One independent stream per case, so case 7 is the same whether 40 or 320 are seeded. */
function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

class Dice {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Nothing to pick from");
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= item.weight;
      if (r < 0) return item;
    }
    return items[items.length - 1];
  }
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Content: what goes wrong at a restaurant and at a hotel, and how it is put right
// ---------------------------------------------------------------------------------------------

export type RootCauseSlug = (typeof DEFAULT_ROOT_CAUSES)[number]["slug"];
type Kind = "restaurant" | "hotel";
/** "{staff}" and "{manager}" in an owner are replaced by the names of the people on the case. */
type ActionSpec = { description: string; owner: string; dueMinutes: number };
type OptionSpec = { label: string; actions: ActionSpec[] };
type CompSpec = { kind: CompensationKind; description: string; valueCents: number; action?: ActionSpec };
type Cause = { facts: string; rootCauses: RootCauseSlug[]; prevention: string };
/** Local (Europe/London) hours; `to` may run past 24 into the small hours. */
type Window = { from: number; to: number; weight: number };

type Scenario = {
  key: string;
  kind: Kind;
  weight: number;
  category: Category;
  severities: Severity[];
  moods: Mood[];
  feelings: Feeling[];
  /** What the customer said, as they said it. */
  words: string[];
  spot: "table" | "room" | readonly string[];
  causes: Cause[];
  /** At least three; two or three are offered. */
  options: OptionSpec[];
  decline?: { request: string; reason: string; alternative: OptionSpec };
  managerOption: OptionSpec;
  /** Remedies, each proportionate to some severity (lib/playbook/remedies.ts). */
  compensation: CompSpec[];
  /** What a furious customer asks for first, which a manager turns down. */
  bigAsk?: CompSpec;
  ourFaultRate?: number;
  skipReasons?: string[];
  apologies?: string[];
  escalationReasons?: string[];
  escalationRate?: number;
  when?: Window[];
};

const act = (description: string, owner: string, dueMinutes: number): ActionSpec => ({ description, owner, dueMinutes });
const opt = (label: string, ...actions: ActionSpec[]): OptionSpec => ({ label, actions });
const comp = (kind: CompensationKind, description: string, valueCents: number, action?: ActionSpec): CompSpec => ({
  kind,
  description,
  valueCents,
  action,
});
const DAY_MIN = 24 * 60;

const RESTAURANT: Scenario[] = [
  {
    key: "cold_food",
    kind: "restaurant",
    weight: 12,
    category: "food_quality",
    severities: [1, 2, 2, 2, 3],
    moods: ["upset", "calm", "upset", "angry"],
    feelings: ["disappointed", "frustrated", "let_down"],
    words: [
      "My fish is stone cold in the middle. I've had two bites and I really can't eat it.",
      "The chips are lukewarm and the gravy's got a skin on it. It's obviously been sitting there.",
      "This risotto is barely warm. We've been looking forward to coming here all week.",
      "Everyone else's food is hot and mine's cold. How does that even happen?",
    ],
    spot: "table",
    causes: [
      {
        facts: "The mains were plated together and waited at the pass for a side dish that was running late.",
        rootCauses: ["product_quality", "wait_time"],
        prevention: "Expo holds plating until every dish for the table is ready; nothing sits at the pass for more than two minutes.",
      },
      {
        facts: "The heat lamp over the pass had failed, so plates cooled while they waited to be run.",
        rootCauses: ["facilities", "product_quality"],
        prevention: "Heat lamp replaced; the pass is checked at every pre-service briefing.",
      },
    ],
    options: [
      opt("Cook a fresh dish now and bring it out first", act("Chef to cook a fresh main on priority", "Head chef", 12)),
      opt("Take the dish off the bill", act("Void the dish on the till", "{staff}", 5)),
      opt("Swap it for something quicker from the menu", act("Send the replacement dish through as a priority ticket", "{staff}", 10)),
    ],
    decline: {
      request: "Take the whole table's food off the bill",
      reason: "Only one main was affected; the other three were served hot and have been eaten.",
      alternative: opt("A fresh main now and dessert on the house", act("Chef to cook a fresh main on priority", "Head chef", 12)),
    },
    managerOption: opt(
      "Manager brings a fresh main and a round of drinks for the table",
      act("Bring the fresh main and a round of drinks to the table", "{manager}", 15),
    ),
    compensation: [
      comp("gesture", "Coffees on the house", 450),
      comp("free_item", "Desserts on the house for the table", 1200, act("Put the table's desserts through as complimentary", "{staff}", 40)),
      comp("discount", "The main and the table's drinks taken off the bill", 3400, act("Take the main and the drinks off the bill", "{staff}", 45)),
    ],
    bigAsk: comp("refund", "The whole table's bill taken off", 9600),
  },
  {
    key: "long_wait_mains",
    kind: "restaurant",
    weight: 12,
    category: "wait_time",
    severities: [1, 2, 2, 3],
    moods: ["upset", "angry", "calm", "furious"],
    feelings: ["frustrated", "ignored", "rushed"],
    words: [
      "We ordered our mains fifty minutes ago. Nobody's told us a thing and the table next to us has already eaten.",
      "We told you when we sat down we've got a show at eight. It's twenty past seven and there's still no food.",
      "Is our food actually coming? We've asked twice and keep getting 'five minutes'.",
    ],
    spot: "table",
    causes: [
      {
        facts: "A party of fourteen went to the kitchen just before; the grill was running about 25 minutes behind.",
        rootCauses: ["wait_time"],
        prevention: "Large parties' orders are staggered; the pass tells the floor when the grill is more than 15 minutes behind.",
      },
      {
        facts: "The ticket never printed in the kitchen; it was only found when the table chased it.",
        rootCauses: ["wait_time", "facilities"],
        prevention: "Kitchen printer replaced; servers check their ticket is on the rail within a minute of sending it.",
      },
      {
        facts: "The kitchen warned of a delay but nobody passed it on to the table.",
        rootCauses: ["communication", "wait_time"],
        prevention: "Servers check in with every table 20 minutes after ordering and pass on any delay straight away.",
      },
    ],
    options: [
      opt("Mains out within five minutes, confirmed with the chef", act("Chase the ticket with the chef and run the mains as soon as they are up", "{staff}", 5)),
      opt("Box the mains up to take away", act("Pack the mains to take away with cutlery and napkins", "{staff}", 10)),
      opt("Cancel the mains and bring something quick from the starters", act("Cancel the mains and send two starters through on priority", "{staff}", 8)),
    ],
    decline: {
      request: "Let us leave without paying for anything",
      reason: "The drinks and starters were served and eaten; it's the mains that were late.",
      alternative: opt("Mains out in five minutes and taken off the bill", act("Run the mains as soon as they are up and void them on the till", "{staff}", 5)),
    },
    managerOption: opt("Manager brings the mains out personally, with drinks on the house", act("Bring the mains out and pour the drinks", "{manager}", 8)),
    compensation: [
      comp("gesture", "A round of soft drinks on the house", 480),
      comp("free_item", "The table's drinks on the house", 1300, act("Take the drinks off the bill", "{staff}", 40)),
      comp("discount", "Mains taken off the bill", 3800, act("Take the mains off the bill", "{staff}", 40)),
    ],
    bigAsk: comp("refund", "The whole bill taken off", 11500),
  },
  {
    key: "wrong_order",
    kind: "restaurant",
    weight: 10,
    category: "service",
    severities: [1, 2, 2],
    moods: ["upset", "calm", "angry"],
    feelings: ["frustrated", "disappointed"],
    words: [
      "I asked for the burger with no cheese. I said it twice. It's covered in it.",
      "This isn't what I ordered. I asked for the sea bass and this is salmon.",
      "We ordered two sides of greens and got two sides of chips. Again.",
    ],
    spot: "table",
    causes: [
      {
        facts: "The 'no cheese' note wasn't put through on the till, so the kitchen cooked it as printed.",
        rootCauses: ["communication"],
        prevention: "Servers read changes back at the table; the till now prompts for changes on burgers.",
      },
      {
        facts: "The order was taken correctly but the kitchen misread the ticket during the rush.",
        rootCauses: ["communication", "product_quality"],
        prevention: "The pass checks every plate against the ticket before it leaves the kitchen.",
      },
    ],
    options: [
      opt("Cook the right dish now as a priority", act("Chef to cook the correct dish on priority", "Head chef", 10)),
      opt("Keep this one on the house while the right one is cooked", act("Void the wrong dish and send the correct one on priority", "{staff}", 10)),
      opt("Take the dish off the bill", act("Void the dish on the till", "{staff}", 5)),
    ],
    decline: {
      request: "Give us the whole meal for free",
      reason: "Everyone else at the table got what they ordered; only this dish was wrong.",
      alternative: opt("The correct dish now and a drink on the house", act("Send the correct dish on priority and bring a drink over", "{staff}", 10)),
    },
    managerOption: opt("Manager sends the correct dish with a side of the guest's choice", act("Bring the correct dish and the extra side", "{manager}", 12)),
    compensation: [
      comp("gesture", "A side dish on the house", 450),
      comp("free_item", "A glass of wine on the house while they wait", 750),
      comp("discount", "The dish taken off the bill", 1450, act("Take the dish off the bill", "{staff}", 40)),
    ],
  },
  {
    key: "hair_in_food",
    kind: "restaurant",
    weight: 6,
    category: "food_quality",
    severities: [2, 3, 3],
    moods: ["angry", "upset", "furious"],
    feelings: ["disappointed", "angry", "embarrassed"],
    words: [
      "There's a hair in my pasta. A long one. I've completely lost my appetite.",
      "I've just pulled a hair out of my mouth. That's disgusting.",
      "There's a hair baked into the bread. I'm not eating anything else from this kitchen tonight.",
    ],
    spot: "table",
    causes: [
      {
        facts: "A chef on the line wasn't wearing a hat during the rush.",
        rootCauses: ["cleanliness"],
        prevention: "Hats and hair nets checked at the start of every shift; the head chef spot-checks the line.",
      },
      {
        facts: "The hair came in with the bread from our bakery supplier.",
        rootCauses: ["supplier", "cleanliness"],
        prevention: "Complaint raised with the bakery; bread is checked on delivery before it goes out.",
      },
    ],
    options: [
      opt("A fresh dish cooked by a different chef", act("Sous chef to cook a fresh dish and check it at the pass", "Sous chef", 12)),
      opt("Take the dish off the bill", act("Void the dish on the till", "{staff}", 5)),
      opt("Choose anything else from the menu, on us", act("Send the new choice through on priority", "{staff}", 12)),
    ],
    decline: {
      request: "Take the whole table's bill off",
      reason: "The rest of the table's food was checked and was fine; we'll take this dish off and put it right.",
      alternative: opt("The dish taken off and desserts for the table", act("Void the dish and bring the dessert menu", "{staff}", 10)),
    },
    managerOption: opt("Manager speaks to the table and takes the starters off as well", act("Take the starters off the bill and speak to the table", "{manager}", 10)),
    compensation: [
      comp("free_item", "Desserts on the house for the table", 1300, act("Put the table's desserts through as complimentary", "{staff}", 40)),
      comp("discount", "The dish and the table's drinks taken off the bill", 3200, act("Take the dish and the drinks off the bill", "{staff}", 40)),
    ],
    bigAsk: comp("refund", "The whole table's bill taken off", 11200),
    apologies: ["I'm so sorry — that should never happen, and I completely understand why you've lost your appetite."],
  },
  {
    key: "overcharged_bill",
    kind: "restaurant",
    weight: 9,
    category: "billing",
    severities: [1, 2, 2, 3],
    moods: ["upset", "calm", "angry"],
    feelings: ["frustrated", "let_down", "embarrassed"],
    words: [
      "We've been charged for three bottles of wine. We had two.",
      "It says £48 for the steak. The menu says £32.",
      "There's a service charge on here nobody mentioned, and the service was slow anyway.",
      "You've charged us for the kids' meals twice.",
    ],
    spot: "table",
    causes: [
      {
        facts: "A third bottle was rung in on table 4 instead of table 14.",
        rootCauses: ["billing"],
        prevention: "Servers check the table number on the till before every drinks order; voids are reviewed at close.",
      },
      {
        facts: "The till still had last season's price for the ribeye.",
        rootCauses: ["billing", "communication"],
        prevention: "Till prices are checked against the printed menu every time the menu changes.",
      },
      {
        facts: "The service charge is in the menu's small print, but nobody mentioned it to the party.",
        rootCauses: ["communication", "billing"],
        prevention: "Servers mention the service charge when they seat parties of six or more.",
      },
    ],
    options: [
      opt("Correct the bill now and reprint it", act("Correct the bill and bring the reprint to the table", "{staff}", 5)),
      opt("Remove the wrong charge and refund it to the card", act("Refund the wrong charge to the guest's card", "{staff}", 10)),
      opt("Take the service charge off", act("Remove the service charge and reprint the bill", "{staff}", 5)),
    ],
    decline: {
      request: "Take the whole wine bill off",
      reason: "Two bottles were served and opened at this table; only the third charge was our mistake.",
      alternative: opt("The wrong charge removed and 10% off the wine", act("Remove the wrong charge and take 10% off the wine", "{staff}", 5)),
    },
    managerOption: opt("Manager corrects the bill and takes the drinks off", act("Correct the bill and take the drinks off", "{manager}", 10)),
    compensation: [
      comp("gesture", "Coffees on the house", 450),
      comp("discount", "10% off the corrected bill", 1100),
      comp("discount", "The table's drinks taken off the bill", 2600, act("Take the drinks off the corrected bill", "{staff}", 10)),
    ],
    bigAsk: comp("refund", "The whole bill taken off", 8800),
    ourFaultRate: 0.85,
    skipReasons: ["None appropriate: the bill was corrected and the guest was happy with that."],
  },
  {
    key: "rude_server",
    kind: "restaurant",
    weight: 6,
    category: "service",
    severities: [2, 3, 3],
    moods: ["angry", "furious", "upset"],
    feelings: ["embarrassed", "angry", "ignored", "rushed"],
    words: [
      "Your waiter rolled his eyes when I asked about gluten and just walked off. I've never been spoken to like that.",
      "She told us to hurry up because they need the table back. We've been here an hour!",
      "I asked for some tap water and he said 'we don't really do that'. In front of my clients.",
    ],
    spot: "table",
    causes: [
      {
        facts: "The server was covering two sections on his own and was short with guests.",
        rootCauses: ["staff_manner"],
        prevention: "Sections rebalanced on busy nights; service refresher at Friday's briefing.",
      },
      {
        facts: "The table was double-sold for a nine o'clock sitting and the server passed that pressure on to the guests.",
        rootCauses: ["staff_manner", "booking"],
        prevention: "Table times are given at booking and never rushed at the table; the host handles turn times, not servers.",
      },
    ],
    options: [
      opt("Another server looks after the table for the rest of the evening", act("Hand the table over to another server", "{staff}", 5)),
      opt("Take your time — the table is yours for the evening", act("Tell the host the table is not to be turned tonight", "{staff}", 5)),
      opt("Manager speaks to the server and comes back to the table", act("Speak to the server and report back to the table", "{manager}", 20)),
    ],
    decline: {
      request: "Get that waiter sacked",
      reason: "We don't discuss staff discipline with guests, but the manager will deal with it tonight.",
      alternative: opt("Manager deals with it tonight and calls you tomorrow", act("Call the guest tomorrow to say what was done", "{manager}", DAY_MIN)),
    },
    managerOption: opt("Manager looks after the table personally for the rest of the meal", act("Look after the table for the rest of the meal", "{manager}", 5)),
    compensation: [
      comp("free_item", "Desserts on the house", 1400, act("Put the desserts through as complimentary", "{staff}", 40)),
      comp("discount", "20% off the bill", 2900, act("Take 20% off the bill", "{staff}", 40)),
    ],
    bigAsk: comp("refund", "The whole bill taken off", 9000),
  },
  {
    key: "allergy_concern",
    kind: "restaurant",
    weight: 4,
    category: "food_quality",
    severities: [4],
    moods: ["angry", "furious", "upset"],
    feelings: ["worried", "angry"],
    words: [
      "I told the server I have a severe nut allergy and this dessert has almonds all over it. I could have ended up in hospital.",
      "My daughter is coeliac. I asked three times if the batter was gluten-free and now you're telling me it isn't?",
      "I said no shellfish — it's an allergy — and there are prawns in this sauce.",
    ],
    spot: "table",
    causes: [
      {
        facts: "The allergy was on the ticket, but the garnish was added at the dessert station, which didn't see the note.",
        rootCauses: ["communication", "product_quality"],
        prevention: "Allergy tickets print in red at every station; the head chef signs off allergy dishes before they leave the pass.",
      },
      {
        facts: "The server answered about the batter from memory instead of checking the allergen chart.",
        rootCauses: ["communication", "staff_manner"],
        prevention: "Servers check the allergen chart with the chef every time; no allergy answers from memory.",
      },
      {
        facts: "The supplier changed the recipe of the sauce base and our allergen sheet wasn't updated.",
        rootCauses: ["supplier", "communication"],
        prevention: "Allergen sheets updated on every delivery with a recipe change; the supplier must tell us of changes in writing.",
      },
    ],
    options: [
      opt(
        "Make sure you're well first, with first aid and an ambulance if needed",
        act("Stay with the guest and watch for any reaction; call 999 at the first sign", "{staff}", 5),
        act("Bring the first-aid kit and check where the guest's own medication is", "{manager}", 5),
      ),
      opt("Head chef prepares a safe replacement in a separate area", act("Head chef to prepare an allergen-safe dish with clean equipment", "Head chef", 20)),
      opt("Take the whole meal off the bill", act("Void the table's food on the till", "{manager}", 10)),
    ],
    decline: {
      request: "Promise in writing that nothing in the kitchen contains that allergen",
      reason: "The allergen is used in our kitchen, so we can promise separate preparation and checks, not an allergen-free kitchen.",
      alternative: opt("Head chef explains step by step how a safe dish is prepared", act("Head chef to talk the guest through the safe preparation", "Head chef", 10)),
    },
    managerOption: opt("Manager stays with the table and arranges a taxi home if they want to leave", act("Stay with the table and book a taxi if wanted", "{manager}", 10)),
    compensation: [
      comp("discount", "The whole meal taken off the bill", 7400, act("Take the whole meal off the bill", "{manager}", 30)),
      comp("refund", "The whole meal refunded and dinner for two on us next time", 13500, act("Send the guest the invitation for dinner for two", "{manager}", 2 * DAY_MIN)),
    ],
    bigAsk: comp("refund", "Everyone's meal refunded and a £200 voucher", 32000),
    ourFaultRate: 1,
    escalationRate: 0.55,
    escalationReasons: ["Allergy incident: the manager must be told straight away.", "The guest asked for the manager after the allergy mistake."],
    apologies: [
      "I'm so sorry. We got this badly wrong, and your safety matters more than anything else tonight.",
      "I am truly sorry — you told us and we didn't listen. That's on us.",
    ],
  },
  {
    key: "noisy_table",
    kind: "restaurant",
    weight: 7,
    category: "noise",
    severities: [1, 1, 2],
    moods: ["calm", "upset"],
    feelings: ["frustrated", "disappointed"],
    words: [
      "The party next to us has been shouting for an hour. We can't hear ourselves think.",
      "The music is so loud we're having to shout across the table.",
      "It's our anniversary and we've been sat right next to a hen party.",
    ],
    spot: "table",
    causes: [
      {
        facts: "A large party was seated next to a table for two on a busy night.",
        rootCauses: ["booking"],
        prevention: "Large parties go in the back room after 8pm; couples are seated away from celebrations.",
      },
      {
        facts: "The music was turned up for the bar and not brought back down for the dining room.",
        rootCauses: ["facilities", "communication"],
        prevention: "Music volume is set per area and checked by the shift manager every hour.",
      },
    ],
    options: [
      opt("Move you to a quieter table by the window", act("Reset the window table and move the guests' drinks over", "{staff}", 5)),
      opt("Ask the party next to you to keep it down", act("Have a quiet word with the large party", "{staff}", 5)),
      opt("Turn the music down in this part of the room", act("Turn the dining room music down", "{staff}", 2)),
    ],
    decline: {
      request: "Ask the other party to leave",
      reason: "They haven't broken any house rules; we can ask them to keep the noise down.",
      alternative: opt("Move you to the quiet corner table now", act("Move the guests to the corner table", "{staff}", 5)),
    },
    managerOption: opt("Manager moves the couple to the private dining room for dessert", act("Set up the private dining room for dessert", "{manager}", 10)),
    compensation: [comp("gesture", "Coffees on the house", 450), comp("free_item", "Desserts on the house", 1250)],
    ourFaultRate: 0.5,
    skipReasons: [
      "None appropriate: the guests just wanted to be moved, and were happy once they were.",
      "None appropriate: another party's noise, not our error; the move put it right.",
    ],
  },
  {
    key: "dirty_cutlery",
    kind: "restaurant",
    weight: 7,
    category: "cleanliness",
    severities: [1, 1, 2],
    moods: ["calm", "upset"],
    feelings: ["disappointed", "embarrassed"],
    words: [
      "This fork has dried egg on it. And there's lipstick on my glass.",
      "Look at this knife. That's not clean, is it?",
      "The table's sticky and the menus are grubby. Not a great start.",
    ],
    spot: "table",
    causes: [
      {
        facts: "The dishwasher's rinse was running cool and cutlery wasn't polished before going out.",
        rootCauses: ["cleanliness", "facilities"],
        prevention: "Rinse temperature checked twice a day; every piece is polished and checked at the station.",
      },
      {
        facts: "Tables were reset in a hurry between sittings.",
        rootCauses: ["cleanliness"],
        prevention: "A reset checklist for each table between sittings; the host checks before seating.",
      },
    ],
    options: [
      opt("Fresh cutlery and glasses for the whole table", act("Replace all the cutlery and glasses on the table", "{staff}", 3)),
      opt("Move to a freshly laid table", act("Lay a fresh table and move the guests", "{staff}", 5)),
      opt("Wipe the table down and bring clean menus", act("Wipe the table and swap the menus", "{staff}", 3)),
    ],
    managerOption: opt("Manager resets the table personally and checks the rest of the room", act("Reset the table and check every laid table", "{manager}", 10)),
    compensation: [comp("gesture", "Bread and olives on the house", 450), comp("free_item", "A round of drinks on the house", 1100)],
    skipReasons: ["None appropriate: the guest said fresh cutlery was all they wanted."],
  },
  {
    key: "booking_lost",
    kind: "restaurant",
    weight: 5,
    category: "booking",
    severities: [2, 3, 3],
    moods: ["angry", "upset", "furious"],
    feelings: ["embarrassed", "let_down", "angry"],
    words: [
      "We booked this table three weeks ago for my mum's seventieth and you're telling me there's no booking?",
      "I've got the confirmation email right here. Table for six at half seven.",
      "We booked the terrace specifically. Now you say it's full?",
    ],
    spot: ["Front door", "Host stand", "Bar"],
    causes: [
      {
        facts: "The online booking came in but didn't reach the floor plan for that evening.",
        rootCauses: ["booking"],
        prevention: "The online booking link is checked at 4pm every day; tonight's list is printed from both systems.",
      },
      {
        facts: "The booking was taken over the phone and written in the diary for the wrong date.",
        rootCauses: ["booking", "communication"],
        prevention: "Phone bookings go straight into the system and are read back to the caller.",
      },
    ],
    options: [
      opt("A table for six in 15 minutes, with drinks at the bar while you wait", act("Set up a table for six and seat the party", "{staff}", 15)),
      opt("Seat you at the bar now and move you when a table frees up", act("Seat the party at the bar and move them to the first free table", "{staff}", 30)),
      opt("The private dining room, set up for you now", act("Set up the private dining room for the party", "{staff}", 15)),
    ],
    decline: {
      request: "Move another party off their table",
      reason: "They have a confirmed booking too; it wouldn't be fair on them.",
      alternative: opt("Drinks at the bar on the house while a table is set up in 15 minutes", act("Pour the drinks and set up a table", "{staff}", 15)),
    },
    managerOption: opt("Manager opens the private dining room for the party", act("Open and lay the private dining room", "{manager}", 15)),
    compensation: [
      comp("free_item", "A glass of fizz for the table", 1450),
      comp("free_item", "Birthday dessert and a bottle of prosecco on the house", 3200, act("Bring the birthday dessert and the prosecco", "{staff}", 90)),
      comp("discount", "20% off the bill", 4800, act("Take 20% off the bill", "{staff}", 120)),
    ],
    bigAsk: comp("refund", "The whole meal on the house", 18000),
  },
  {
    key: "wrong_drink",
    kind: "restaurant",
    weight: 6,
    category: "drink",
    severities: [1, 1, 2],
    moods: ["calm", "upset"],
    feelings: ["disappointed", "frustrated"],
    words: [
      "I asked for a sauvignon blanc and this is chardonnay.",
      "This pint is flat and the glass is warm.",
      "My cocktail is basically all ice. Twelve pounds for that?",
    ],
    spot: ["Bar", "Bar", "Table 3", "Terrace"],
    causes: [
      {
        facts: "The new keg from the brewery was faulty.",
        rootCauses: ["supplier", "product_quality"],
        prevention: "Faulty keg returned to the brewery; the first pint from every new keg is tasted before serving.",
      },
      {
        facts: "The bar was one short and the wrong bottle was picked from the fridge.",
        rootCauses: ["product_quality", "availability"],
        prevention: "The wine fridge is labelled by grape, and the bartender reads the label back when pouring.",
      },
    ],
    options: [
      opt("Pour a fresh one now", act("Pour a fresh drink and take it over", "{staff}", 3)),
      opt("Choose something else from the bar", act("Bring the drinks list and pour the new choice", "{staff}", 5)),
      opt("Take it off the bill", act("Void the drink on the till", "{staff}", 5)),
    ],
    managerOption: opt("Manager brings a fresh drink and a taster of the house special", act("Bring the fresh drink and the taster", "{manager}", 5)),
    compensation: [comp("gesture", "The drink on the house", 480), comp("free_item", "The next round on the house", 1400)],
    skipReasons: ["None appropriate: the guest was happy with the replacement drink."],
  },
  {
    key: "dish_sold_out",
    kind: "restaurant",
    weight: 4,
    category: "other",
    severities: [1, 1, 2],
    moods: ["calm", "upset"],
    feelings: ["disappointed", "let_down"],
    words: [
      "We came here specifically for the lobster and now you're saying it's off?",
      "It's on the specials board outside. Why advertise it if you haven't got it?",
    ],
    spot: "table",
    causes: [
      {
        facts: "The fish supplier delivered half the lobster order this morning.",
        rootCauses: ["supplier", "availability"],
        prevention: "The specials board is updated as soon as a delivery is short; guests who booked for a dish get a call.",
      },
      {
        facts: "The lobster sold out at 8pm and the floor wasn't told.",
        rootCauses: ["availability", "communication"],
        prevention: "The kitchen calls sold-out dishes to the floor and the host; menus are marked before seating.",
      },
    ],
    options: [
      opt("The chef's recommendation from today's catch", act("Chef to come out and talk through today's catch", "Head chef", 5)),
      opt("Lobster reserved for you on your next visit", act("Reserve lobster for the guest's next booking", "{staff}", DAY_MIN)),
      opt("Crab linguine instead, made the way you like it", act("Send the crab linguine through with the guest's changes", "{staff}", 15)),
    ],
    decline: {
      request: "Get a lobster from somewhere else tonight",
      reason: "We only serve seafood that came through our own supplier checks today.",
      alternative: opt("Lobster reserved for your next visit, and a call when it's in", act("Call the guest when the next lobster delivery is in", "{staff}", 2 * DAY_MIN)),
    },
    managerOption: opt("Manager offers the chef's tasting plate instead", act("Ask the kitchen for the tasting plate", "{manager}", 15)),
    compensation: [comp("gesture", "A glass of wine on the house", 500), comp("free_item", "A starter on the house", 850)],
    ourFaultRate: 0.7,
    skipReasons: ["None appropriate: nothing was wrong with the meal; the guest just wants the lobster next time."],
  },
  {
    key: "slow_bill",
    kind: "restaurant",
    weight: 4,
    category: "wait_time",
    severities: [1, 1, 2],
    moods: ["upset", "calm"],
    feelings: ["frustrated", "ignored", "rushed"],
    words: [
      "We asked for the bill twenty minutes ago. We've got a babysitter to get back to.",
      "Honestly, it's harder to pay here than it was to get served.",
    ],
    spot: "table",
    causes: [
      {
        facts: "Only one card machine was working on the floor.",
        rootCauses: ["facilities", "wait_time"],
        prevention: "Second card machine repaired; a charged spare is kept at the bar.",
      },
      {
        facts: "The server went on break without handing over the section.",
        rootCauses: ["communication", "wait_time"],
        prevention: "Open tables are handed over before every break.",
      },
    ],
    options: [
      opt("The bill and the card machine right now", act("Bring the bill and the card machine to the table", "{staff}", 2)),
      opt("Pay at the bar straight away", act("Print the bill at the bar and take payment", "{staff}", 3)),
      opt("Pay by a link sent to your phone", act("Send the payment link to the guest's phone", "{staff}", 3)),
    ],
    managerOption: opt("Manager settles the bill at the table", act("Take payment at the table", "{manager}", 3)),
    compensation: [comp("gesture", "The last round taken off the bill", 480), comp("free_item", "The table's drinks taken off the bill", 1200)],
    skipReasons: ["None appropriate: the guests just wanted to pay and go."],
  },
];

const HOTEL: Scenario[] = [
  {
    key: "room_not_ready",
    kind: "hotel",
    weight: 11,
    category: "room",
    severities: [2, 2, 3],
    moods: ["upset", "angry", "furious"],
    feelings: ["frustrated", "let_down", "ignored"],
    words: [
      "Check-in was three o'clock. It's nearly five and the room still isn't ready. I've been sat in the lobby with my bags.",
      "We've just come off a twelve-hour flight and you're telling me another hour?",
      "You said twenty minutes an hour ago. Nobody's come back to me.",
    ],
    spot: ["Front desk", "Lobby"],
    causes: [
      {
        facts: "Late check-outs on the fourth floor held up housekeeping.",
        rootCauses: ["availability", "communication"],
        prevention: "Housekeeping flags rooms that won't be ready by 2pm so the front desk can warn arriving guests.",
      },
      {
        facts: "Two housekeepers called in sick and the rota wasn't covered.",
        rootCauses: ["availability"],
        prevention: "Agency cover is booked whenever two or more housekeepers are off.",
      },
    ],
    options: [
      opt("Another room of the same type, ready now", act("Allocate a ready room and cut new keys", "{staff}", 5), act("Take the bags up to the room", "Porter", 15)),
      opt("Bags stored and drinks at the lobby bar until the room is ready", act("Store the bags and call the guest the moment the room is ready", "{staff}", 30)),
      opt("An upgrade to a ready room on a higher floor", act("Upgrade the booking and cut new keys", "{staff}", 5)),
    ],
    decline: {
      request: "A free night",
      reason: "The room was two hours late; a free night goes beyond what that delay calls for.",
      alternative: opt("Drinks at the bar now and a late check-out on your last day", act("Note the late check-out on the booking", "{staff}", 5)),
    },
    managerOption: opt("Manager upgrades you to a junior suite for the stay", act("Move the booking to a junior suite and walk the guest up", "{manager}", 15)),
    compensation: [
      comp("gesture", "Drinks at the lobby bar on us", 1200),
      comp("free_item", "Breakfast for two tomorrow on us", 3600, act("Add breakfast for two to the booking", "{staff}", 10)),
      comp("upgrade", "An upgrade to a junior suite for the night", 5500),
    ],
    bigAsk: comp("refund", "The first night refunded", 16500),
    when: [{ from: 14.5, to: 18.5, weight: 1 }],
  },
  {
    key: "noisy_neighbours",
    kind: "hotel",
    weight: 9,
    category: "noise",
    severities: [2, 2, 3],
    moods: ["angry", "upset", "furious"],
    feelings: ["frustrated", "angry"],
    words: [
      "The people next door have been partying since midnight. I've got a meeting at eight.",
      "There's a dog barking in the room above us and it hasn't stopped for an hour.",
      "Someone's been banging doors and shouting in the corridor all night.",
    ],
    spot: "room",
    causes: [
      {
        facts: "A group booking on the same floor was having a party in one of their rooms.",
        rootCauses: ["booking", "other"],
        prevention: "Group bookings go on their own floor; the night manager checks on party rooms at 11pm.",
      },
      {
        facts: "Night security didn't act on the first noise call.",
        rootCauses: ["communication", "staff_manner"],
        prevention: "Every noise call gets a visit within ten minutes, logged by night security.",
      },
    ],
    options: [
      opt("Security goes to the room now and asks for quiet", act("Visit the room and ask for quiet", "Night security", 10)),
      opt("Move you to a quiet room on another floor now", act("Allocate a quiet room and help move the luggage", "{staff}", 20)),
      opt("Earplugs now and a call back in 15 minutes to check it's quiet", act("Call the guest back to check it is quiet", "{staff}", 15)),
    ],
    decline: {
      request: "Throw the neighbours out of the hotel",
      reason: "We give a formal warning first; guests are only asked to leave after a second complaint.",
      alternative: opt("A quiet room on the top floor and a late check-out", act("Move the guest to the top floor and note the late check-out", "{staff}", 20)),
    },
    managerOption: opt("Night manager moves you to a suite on the quiet floor", act("Move the guest to a suite on the quiet floor", "{manager}", 20)),
    compensation: [
      comp("gesture", "Drinks at the bar on us tomorrow evening", 1200),
      comp("free_item", "Breakfast for two on us", 3600, act("Add breakfast for two to the booking", "{staff}", 10)),
      comp("discount", "Tonight's rate reduced by a third", 5500, act("Adjust tonight's rate on the folio", "{staff}", 10 * 60)),
    ],
    bigAsk: comp("refund", "Tonight refunded", 16500),
    ourFaultRate: 0.45,
    skipReasons: ["None appropriate: the noise came from another guest; moving rooms was what the guest wanted."],
    when: [
      { from: 22.5, to: 26.5, weight: 0.7 },
      { from: 20, to: 22.5, weight: 0.3 },
    ],
  },
  {
    key: "broken_air_con",
    kind: "hotel",
    weight: 8,
    category: "room",
    severities: [2, 3],
    moods: ["upset", "angry"],
    feelings: ["frustrated", "disappointed"],
    words: [
      "The air-con doesn't work. It's like a sauna in there and we didn't sleep at all.",
      "The heating's stuck on full and the window won't open.",
      "The air-con rattles every time it comes on. It sounds like a helicopter.",
    ],
    spot: "room",
    causes: [
      {
        facts: "The unit's fan had failed; the last guest reported it but it wasn't fixed.",
        rootCauses: ["facilities", "communication"],
        prevention: "Maintenance faults go in one log and the room is blocked until the fault is fixed.",
      },
      {
        facts: "The filters hadn't been changed and the unit iced up.",
        rootCauses: ["facilities"],
        prevention: "Air-con filters are changed monthly on a set schedule.",
      },
    ],
    options: [
      opt("Maintenance fixes it within 30 minutes", act("Repair the air-con unit and check the room temperature", "Maintenance", 30)),
      opt("Move you to another room now", act("Allocate another room and cut new keys", "{staff}", 10)),
      opt("A portable fan now and a room move in the morning", act("Bring a fan up now and arrange the room move for 9am", "{staff}", 15)),
    ],
    decline: {
      request: "Refund the whole stay",
      reason: "The first two nights were fine; it's last night that was affected.",
      alternative: opt("Last night's rate reduced and a room move now", act("Move the guest and adjust last night's rate", "{staff}", 15)),
    },
    managerOption: opt("Manager moves you to an upgraded room for the rest of the stay", act("Move the booking to an upgraded room", "{manager}", 20)),
    compensation: [
      comp("gesture", "Drinks at the bar on us", 1100),
      comp("free_item", "Breakfast for two on us", 3600, act("Add breakfast for two to the booking", "{staff}", 10)),
      comp("discount", "Last night's rate reduced by a third", 5500, act("Adjust last night's rate on the folio", "{staff}", 60)),
    ],
    bigAsk: comp("refund", "The whole stay refunded", 42000),
    when: [
      { from: 20, to: 24, weight: 0.5 },
      { from: 7, to: 10, weight: 0.5 },
    ],
  },
  {
    key: "unclean_bathroom",
    kind: "hotel",
    weight: 8,
    category: "cleanliness",
    severities: [2, 3, 3],
    moods: ["angry", "upset", "furious"],
    feelings: ["disappointed", "angry", "let_down"],
    words: [
      "There's hair in the bath and the towels have stains on them. It's disgusting.",
      "The toilet hasn't been cleaned. I'm not using it like that.",
      "There's mould round the shower and someone else's hair in the plughole.",
    ],
    spot: "room",
    causes: [
      {
        facts: "The room was turned round by a new housekeeper and not inspected.",
        rootCauses: ["cleanliness"],
        prevention: "A supervisor inspects every room cleaned by a new starter before it is released.",
      },
      {
        facts: "Stained towels came back from the laundry and weren't checked.",
        rootCauses: ["supplier", "cleanliness"],
        prevention: "Linen is checked on delivery; stained items go straight back to the laundry.",
      },
    ],
    options: [
      opt("Housekeeping supervisor cleans the bathroom again now", act("Clean the bathroom again and inspect it", "Housekeeping supervisor", 30)),
      opt("Move you to a freshly inspected room", act("Inspect and allocate another room", "{staff}", 15)),
      opt("Fresh towels now and a deep clean while you're at dinner", act("Deep clean the bathroom while the guest is at dinner", "Housekeeping supervisor", 120)),
    ],
    decline: {
      request: "Let us stay for free",
      reason: "We'll put the room right or move you, and make up for it; a free stay goes beyond that.",
      alternative: opt("A room move now and breakfast on us", act("Move the guest and add breakfast to the booking", "{staff}", 15)),
    },
    managerOption: opt("Manager moves you to a suite and has it inspected first", act("Inspect the suite and move the guest", "{manager}", 20)),
    compensation: [
      comp("gesture", "Drinks at the bar on us", 1200),
      comp("free_item", "Breakfast for two on us", 3600, act("Add breakfast for two to the booking", "{staff}", 10)),
      comp("discount", "Tonight's rate reduced by a third", 5800, act("Adjust tonight's rate on the folio", "{staff}", 60)),
    ],
    bigAsk: comp("refund", "The whole stay refunded", 30000),
    when: [
      { from: 15, to: 20, weight: 0.8 },
      { from: 20, to: 23, weight: 0.2 },
    ],
  },
  {
    key: "minibar_overcharge",
    kind: "hotel",
    weight: 7,
    category: "billing",
    severities: [1, 2, 2],
    moods: ["upset", "angry", "calm"],
    feelings: ["frustrated", "let_down"],
    words: [
      "I'm being charged thirty-eight pounds for the minibar and I didn't touch it. I don't even drink.",
      "There's a room service charge here for Tuesday. I wasn't even in the hotel on Tuesday.",
      "You've taken the deposit from my card twice.",
    ],
    spot: ["Front desk"],
    causes: [
      {
        facts: "The minibar sensor logged items as taken when housekeeping restocked it.",
        rootCauses: ["billing", "facilities"],
        prevention: "Housekeeping logs restocks so sensor charges are reviewed before check-out.",
      },
      {
        facts: "A room service order was posted to the wrong room.",
        rootCauses: ["billing", "communication"],
        prevention: "Room service orders are posted by the room number read back from the docket.",
      },
      {
        facts: "The card deposit was taken at booking and again at check-in.",
        rootCauses: ["billing"],
        prevention: "The front desk checks for an existing card hold before taking another.",
      },
    ],
    options: [
      opt("Remove the charge from your bill now", act("Remove the charge from the folio", "{staff}", 5)),
      opt("Refund the charge to your card today", act("Refund the charge to the guest's card", "{staff}", 60)),
      opt("A corrected bill printed for you to take", act("Print the corrected bill", "{staff}", 5)),
    ],
    decline: {
      request: "Take the breakfast charges off too",
      reason: "Breakfast was taken on both mornings; the restaurant's record shows the charge is right.",
      alternative: opt("The wrong charge removed and a coffee on us before you go", act("Remove the charge and bring a coffee", "{staff}", 5)),
    },
    managerOption: opt("Manager removes the charge and sends a written apology", act("Send the guest a written apology", "{manager}", DAY_MIN)),
    compensation: [comp("gesture", "A coffee to take away on us", 380), comp("gesture", "Drinks at the bar on us", 1200)],
    skipReasons: ["None appropriate: once the charge was removed the guest didn't want anything else."],
    when: [{ from: 7, to: 11.5, weight: 1 }],
  },
  {
    key: "lost_booking",
    kind: "hotel",
    weight: 5,
    category: "booking",
    severities: [3, 3, 4],
    moods: ["angry", "furious"],
    feelings: ["let_down", "angry", "worried", "embarrassed"],
    words: [
      "I booked through your website, I've got the confirmation number, and now you're saying there's no reservation?",
      "We're here for a wedding tomorrow. Where are we supposed to sleep?",
      "The booking site took my money three weeks ago.",
    ],
    spot: ["Front desk"],
    causes: [
      {
        facts: "The website booking didn't reach the hotel's booking system.",
        rootCauses: ["booking", "facilities"],
        prevention: "Website bookings are checked against the hotel's system every day at noon.",
      },
      {
        facts: "The booking was cancelled by mistake along with another guest's of a similar name.",
        rootCauses: ["booking", "communication"],
        prevention: "Cancellations are checked against the booking number and email, not just the name.",
      },
    ],
    options: [
      opt("The same room type, allocated now at the booked rate", act("Allocate the room at the booked rate and cut keys", "{staff}", 10)),
      opt("A room at our sister hotel nearby, with the taxi paid", act("Book the sister hotel and the taxi", "{staff}", 20)),
      opt("An upgrade to the last available suite at the booked rate", act("Allocate the suite at the booked rate", "{staff}", 10)),
    ],
    decline: {
      request: "Three nights free",
      reason: "We'll honour the booking and the rate and make up for the stress, but three free nights goes beyond the mistake.",
      alternative: opt("An upgrade at the booked rate with breakfast included", act("Upgrade the booking and add breakfast", "{staff}", 10)),
    },
    managerOption: opt("Manager confirms an upgraded room and waives tonight's rate", act("Confirm the upgrade and waive tonight's rate", "{manager}", 15)),
    compensation: [
      comp("free_item", "Breakfast included for the stay", 5400, act("Add breakfast to the booking for every night", "{staff}", 10)),
      comp("upgrade", "An upgrade to a suite at the booked rate", 9000),
      comp("refund", "The first night refunded", 16500, act("Refund the first night to the guest's card", "{manager}", DAY_MIN)),
    ],
    bigAsk: comp("refund", "The whole stay refunded", 45000),
    escalationRate: 0.35,
    when: [{ from: 14.5, to: 22, weight: 1 }],
  },
  {
    key: "slow_room_service",
    kind: "hotel",
    weight: 6,
    category: "wait_time",
    severities: [1, 2, 2],
    moods: ["upset", "calm", "angry"],
    feelings: ["frustrated", "ignored"],
    words: [
      "I ordered room service an hour ago. They said twenty minutes.",
      "I've rung down three times about my breakfast order. Still nothing.",
      "The food came cold and without any cutlery.",
    ],
    spot: "room",
    causes: [
      {
        facts: "Only one runner was on room service during a busy bar shift.",
        rootCauses: ["wait_time", "availability"],
        prevention: "A second room service runner after 7pm on Fridays and Saturdays.",
      },
      {
        facts: "The order went to a kitchen printer that had run out of paper.",
        rootCauses: ["facilities", "communication"],
        prevention: "Room service orders are confirmed by phone with the kitchen within five minutes.",
      },
    ],
    options: [
      opt("The order sent up now as a priority, within ten minutes", act("Send the order up as a priority", "Room service", 10)),
      opt("Cancel the order and take it off the bill", act("Cancel the order and remove it from the folio", "{staff}", 5)),
      opt("Something quick from the bar sent up now", act("Send a sandwich and drinks up from the bar", "Room service", 10)),
    ],
    decline: {
      request: "Free room service for the rest of the stay",
      reason: "It was one late order; we'll put that order right and take it off.",
      alternative: opt("Tonight's order free and sent up now", act("Send the order up and remove it from the folio", "Room service", 10)),
    },
    managerOption: opt("Manager sends the order up with a bottle of wine on the house", act("Send the order up with the wine", "{manager}", 10)),
    compensation: [comp("gesture", "Dessert sent up on the house", 450), comp("discount", "The order taken off the bill", 1400)],
    skipReasons: ["None appropriate: the guest just wanted the food and didn't want anything else."],
    when: [
      { from: 18.5, to: 23, weight: 0.7 },
      { from: 7, to: 10, weight: 0.3 },
    ],
  },
  {
    key: "no_hot_water",
    kind: "hotel",
    weight: 5,
    category: "room",
    severities: [2, 3],
    moods: ["angry", "upset"],
    feelings: ["frustrated", "worried", "angry"],
    words: [
      "There's no hot water. I've just had a cold shower and I've got a wedding to get to.",
      "The shower runs cold after about thirty seconds.",
      "No hot water in the whole bathroom. Is it the whole hotel?",
    ],
    spot: "room",
    causes: [
      {
        facts: "The boiler for the east wing tripped overnight.",
        rootCauses: ["facilities"],
        prevention: "The boiler alarm now goes to the night manager's phone; checked at 5am.",
      },
      {
        facts: "A valve was left closed after maintenance work the day before.",
        rootCauses: ["facilities", "communication"],
        prevention: "Maintenance sign-off includes running the hot water in every room affected.",
      },
    ],
    options: [
      opt("A shower in a free room with hot water, now", act("Give the guest keys to a free room for a shower", "{staff}", 5)),
      opt("Maintenance fixes it within the hour", act("Reset the boiler and check the water in the room", "Maintenance", 60)),
      opt("Use of the spa showers and facilities now", act("Let the spa know the guest is coming", "{staff}", 5)),
    ],
    decline: {
      request: "Pay for a hotel across the road",
      reason: "Hot water is back within the hour and we have a room you can use right now.",
      alternative: opt("Use of the spa now and a late check-out", act("Let the spa know and note the late check-out", "{staff}", 5)),
    },
    managerOption: opt("Manager moves you to a suite in the west wing", act("Move the booking to a west-wing suite", "{manager}", 20)),
    compensation: [
      comp("gesture", "Drinks at the bar on us", 1200),
      comp("free_item", "Breakfast for two on us", 3600, act("Add breakfast for two to the booking", "{staff}", 10)),
      comp("discount", "Last night's rate reduced by a third", 5500, act("Adjust last night's rate on the folio", "{staff}", 60)),
    ],
    bigAsk: comp("refund", "The whole stay refunded", 32000),
    when: [
      { from: 6.5, to: 10, weight: 0.8 },
      { from: 17, to: 22, weight: 0.2 },
    ],
  },
  {
    key: "rude_front_desk",
    kind: "hotel",
    weight: 6,
    category: "service",
    severities: [2, 3],
    moods: ["angry", "furious", "upset"],
    feelings: ["ignored", "angry", "embarrassed"],
    words: [
      "The man at the desk waved me away and said it's 'not his problem'. I'm a paying guest.",
      "She laughed when I said my key card didn't work. Third time today.",
      "I was on the phone to reception for ten minutes and got cut off twice.",
    ],
    spot: ["Front desk", "Lobby"],
    causes: [
      {
        facts: "The receptionist was alone at the desk during the check-in rush.",
        rootCauses: ["staff_manner", "availability"],
        prevention: "Two people on the desk from 3pm to 7pm; service refresher for the front office team.",
      },
      {
        facts: "Key cards were being coded wrongly and the desk got defensive instead of fixing it.",
        rootCauses: ["staff_manner", "facilities"],
        prevention: "Key coder checked; the desk team is briefed to fix first and explain after.",
      },
    ],
    options: [
      opt("Duty manager takes over your request now", act("Take over the guest's request", "{manager}", 5)),
      opt("New key cards now and we walk you to your room", act("Cut new keys and walk the guest to the room", "{staff}", 10)),
      opt("Front office manager calls you back within the hour", act("Call the guest back", "Front office manager", 60)),
    ],
    decline: {
      request: "Give me his name so I can report him",
      reason: "We don't give out staff details, but the front office manager will deal with it today.",
      alternative: opt("Front office manager deals with it today and calls you back", act("Call the guest back with what was done", "Front office manager", 4 * 60)),
    },
    managerOption: opt("Manager apologises in person and upgrades the room", act("Meet the guest and upgrade the room", "{manager}", 15)),
    compensation: [
      comp("gesture", "Drinks at the bar on us", 1200),
      comp("free_item", "Breakfast for two on us", 3600, act("Add breakfast for two to the booking", "{staff}", 10)),
    ],
    bigAsk: comp("refund", "Tonight refunded", 15000),
  },
  {
    key: "breakfast",
    kind: "hotel",
    weight: 6,
    category: "food_quality",
    severities: [1, 1, 2],
    moods: ["calm", "upset"],
    feelings: ["disappointed", "frustrated"],
    words: [
      "The eggs are cold and the coffee machine's been empty for fifteen minutes.",
      "There are no clean cups anywhere and nobody's clearing tables.",
      "Breakfast finishes at half ten and there's nothing left at ten.",
    ],
    spot: ["Breakfast room"],
    causes: [
      {
        facts: "The breakfast team was one short and the buffet wasn't being topped up.",
        rootCauses: ["availability", "wait_time"],
        prevention: "The breakfast rota covers the 8.30–9.30 peak with an extra runner.",
      },
      {
        facts: "The hot plate on the buffet had failed.",
        rootCauses: ["facilities", "product_quality"],
        prevention: "Buffet equipment is checked at 6.30am before service.",
      },
    ],
    options: [
      opt("Fresh eggs cooked to order and brought to your table", act("Cook fresh eggs to order", "Breakfast chef", 10)),
      opt("Coffee brought to your table now", act("Bring a pot of coffee to the table", "{staff}", 3)),
      opt("Anything from the cooked breakfast menu", act("Take the guest's order from the cooked menu", "{staff}", 15)),
    ],
    managerOption: opt("Manager looks after the table personally", act("Serve the table", "{manager}", 5)),
    compensation: [comp("gesture", "A coffee to take away on us", 380), comp("free_item", "Today's breakfast taken off the bill", 1500)],
    skipReasons: ["None appropriate: the guest was happy once fresh food came out."],
    when: [{ from: 7, to: 10.5, weight: 1 }],
  },
  {
    key: "wifi",
    kind: "hotel",
    weight: 4,
    category: "other",
    severities: [1, 2],
    moods: ["calm", "upset"],
    feelings: ["frustrated", "worried"],
    words: [
      "The wifi keeps dropping. I've got a video call for work at nine.",
      "I can't connect to the internet at all in my room.",
    ],
    spot: "room",
    causes: [
      {
        facts: "The wifi access point on the third floor had failed.",
        rootCauses: ["facilities"],
        prevention: "Wifi access points are monitored; failures alert maintenance.",
      },
      {
        facts: "The wifi login page was down after an update by our provider.",
        rootCauses: ["supplier", "facilities"],
        prevention: "The provider gives notice of updates; a backup login code is kept at the desk.",
      },
    ],
    options: [
      opt("A wired connection set up in your room now", act("Bring a cable and set up the wired connection", "Maintenance", 20)),
      opt("Use of the business lounge for your call", act("Book the business lounge for the guest's call", "{staff}", 10)),
      opt("A move to a room with strong wifi", act("Allocate a room with strong wifi", "{staff}", 15)),
    ],
    managerOption: opt("Manager books the private meeting room for your call", act("Book and open the meeting room", "{manager}", 15)),
    compensation: [comp("gesture", "Coffee and pastries in the lounge on us", 450), comp("free_item", "A late check-out and coffee in the lounge", 900)],
    skipReasons: ["None appropriate: the guest just needed a working connection."],
    when: [
      { from: 7, to: 10, weight: 0.4 },
      { from: 17, to: 23, weight: 0.6 },
    ],
  },
];

export const DEMO_SCENARIOS: readonly Scenario[] = [...RESTAURANT, ...HOTEL];

const VALIDATIONS: Record<Feeling, string[]> = {
  frustrated: [
    "I can hear how frustrating this is — you came here to relax, not to chase us.",
    "That's really frustrating, and you're right to tell me.",
  ],
  disappointed: [
    "I can see how disappointing this is, especially when you'd been looking forward to it.",
    "That's not what you should be getting, and I understand you're disappointed.",
  ],
  angry: ["You've every right to be angry about this.", "I understand why you're angry — I would be too."],
  embarrassed: [
    "I can see this has put you in an awkward spot in front of your guests.",
    "That must have been embarrassing, especially on a special occasion.",
  ],
  worried: [
    "I understand you're worried — your safety comes first and we're taking this seriously.",
    "You're right to be worried about this; let's make sure you're all right first.",
  ],
  let_down: [
    "You trusted us with this and we let you down.",
    "I understand you feel let down — you expected better from us, and so do we.",
  ],
  rushed: [
    "I'm sorry you've felt rushed — you should be able to take your time here.",
    "Nobody should feel hurried out; I understand why that upset you.",
  ],
  ignored: [
    "I understand you feel nobody was listening — I'm listening now.",
    "You shouldn't have had to wait to be noticed, and I understand how that feels.",
  ],
};

const APOLOGIES = [
  "I'm really sorry — that's not the standard we aim for.",
  "I'm so sorry. That shouldn't have happened.",
  "I apologise — we got this wrong, and I'm going to put it right.",
  "I'm sorry. You shouldn't have had to come and tell us.",
];
const APOLOGIES_NOT_OUR_FAULT = [
  "I'm sorry this has spoiled your evening.",
  "I'm sorry you've had to deal with this — let's sort it out.",
];
const ESCALATION_REASONS = [
  "The guest asked to speak to the manager.",
  "The guest wants more than I can offer on my own.",
  "The guest isn't happy with what I can offer and asked for someone senior.",
];
const AUTHORITY_APPROVED = [
  "I'll go over and speak to them myself.",
  "Agreed — this one deserves more than the usual.",
  "Approved. I'll look in on them before they leave.",
];
const AUTHORITY_DECLINED = [
  "What's been offered is fair; I explained why to the guest myself.",
  "We'll stick with the options offered — I've spoken to the guest.",
];
const REMEDY_APPROVED = ["Approved — fair for what happened.", "Fine by me; note it in the handover.", "Approved. Good call."];
const REMEDY_DECLINED = [
  "Too much for this; offer something proportionate.",
  "Not for this — a smaller gesture is the right level.",
];
const SKIP_REASONS = [
  "None appropriate: the guest only wanted it put right.",
  "The guest declined anything extra — they said fixing it was enough.",
];
const READBACK_REFUSALS = [
  "No — I said I didn't want to wait for another one.",
  "That's not what we agreed. I'd rather have the other option.",
  "Honestly, I don't have time for that now.",
  "I'd rather not. Can we do the other one instead?",
];
const READBACK_COMMENTS = ["That's fine, thank you.", "Yes — thanks for sorting it.", "OK, that's fair."];
const VENT_NOTES = [
  "The customer raised their voice again when the wait was mentioned.",
  "The guest's partner joined and went through the complaint again.",
  "The customer got upset again — let them finish before carrying on.",
  "The guest interrupted: this is the second time it's happened to them.",
];
const CASE_NOTES: Record<Kind, string[]> = {
  restaurant: [
    "Birthday dinner — party of six.",
    "Regulars: they usually sit at table 9.",
    "Anniversary meal; booked three weeks ago.",
    "Business lunch with clients.",
  ],
  hotel: [
    "Gold loyalty member, third stay this year.",
    "The guest is here for a wedding on Saturday.",
    "Business guest, checking out at 6am.",
    "Family of four with a baby; cot requested at booking.",
  ],
};
const ABANDON_REASONS: Record<Kind, string[]> = {
  restaurant: [
    "The customer paid and left before we could agree a solution.",
    "The table left while I was fetching the manager.",
    "The customer said 'forget it' and walked out.",
  ],
  hotel: [
    "The guest left for the airport before we could finish.",
    "The guest went up to the room and didn't come back to the desk.",
    "The guest checked out and left before we could agree anything.",
  ],
};
const FOLLOW_UP_NOTES = [
  "Done the same evening.",
  "Done — checked with the guest before they left.",
  "Done; confirmed with the team at handover.",
];
const MANAGER_NOTES = [
  "Went through this with the team at the next briefing.",
  "Spoke to everyone involved; the guest's feedback is on the staff board.",
  "Shared at the weekly managers' meeting.",
];
const FOLLOW_UP_CALL = act("Call the guest tomorrow to check everything was put right", "{manager}", DAY_MIN);

// ---------------------------------------------------------------------------------------------
// Time: when complaints happen (Europe/London), and how long each step takes
// ---------------------------------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Sunday … Saturday: more complaints on Friday and Saturday. */
const WEEKDAY_WEIGHT = [1.1, 0.7, 0.75, 0.85, 1.0, 1.7, 1.9];
const RESTAURANT_WEEKDAY: Window[] = [
  { from: 12, to: 14.75, weight: 0.38 },
  { from: 18, to: 22.25, weight: 0.55 },
  { from: 15, to: 17.5, weight: 0.07 },
];
const RESTAURANT_WEEKEND: Window[] = [
  { from: 12, to: 15, weight: 0.25 },
  { from: 17.75, to: 22.75, weight: 0.7 },
  { from: 15, to: 17.5, weight: 0.05 },
];
const HOTEL_DEFAULT: Window[] = [
  { from: 7, to: 11.5, weight: 0.3 },
  { from: 14.5, to: 19, weight: 0.35 },
  { from: 19, to: 23.5, weight: 0.25 },
  { from: 11.5, to: 14.5, weight: 0.1 },
];

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});
type LocalDay = { y: number; m: number; d: number };

function londonFields(at: Date) {
  const parts = LONDON.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get("year"), m: get("month"), d: get("day"), h: get("hour"), min: get("minute"), s: get("second") };
}

function londonOffsetMs(at: Date): number {
  const f = londonFields(at);
  return Date.UTC(f.y, f.m - 1, f.d, f.h, f.min, f.s) - Math.floor(at.getTime() / 1000) * 1000;
}

function londonDay(at: Date): LocalDay {
  const { y, m, d } = londonFields(at);
  return { y, m, d };
}

/** `minutes` after local midnight of `day` shifted by `shift` days, as a UTC instant. */
function atLondon(day: LocalDay, shift: number, minutes: number): Date {
  const guess = Date.UTC(day.y, day.m - 1, day.d + shift) + Math.round(minutes * MINUTE);
  return new Date(guess - londonOffsetMs(new Date(guess)));
}

function weekday(day: LocalDay, shift: number): number {
  return new Date(Date.UTC(day.y, day.m - 1, day.d + shift)).getUTCDay();
}

/** Short jobs: the next five minutes after the work; anything a day or more out: 11:00 that day. */
function dueAt(at: Date, minutes: number): string {
  if (minutes >= DAY_MIN) return atLondon(londonDay(at), Math.round(minutes / DAY_MIN), 11 * 60).toISOString();
  const step = 5 * MINUTE;
  return new Date(Math.ceil((at.getTime() + minutes * MINUTE) / step) * step).toISOString();
}

/** Relative time each step takes at the table. */
const STEP_WEIGHT: Partial<Record<EventType, number>> = {
  complaint_heard: 1.6,
  feeling_validated: 0.6,
  apology_given: 0.6,
  options_offered: 1.4,
  request_declined: 1.1,
  escalation_requested: 0.7,
  manager_decided: 1.8,
  solution_agreed: 0.9,
  compensation_offered: 0.8,
  compensation_skipped: 0.6,
  actions_agreed: 1.2,
  readback_answered: 1.0,
  root_causes_tagged: 0.9,
  case_closed: 0.3,
  customer_vented: 1.3,
  note_added: 0.5,
  case_abandoned: 1.0,
};
export const STEP_GAP_MS = { min: 10_000, max: 180_000 } as const;
export const CASE_DURATION_MS = { min: 2 * MINUTE, max: 25 * MINUTE } as const;

/** Gaps proportional to `weights`, each within 10 s – 3 min, adding up to `targetMs`. */
function spreadGaps(weights: number[], targetMs: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const { min, max } = STEP_GAP_MS;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const target = clamp(targetMs, Math.max(CASE_DURATION_MS.min, n * min), Math.min(CASE_DURATION_MS.max, n * max));
  const total = weights.reduce((a, b) => a + b, 0);
  let gaps = weights.map((w) => (w / total) * target);
  for (let i = 0; i < 20; i++) {
    gaps = gaps.map((g) => clamp(g, min, max));
    const diff = target - gaps.reduce((a, b) => a + b, 0);
    if (Math.abs(diff) < 500) break;
    const free = gaps.map((g, k) => (diff > 0 ? g < max : g > min) ? k : -1).filter((k) => k >= 0);
    const freeTotal = free.reduce((sum, k) => sum + gaps[k], 0);
    for (const k of free) gaps[k] += (diff * gaps[k]) / freeTotal;
  }
  return gaps.map((g) => Math.round(clamp(g, min, max)));
}

// ---------------------------------------------------------------------------------------------
// Planning one case
// ---------------------------------------------------------------------------------------------

export type DemoSeedSettings = {
  seed: number;
  days: number;
  now: Date;
  /** The staff role's authority limit, as stored (roleAuthority). */
  staffLimitCents: number;
  idPrefix: string;
};

/** Where a still-open case stops: at a stage, or waiting for the manager. */
export type LiveTarget = Stage | "awaiting_authority" | "awaiting_remedy";
const LIVE_TARGETS: LiveTarget[] = [
  "awaiting_authority",
  "solve",
  "validate",
  "confirm",
  "awaiting_remedy",
  "listen",
  "compensate",
  "apologise",
  "prevent",
  "solve",
];
/** About 3% of cases are still open "now", about 5% were abandoned; spread evenly by index. */
const LIVE_EVERY = 32;
const LIVE_AT = 5;
const ABANDON_EVERY = 20;
const ABANDON_AT = 11;

export type DemoOutcome = "closed" | "abandoned" | "open";
type Who = "staff" | "manager";
type Draft = { type: EventType; by: Who; followUp: boolean; make: (at: Date) => PlaybookEvent };

export type DemoCasePlan = {
  index: number;
  idPrefix: string;
  scenario: string;
  kind: Kind;
  locationId: string;
  staffId: string;
  managerId: string;
  outcome: DemoOutcome;
  liveTarget?: LiveTarget;
  /** Milliseconds from the case being opened, one per step. */
  offsetsMs: number[];
  plannedStart: Date;
  drafts: Draft[];
};

export type DemoStep = { clientEventId: string; event: PlaybookEvent; at: Date; actorId: string; byManager: boolean };

const STAFF_BY_KIND: Record<Kind, { id: string; weight: number }[]> = {
  restaurant: [
    { id: "usr-amira", weight: 0.4 },
    { id: "usr-ben", weight: 0.4 },
    { id: "usr-ewa", weight: 0.2 },
  ],
  hotel: [
    { id: "usr-chloe", weight: 0.4 },
    { id: "usr-dev", weight: 0.4 },
    { id: "usr-ewa", weight: 0.2 },
  ],
};
const MANAGER_BY_KIND: Record<Kind, string> = { restaurant: "usr-maria", hotel: "usr-james" };

function locationOf(kind: Kind): string {
  const location = DEMO_LOCATIONS.find((l) => l.kind === kind);
  if (!location) throw new Error(`No demo location of kind ${kind}`);
  return location.id;
}

function nameOf(userId: string): string {
  return DEMO_USERS.find((u) => u.id === userId)?.name ?? userId;
}

function spotFor(d: Dice, spot: Scenario["spot"]): string {
  if (spot === "table") {
    return d.chance(0.85) ? `Table ${d.int(1, 28)}` : d.pick(["Bar", "Terrace, table 3", "Window table 6", "Private dining room"]);
  }
  if (spot === "room") return `Room ${d.int(1, 6)}${String(d.int(1, 24)).padStart(2, "0")}`;
  return d.pick(spot);
}

/** The remedy in the band lib/playbook/remedies.ts calls fair for this severity (or the nearest). */
function proportionateRemedy(d: Dice, offers: CompSpec[], severity: Severity): CompSpec {
  const fair = offers.filter((c) => isProportionate(severity, c.valueCents) === "fair");
  if (fair.length) return d.pick(fair);
  const sorted = [...offers].sort((a, b) => a.valueCents - b.valueCents);
  return severity >= 3 ? sorted[sorted.length - 1] : sorted[0];
}

function liveTargetFor(index: number): LiveTarget | undefined {
  if (index % LIVE_EVERY !== LIVE_AT) return undefined;
  return LIVE_TARGETS[Math.floor(index / LIVE_EVERY) % LIVE_TARGETS.length];
}

/** Everything about one seeded case, from its index alone (plus the settings). Pure. */
export function planDemoCase(index: number, settings: DemoSeedSettings): DemoCasePlan {
  const d = new Dice(mulberry32(caseSeed(settings.seed, index)));
  const limit = settings.staffLimitCents;
  const liveTarget = liveTargetFor(index);
  const outcome: DemoOutcome = liveTarget ? "open" : index % ABANDON_EVERY === ABANDON_AT ? "abandoned" : "closed";

  // Who, where, what
  const kind: Kind = d.chance(0.56) ? "restaurant" : "hotel";
  const staffId = d.weighted(STAFF_BY_KIND[kind]).id;
  const managerId = MANAGER_BY_KIND[kind];
  const overLimit = (c: CompSpec) => c.valueCents > limit;
  const candidates = DEMO_SCENARIOS.filter((s) => s.kind === kind && (liveTarget !== "awaiting_remedy" || s.compensation.some(overLimit)));
  const sc = d.weighted(candidates);
  const severity: Severity = liveTarget === "awaiting_remedy" ? (Math.max(...sc.severities) as Severity) : d.pick(sc.severities);
  const mood: Mood = severity >= 3 && d.chance(0.5) ? d.pick(["angry", "furious"] as const) : d.pick(sc.moods);
  const feeling = d.pick(sc.feelings);
  const customerWords = d.pick(sc.words);
  const spot = spotFor(d, sc.spot);
  const cause = d.pick(sc.causes);
  const ourFault = d.chance(sc.ourFaultRate ?? 0.9);
  const apology = ourFault ? d.pick(sc.apologies ?? APOLOGIES) : d.pick(APOLOGIES_NOT_OUR_FAULT);
  const validations = d.sample(VALIDATIONS[feeling], 2);
  const [optA, optB, optC] = d.sample(sc.options, 3);
  const offerThird = d.chance(0.35);

  // The variant of the walkthrough
  const sayNo = sc.decline !== undefined && d.chance(0.2);
  const escalationRate = sc.escalationRate ?? (severity >= 3 ? 0.2 : 0.05);
  let escalate: ScriptOptions["escalate"] = d.chance(escalationRate) ? (d.chance(0.65) ? "approved" : "declined") : undefined;
  const skipRate = severity === 4 ? 0 : !ourFault ? 0.55 : ([0, 0.4, 0.12, 0.04] as const)[severity - 1];
  let compensation: CompSpec | "skip" = d.chance(skipRate) ? "skip" : proportionateRemedy(d, sc.compensation, severity);
  let declinedOnce = compensation !== "skip" && sc.bigAsk !== undefined && severity >= 3 && d.chance(0.12);
  let byManager = compensation !== "skip" && overLimit(compensation) && escalate !== undefined && d.chance(0.5);
  const readbackRefusedOnce = d.chance(0.1);
  const vent = d.chance(0.09);
  const ventAt: VentStage = d.pick(["apologise", "solve", "compensate", "confirm", "prevent"] as const);
  const ventBackTo = d.chance(0.65) ? ("listen" as const) : ("validate" as const);
  const note = d.chance(0.1) ? d.pick(CASE_NOTES[kind]) : undefined;
  const abandonAt = d.weighted([
    { stage: "listen" as const, weight: 0.1 },
    { stage: "validate" as const, weight: 0.15 },
    { stage: "apologise" as const, weight: 0.15 },
    { stage: "solve" as const, weight: 0.3 },
    { stage: "compensate" as const, weight: 0.15 },
    { stage: "confirm" as const, weight: 0.15 },
  ]).stage;
  const followUp = d.chance(0.8);
  const positiveReadback = d.chance(0.3);

  if (liveTarget === "awaiting_authority") escalate = "approved";
  if (liveTarget === "awaiting_remedy") {
    compensation = d.pick(sc.compensation.filter(overLimit));
    escalate = undefined;
    declinedOnce = false;
    byManager = false;
  }

  const scriptOptions: ScriptOptions = {
    id: `${settings.idPrefix}-${index}`,
    locationId: locationOf(kind),
    authorityLimitCents: limit,
    category: sc.category,
    severity,
    mood,
    spot,
    customerWords,
    feeling,
    ourFault,
    sayNo,
    escalate,
    compensationCents: compensation === "skip" ? "skip" : compensation.valueCents,
    compensationKind: compensation === "skip" ? undefined : compensation.kind,
    compensationByManager: byManager,
    compensationDeclinedOnce: declinedOnce,
    readbackRefusedOnce: readbackRefusedOnce && outcome === "closed",
    ventAt: vent && outcome === "closed" ? ventAt : undefined,
    ventBackTo,
    note,
    rootCauses: cause.rootCauses,
    abandonAt: outcome === "abandoned" ? abandonAt : undefined,
    followUp: followUp && outcome === "closed",
  };
  const script = scriptCase(scriptOptions);

  // Dress the walkthrough's placeholder words in this scenario's.
  const names: Record<Who, string> = { staff: nameOf(staffId), manager: nameOf(managerId) };
  const ownerName = (owner: string) => owner.replace("{staff}", names.staff).replace("{manager}", names.manager);
  const alternative = sc.decline?.alternative ?? optC;
  const optionFor = new Map<string, OptionSpec>([
    [SCRIPT_TEXT.options[0], optA],
    [SCRIPT_TEXT.options[1], optB],
    [SCRIPT_TEXT.alternative, alternative],
    [SCRIPT_TEXT.managerOption, sc.managerOption],
  ]);
  const dressOption = (label: string): OptionSpec => {
    const option = optionFor.get(label);
    if (!option) throw new Error(`The walkthrough offered "${label}", which the demo seed cannot dress`);
    return option;
  };
  const managers = new Set(script.managerEventIndexes);
  const drafts: Draft[] = [];
  const push = (event: PlaybookEvent, by: Who, followUpStep = false) =>
    drafts.push({ type: event.type, by, followUp: followUpStep, make: () => event });

  let validatedCount = 0;
  let offers = 0;
  let pending: "authority" | "remedy" | undefined;
  let chosen: OptionSpec | undefined;
  let settled: CompSpec | undefined;
  let finalActionIds: string[] = [];
  let closed = false;
  let followedUp = false;

  for (const [i, event] of script.events.entries()) {
    const by: Who = managers.has(i) ? "manager" : "staff";
    switch (event.type) {
      case "feeling_validated":
        push({ type: event.type, data: { ...event.data, words: validations[validatedCount++ % validations.length] } }, by);
        break;
      case "apology_given":
        push({ type: event.type, data: { ...event.data, words: apology } }, by);
        break;
      case "options_offered": {
        const options = event.data.options.map((label) => dressOption(label).label);
        if (!sayNo && offerThird && optC && !options.includes(optC.label)) options.push(optC.label);
        push({ type: event.type, data: { facts: cause.facts, options } }, by);
        break;
      }
      case "request_declined": {
        if (!sc.decline) throw new Error(`Scenario ${sc.key} has no request to decline`);
        const alternatives = event.data.alternatives.map((label) => dressOption(label).label);
        push({ type: event.type, data: { request: sc.decline.request, reason: sc.decline.reason, alternatives } }, by);
        break;
      }
      case "escalation_requested":
        pending = "authority";
        push({ type: event.type, data: { reason: d.pick(sc.escalationReasons ?? ESCALATION_REASONS) } }, by);
        break;
      case "manager_decided": {
        const approved = event.data.decision === "approved";
        const notes = pending === "remedy" ? (approved ? REMEDY_APPROVED : REMEDY_DECLINED) : approved ? AUTHORITY_APPROVED : AUTHORITY_DECLINED;
        const option = event.data.option === undefined ? undefined : dressOption(event.data.option).label;
        const { authorityLimitCents } = event.data;
        push({ type: event.type, data: { decision: event.data.decision, note: d.pick(notes), ...(option ? { option } : {}), authorityLimitCents } }, by);
        pending = undefined;
        break;
      }
      case "solution_agreed":
        chosen = dressOption(event.data.option);
        push({ type: event.type, data: { option: chosen.label } }, by);
        break;
      case "compensation_offered": {
        offers++;
        const isBigAsk = declinedOnce && offers === 1 && sc.bigAsk !== undefined;
        const spec = isBigAsk && sc.bigAsk ? sc.bigAsk : compensation === "skip" ? undefined : compensation;
        if (!spec) throw new Error("The walkthrough offered compensation the plan did not choose");
        const valueCents = isBigAsk ? Math.max(spec.valueCents, event.data.valueCents) : event.data.valueCents;
        if (!isBigAsk) settled = spec;
        if (by === "staff" && valueCents > limit) pending = "remedy";
        const { authorityLimitCents } = event.data;
        push({ type: event.type, data: { id: event.data.id, kind: spec.kind, description: spec.description, valueCents, authorityLimitCents } }, by);
        break;
      }
      case "compensation_skipped":
        push({ type: event.type, data: { reason: d.pick(sc.skipReasons ?? SKIP_REASONS) } }, by);
        break;
      case "actions_agreed": {
        const option = chosen;
        if (!option) throw new Error("Actions agreed before a solution");
        const baseId = event.data.actions[0]?.id ?? `${settings.idPrefix}-${index}-action`;
        const specs = [...option.actions, ...(settled?.action ? [settled.action] : []), ...(severity >= 3 ? [FOLLOW_UP_CALL] : [])].slice(0, 10);
        const ids = specs.map((_, k) => (k === 0 ? baseId : `${baseId}-${k + 1}`));
        finalActionIds = ids;
        drafts.push({
          type: "actions_agreed",
          by,
          followUp: false,
          make: (at) => ({
            type: "actions_agreed",
            data: {
              actions: specs.map(
                (a, k): AgreedActionInput => ({ id: ids[k], description: a.description, owner: ownerName(a.owner), dueAt: dueAt(at, a.dueMinutes) }),
              ),
            },
          }),
        });
        break;
      }
      case "readback_answered":
        push(
          event.data.accepted
            ? { type: event.type, data: positiveReadback ? { accepted: true, comment: d.pick(READBACK_COMMENTS) } : { accepted: true } }
            : { type: event.type, data: { accepted: false, comment: d.pick(READBACK_REFUSALS) } },
          by,
        );
        break;
      case "root_causes_tagged":
        push({ type: event.type, data: { tags: [...cause.rootCauses], note: cause.prevention } }, by);
        break;
      case "case_closed":
        closed = true;
        push(event, by);
        break;
      case "customer_vented":
        push({ type: event.type, data: { backTo: event.data.backTo, note: d.pick(VENT_NOTES) } }, by);
        break;
      case "note_added":
        push({ type: event.type, data: { text: note ?? event.data.text } }, by);
        break;
      case "case_abandoned":
        push({ type: event.type, data: { reason: d.pick(ABANDON_REASONS[kind]) } }, by);
        break;
      case "action_updated":
        // The walkthrough follows up its one action; the seed follows up every agreed one.
        if (!followedUp) {
          followedUp = true;
          for (const actionId of finalActionIds) {
            push({ type: "action_updated", data: { actionId, status: "done", note: d.pick(FOLLOW_UP_NOTES) } }, "manager", true);
          }
        }
        break;
      case "manager_note_added":
        push({ type: event.type, data: { text: `${d.pick(MANAGER_NOTES)} ${cause.prevention}` } }, "manager", closed);
        break;
      default:
        push(event, by, closed);
    }
  }

  // A case still open stops where its target is reached.
  const live = liveTarget ? drafts.slice(0, cutAt(drafts, liveTarget, staffId, managerId)) : drafts;

  // Timings: the conversation takes 2–25 minutes; follow-up happens later.
  const conversation = live.filter((s) => !s.followUp);
  const range = ([[2, 8], [4, 13], [7, 19], [11, 25]] as const)[severity - 1];
  const detours = Math.max(0, conversation.length - 11);
  const targetMs = Math.min(25, d.between(range[0], range[1]) + detours * 0.8) * MINUTE * (outcome === "abandoned" ? 0.6 : 1);
  const gaps = spreadGaps(
    conversation.slice(1).map((s) => (STEP_WEIGHT[s.type] ?? 1) * d.between(0.6, 1.4)),
    targetMs,
  );
  const offsetsMs = [0];
  for (const gap of gaps) offsetsMs.push(offsetsMs[offsetsMs.length - 1] + gap);
  for (const [k] of live.slice(conversation.length).entries()) {
    const gap = k === 0 ? d.between(40 * MINUTE, 30 * HOUR) : d.between(20_000, 3 * MINUTE);
    offsetsMs.push(offsetsMs[offsetsMs.length - 1] + Math.round(gap));
  }
  const spanMs = offsetsMs[offsetsMs.length - 1];

  const plannedStart = liveTarget
    ? new Date(settings.now.getTime() - spanMs - Math.round(liveTarget.startsWith("awaiting") ? d.between(2, 7) * MINUTE : d.between(1, 12) * MINUTE))
    : pastStart(d, sc, kind, settings, spanMs);

  return {
    index,
    idPrefix: settings.idPrefix,
    scenario: sc.key,
    kind,
    locationId: locationOf(kind),
    staffId,
    managerId,
    outcome,
    liveTarget,
    offsetsMs,
    plannedStart,
    drafts: live,
  };
}

/** How many steps a still-open case keeps: up to the step that reaches its target. */
function cutAt(drafts: Draft[], target: LiveTarget, staffId: string, managerId: string): number {
  const actors: Record<Who, Actor> = { staff: { id: staffId, role: "staff" }, manager: { id: managerId, role: "manager" } };
  let state: CaseState = initialState;
  for (const [k, draft] of drafts.entries()) {
    const at = new Date(k * MINUTE);
    const result = transition(state, { ...draft.make(at), at, actor: actors[draft.by] });
    if (!result.ok) throw new Error(`Demo case step ${k} (${draft.type}) refused: ${result.reason}`);
    state = result.state;
    const reached =
      target === "awaiting_authority" || target === "awaiting_remedy"
        ? state.pendingManager?.kind === (target === "awaiting_authority" ? "authority" : "remedy")
        : state.phase === target && !state.pendingManager;
    if (reached) return k + 1;
  }
  throw new Error(`A demo case never reached ${target}`);
}

/** When a past case started: a busy day and hour for its kind, finished before `now`. */
function pastStart(d: Dice, sc: Scenario, kind: Kind, settings: DemoSeedSettings, spanMs: number): Date {
  const today = londonDay(settings.now);
  const nowMs = settings.now.getTime();
  const days = Array.from({ length: settings.days }, (_, offset) => ({ offset, weight: WEEKDAY_WEIGHT[weekday(today, -offset)] }));
  for (let attempt = 0; attempt < 40; attempt++) {
    const { offset } = d.weighted(days);
    const day = weekday(today, -offset);
    const weekend = day === 5 || day === 6;
    const windows = sc.when ?? (kind === "restaurant" ? (weekend ? RESTAURANT_WEEKEND : RESTAURANT_WEEKDAY) : HOTEL_DEFAULT);
    const w = d.weighted(windows);
    // Two uniform draws averaged: busiest in the middle of the window.
    const hour = w.from + ((w.to - w.from) * (d.next() + d.next())) / 2;
    const start = atLondon(today, -offset, hour * 60 + d.next() / 60);
    if (start.getTime() + spanMs <= nowMs - 5 * MINUTE && start.getTime() >= nowMs - settings.days * DAY) return start;
  }
  return new Date(nowMs - spanMs - HOUR);
}

/** The steps of a planned case as they are sent to the use-cases, starting at `start`. */
export function demoCaseSteps(plan: DemoCasePlan, start: Date = plan.plannedStart): DemoStep[] {
  return plan.drafts.map((draft, k) => {
    const at = new Date(start.getTime() + plan.offsetsMs[k]);
    return {
      clientEventId: `${plan.idPrefix}-${plan.index}-${k}`,
      event: draft.make(at),
      at,
      actorId: draft.by === "manager" ? plan.managerId : plan.staffId,
      byManager: draft.by === "manager",
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

/** A Friday evening: the default clock, so a default seed is the same on every machine. */
export const DEFAULT_DEMO_NOW = new Date("2026-11-20T21:30:00.000Z");
export const DEFAULT_DEMO_SEED = 20_261_120;

export type SeedDemoCasesOptions = {
  count?: number;
  days?: number;
  /** "Now" for the generator: cases fall in the `days` before it; a few are still open at it. */
  now?: Date;
  /** Seed of the PRNG. Another seed gives other cases (use another idPrefix too). */
  seed?: number;
  /** clientEventIds are `${idPrefix}-${case}-${step}`. */
  idPrefix?: string;
};

export type SeedDemoCasesResult = {
  /** Cases the plan holds. */
  cases: number;
  /** Cases opened by this run. */
  casesCreated: number;
  /** Events written by this run (0 when everything was already there). */
  eventsWritten: number;
  /** Cases found complete and left alone. */
  casesSkipped: number;
};

export function demoSeedSettings(options: SeedDemoCasesOptions, staffLimitCents: number): DemoSeedSettings {
  return {
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    days: options.days ?? 90,
    now: options.now ?? DEFAULT_DEMO_NOW,
    staffLimitCents,
    idPrefix: options.idPrefix ?? "seed",
  };
}

/** Every planned case, without touching the database. */
export function planDemoCases(count: number, settings: DemoSeedSettings): DemoCasePlan[] {
  return Array.from({ length: count }, (_, index) => planDemoCase(index, settings));
}

/**
 * Writes `count` past cases through openCase/appendEvent. Needs the reference data
 * (seedReferenceData) first. Idempotent: a case already complete is skipped, a case cut short
 * is finished from its stored opening time, so a second run (even on another day) adds nothing.
 */
export async function seedDemoCases(db: Db, options: SeedDemoCasesOptions = {}): Promise<SeedDemoCasesResult> {
  const count = options.count ?? 320;
  const settings = demoSeedSettings(options, await authorityLimitFor(db, "staff"));
  const stored = await db.caseEvent.findMany({
    where: { clientEventId: { startsWith: `${settings.idPrefix}-` } },
    select: { clientEventId: true, at: true },
  });
  const storedAt = new Map(stored.map((e) => [e.clientEventId, e.at]));
  const result: SeedDemoCasesResult = { cases: count, casesCreated: 0, eventsWritten: 0, casesSkipped: 0 };

  for (let index = 0; index < count; index++) {
    const plan = planDemoCase(index, settings);
    let steps = demoCaseSteps(plan);
    if (storedAt.has(steps[steps.length - 1].clientEventId)) {
      result.casesSkipped++;
      continue;
    }
    // Started before (perhaps on another day): finish it on its own clock.
    const openedAt = storedAt.get(steps[0].clientEventId);
    if (openedAt) steps = demoCaseSteps(plan, openedAt);

    const staff = actorFor(plan.staffId, plan.locationId);
    const manager = actorFor(plan.managerId, plan.locationId);
    const [first, ...rest] = steps;
    const opened = await openCase(db, staff, { clientEventId: first.clientEventId, locationId: plan.locationId }, () => first.at);
    if (!opened.duplicate) {
      result.casesCreated++;
      result.eventsWritten++;
    }
    for (const step of rest) {
      try {
        const appended = await appendEvent(
          db,
          step.byManager ? manager : staff,
          opened.caseId,
          { clientEventId: step.clientEventId, event: step.event },
          () => step.at,
        );
        if (!appended.duplicate) result.eventsWritten++;
      } catch (error) {
        // A case an earlier version of the seed wrote differently (the playbook's rules moved on
        // since): it stays as it was recorded, complete under the rules it was opened with.
        const earlierSeed = openedAt !== undefined && isAppError(error) && (error.code === "conflict" || error.code === "playbook_refused");
        if (!earlierSeed) throw error;
        result.casesSkipped++;
        break;
      }
    }
  }
  return result;
}
