import { describe, it, expect } from "vitest";
import type { Actor, PlaybookEvent, RecordedEvent } from "./events";
import { fold } from "./machine";
import { buildReadback, formatDueDefault } from "./readback";
import { initialState, type CaseState } from "./state";

const staff: Actor = { id: "u-staff", role: "staff" };
const manager: Actor = { id: "u-manager", role: "manager" };
let clock = Date.parse("2025-03-14T19:00:00Z");
const rec = (event: PlaybookEvent, actor: Actor = staff): RecordedEvent => ({ ...event, at: new Date((clock += 60_000)), actor });

/** A case walked through the real machine up to Confirm. */
function caseAtConfirm(extra: RecordedEvent[] = [], compensation: "offer" | "skip" | "approve" = "offer"): CaseState {
  const events: RecordedEvent[] = [
    rec({ type: "case_opened", data: { reference: "C-101", locationId: "loc-1", authorityLimitCents: 2000, practice: false } }),
    rec({
      type: "complaint_heard",
      data: { customerWords: "My steak is cold", category: "food_quality", severity: 2, spot: "Table 12", mood: "upset" },
    }),
    rec({ type: "feeling_validated", data: { feeling: "disappointed", acknowledged: true } }),
    rec({ type: "apology_given", data: { sincere: true, ourFault: true } }),
    rec({ type: "options_offered", data: { options: ["Remake the steak medium-rare", "Swap for the sea bass"] } }),
    rec({ type: "solution_agreed", data: { option: "Remake the steak medium-rare" } }),
  ];
  if (compensation === "offer") {
    events.push(
      rec({ type: "compensation_offered", data: { id: "comp-1", kind: "free_item", description: "Dessert on the house", valueCents: 650 } }),
    );
  } else if (compensation === "skip") {
    events.push(rec({ type: "compensation_skipped", data: { reason: "Guest declined anything extra" } }));
  } else {
    events.push(
      rec({ type: "compensation_offered", data: { id: "comp-1", kind: "refund", description: "Whole meal refunded.", valueCents: 8450 } }),
      rec({ type: "manager_decided", data: { decision: "approved" } }, manager),
    );
  }
  return fold([...events, ...extra], initialState);
}

const actions = rec({
  type: "actions_agreed",
  data: {
    actions: [
      { id: "a1", description: "Bring the new steak to your table", owner: "Priya", dueAt: "2025-03-14T19:25:00Z" },
      { id: "a2", description: "Manager to call you tomorrow about your next booking", owner: "Sam", dueAt: "2025-03-15T10:00:00Z" },
      { id: "a3", description: "I'll check back after your main course", owner: "me", dueAt: "2025-03-14T20:00:00+00:00" },
    ],
  },
});

const fixedDue = (iso: string) => `[${iso}]`;

describe("buildReadback", () => {
  it("reads back the solution, compensation and each action to the customer", () => {
    const state = caseAtConfirm([actions]);
    expect(state.phase).toBe("confirm");
    const readback = buildReadback(state, fixedDue);
    expect(readback.headline).toBe("Here is what we've agreed");
    expect(readback.lines).toEqual([
      "We agreed: Remake the steak medium-rare.",
      "To say sorry: Dessert on the house (£6.50).",
      "We will bring the new steak to your table. Priya will see to it by [2025-03-14T19:25:00Z].",
      "Manager to call you tomorrow about your next booking. Sam will see to it by [2025-03-15T10:00:00Z].",
      "I'll check back after your main course. I will see to it by [2025-03-14T20:00:00+00:00].",
    ]);
  });

  it("says plainly when there is no compensation", () => {
    const readback = buildReadback(caseAtConfirm([actions], "skip"), fixedDue);
    expect(readback.lines[1]).toBe("No compensation is included.");
    expect(readback.lines.join(" ")).not.toMatch(/£/);
  });

  it("includes compensation a manager approved, with its value", () => {
    const state = caseAtConfirm([actions], "approve");
    expect(state.phase).toBe("confirm");
    expect(buildReadback(state, fixedDue).lines[1]).toBe("To say sorry: Whole meal refunded (£84.50).");
  });

  it("leaves out the amount of a gesture that costs nothing", () => {
    const state: CaseState = {
      ...caseAtConfirm(),
      compensation: [{ id: "c", kind: "gesture", description: "A table by the window next time", valueCents: 0, status: "offered" }],
    };
    expect(buildReadback(state).lines[1]).toBe("To say sorry: A table by the window next time.");
  });

  it("formats due times in en-GB, UTC, by default", () => {
    const due = formatDueDefault("2025-03-14T19:25:00Z");
    expect(due).toMatch(/Fri/);
    expect(due).toMatch(/14 Mar/);
    expect(due).toMatch(/19:25/);
    expect(formatDueDefault("2025-03-14T21:25:00+02:00")).toBe(due);
    const line = buildReadback(caseAtConfirm([actions])).lines[2];
    expect(line).toBe(`We will bring the new steak to your table. Priya will see to it by ${due}.`);
  });

  it("keeps acronyms and copes with no agreed solution or actions", () => {
    const state: CaseState = {
      ...initialState,
      phase: "confirm",
      actions: [{ id: "x", description: "DJ turns the music down", owner: "Bar team", dueAt: "2025-03-14T21:00:00Z", status: "open" }],
    };
    expect(buildReadback(state, fixedDue).lines).toEqual([
      "We haven't agreed a solution yet.",
      "No compensation is included.",
      "DJ turns the music down. Bar team will see to it by [2025-03-14T21:00:00Z].",
    ]);
  });
});
