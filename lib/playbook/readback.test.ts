import { describe, it, expect } from "vitest";
import { withOwnLimit } from "./authority";
import { PLAYBOOK_REVISION, type Actor, type PlaybookEvent, type RecordedEvent } from "./events";
import { fold } from "./machine";
import { buildReadback, formatDue, remedyText } from "./readback";
import { initialState, type CaseState } from "./state";

const staff: Actor = { id: "u-staff", role: "staff" };
const manager: Actor = { id: "u-manager", role: "manager" };
let clock = Date.parse("2025-03-14T19:00:00Z");
const LIMITS = { staff: 2000, manager: 20000, admin: 100000, trainer: 0 } as const;
const rec = (event: PlaybookEvent, actor: Actor = staff): RecordedEvent => ({
  ...withOwnLimit(event, LIMITS[actor.role]),
  at: new Date((clock += 60_000)),
  actor,
});

const opening = (): RecordedEvent[] => [
  rec({
    type: "case_opened",
    data: { reference: "C-101", locationId: "loc-1", authorityLimitCents: 2000, practice: false, revision: PLAYBOOK_REVISION },
  }),
  rec({
    type: "complaint_heard",
    data: { customerWords: "My steak is cold", category: "food_quality", severity: 2, spot: "Table 12", mood: "upset" },
  }),
  rec({ type: "feeling_validated", data: { feeling: "disappointed", acknowledged: true } }),
  rec({ type: "apology_given", data: { sincere: true, ourFault: true } }),
  rec({ type: "options_offered", data: { options: ["Remake the steak medium-rare", "a refund for the two iced teas"] } }),
];

/** A case walked through the real machine up to Confirm. */
function caseAtConfirm(extra: RecordedEvent[] = [], compensation: "offer" | "skip" | "approve" | "counter" = "offer"): CaseState {
  const events: RecordedEvent[] = [...opening(), rec({ type: "solution_agreed", data: { option: "Remake the steak medium-rare" } })];
  if (compensation === "offer") {
    events.push(
      rec({
        type: "compensation_offered",
        data: { id: "comp-1", kind: "free_item", description: "Dessert on the house", valueCents: 650 },
      }),
    );
  } else if (compensation === "skip") {
    events.push(rec({ type: "compensation_skipped", data: { reason: "Guest declined anything extra" } }));
  } else {
    events.push(
      rec({
        type: "compensation_offered",
        data: { id: "comp-1", kind: "refund", description: "Whole table's bill refunded.", valueCents: 18000 },
      }),
    );
    events.push(
      compensation === "approve"
        ? rec({ type: "manager_decided", data: { decision: "approved" } }, manager)
        : rec(
            {
              type: "manager_decided",
              data: {
                decision: "approved",
                note: "£60 is what the two mains cost.",
                remedy: { kind: "discount", description: "£60 off the table's bill", valueCents: 6000 },
              },
            },
            manager,
          ),
    );
  }
  return fold([...events, ...extra], initialState);
}

const actions = () =>
  rec({
    type: "actions_agreed",
    data: {
      actions: [
        { id: "a1", description: "Bring the new steak to your table", owner: "Priya", dueAt: "2025-03-14T19:25:00Z" },
        { id: "a2", description: "a refund for the two iced teas.", owner: "Sam", dueAt: "2025-03-15T10:00:00Z" },
        { id: "a3", description: "I'll check back after your main course", owner: "me", dueAt: "2025-03-14T20:00:00+00:00" },
      ],
    },
  });

const NOW = new Date("2025-03-14T19:10:00Z");

describe("buildReadback", () => {
  it("reads back the option as agreed, the remedy from its kind and value, and each action with its owner and time", () => {
    const state = caseAtConfirm([actions()]);
    expect(state.phase).toBe("confirm");
    const readback = buildReadback(state, { timeZone: "Europe/London", now: NOW });
    expect(readback.headline).toBe("Here is what we've agreed");
    expect(readback.agreed).toBe("Remake the steak medium-rare");
    expect(readback.remedy).toMatchObject({ text: "Something on the house, worth £6.50", words: "Dessert on the house" });
    expect(readback.lines).toEqual([
      "What we agreed: Remake the steak medium-rare",
      "To make up for it: Something on the house, worth £6.50 (“Dessert on the house”)",
      "Bring the new steak to your table — Priya will see to it by today at 19:25.",
      // A noun phrase stays an item of its own: never "We will a refund…".
      "A refund for the two iced teas — Sam will see to it by tomorrow at 10:00.",
      "I'll check back after your main course — I will see to it by today at 20:00.",
    ]);
    expect(readback.lines.join(" ")).not.toMatch(/\bWe will\b/);
  });

  it("says plainly when there is no compensation", () => {
    const readback = buildReadback(caseAtConfirm([actions()], "skip"));
    expect(readback.lines[1]).toBe("No compensation is included.");
    expect(readback.remedy).toBeNull();
    expect(readback.lines.join(" ")).not.toMatch(/£/);
  });

  it("reads back a remedy a manager approved as asked", () => {
    const state = caseAtConfirm([actions()], "approve");
    expect(state.phase).toBe("confirm");
    expect(buildReadback(state).lines[1]).toBe("To make up for it: A refund of £180.00 (“Whole table's bill refunded”)");
  });

  it("reads back a counter-offer as approved, never what was asked", () => {
    const state = caseAtConfirm([actions()], "counter");
    expect(state.phase).toBe("confirm");
    const text = buildReadback(state).lines.join("\n");
    expect(text).toContain("To make up for it: £60.00 off your bill (“£60 off the table's bill”)");
    expect(text).not.toContain("£180");
    expect(text).not.toContain("Whole table");
  });

  it("leaves out the amount of a remedy that costs nothing", () => {
    expect(remedyText("gesture", 0)).toBe("A small gesture from us");
    expect(remedyText("voucher", 2500)).toBe("A voucher worth £25.00 for your next visit");
  });

  it("formats due times in the venue's zone, in British English, whatever the tablet's", () => {
    expect(formatDue("2025-03-14T19:25:00Z")).toBe("Fri 14 Mar at 19:25");
    expect(formatDue("2025-07-14T19:25:00Z", { timeZone: "Europe/London" })).toBe("Mon 14 Jul at 20:25");
    expect(formatDue("2025-07-14T19:25:00Z", { timeZone: "America/New_York" })).toBe("Mon 14 Jul at 15:25");
    expect(formatDue("2025-03-14T23:30:00Z", { timeZone: "Europe/London", now: NOW })).toBe("today at 23:30");
    expect(formatDue("2025-03-15T00:30:00Z", { timeZone: "Europe/London", now: NOW })).toBe("tomorrow at 00:30");
  });

  it("copes with no agreed solution or actions, and keeps an owner's own words", () => {
    const state: CaseState = {
      ...initialState,
      phase: "confirm",
      actions: [{ id: "x", description: "DJ turns the music down", owner: "bar team", dueAt: "2025-03-14T21:00:00Z", status: "open" }],
    };
    expect(buildReadback(state).lines).toEqual([
      "We haven't agreed a solution yet.",
      "No compensation is included.",
      "DJ turns the music down — Bar team will see to it by Fri 14 Mar at 21:00.",
    ]);
  });
});
