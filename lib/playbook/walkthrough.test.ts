import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { playbookEventSchema, type RecordedEvent } from "./events";
import { fold, transition } from "./machine";
import { projectCase } from "./projection";
import { initialState } from "./state";
import { acceptedPrefix, arbitraryEventSequence, arbitraryScriptOptions, withFreshIds } from "@/tests/support/playbook/arbitraries";
import {
  DEFAULT_MANAGER,
  happyPathEvents,
  recordScript,
  recorded,
  SCRIPT_VARIANTS,
  scriptCase,
  type ScriptOptions,
} from "@/tests/support/playbook/walkthrough";

/** The demo venues keep London time: the projection needs the venue's clock for the case's day. */
const LONDON_VENUE = { timeZone: "Europe/London" };

const variants = Object.entries(SCRIPT_VARIANTS) as [string, ScriptOptions][];

describe.each(variants)("scripted case %s", (_name, options) => {
  const script = scriptCase(options);
  const events = recordScript(script);
  const expected = options.abandonAt ? "abandoned" : "closed";

  it(`folds to ${expected}`, () => {
    const state = fold(events);
    expect(state.phase).toBe(expected);
    expect(state.pendingManager).toBeUndefined();
    expect(projectCase(state, LONDON_VENUE).row.status).toBe(expected);
  });

  it("starts with case_opened and ends the case, followed only by follow-up", () => {
    expect(script.events[0].type).toBe("case_opened");
    const end = script.events.findIndex((e) => e.type === "case_closed" || e.type === "case_abandoned");
    expect(script.events[end].type).toBe(options.abandonAt ? "case_abandoned" : "case_closed");
    const after = script.events.slice(end + 1).map((e) => e.type);
    if (options.followUp) expect(after).toEqual(["action_updated", "manager_note_added"]);
    else expect(after).toEqual([]);
  });

  it("passes the event schemas", () => {
    for (const event of script.events) expect(playbookEventSchema.parse(event)).toEqual(event);
  });

  it("marks exactly the manager decisions and manager offers as manager events", () => {
    const byManager = script.events
      .map((e, i) => ({ e, i }))
      .filter(
        ({ e }) =>
          e.type === "manager_decided" ||
          e.type === "action_updated" ||
          e.type === "manager_note_added" ||
          (e.type === "compensation_offered" && options.compensationByManager),
      )
      .map(({ i }) => i);
    expect(script.managerEventIndexes).toEqual(byManager);
    for (const index of script.managerEventIndexes) expect(events[index].actor).toEqual(DEFAULT_MANAGER);
  });

  it("is deterministic", () => {
    expect(scriptCase(options)).toEqual(script);
  });
});

describe("scripted details", () => {
  it("counts a return to Listen when venting", () => {
    expect(fold(recordScript(scriptCase(SCRIPT_VARIANTS.ventAtSolve))).returnsToListen).toBe(1);
  });

  it("marks the final agreed action done when followed up", () => {
    const state = fold(recordScript(scriptCase(SCRIPT_VARIANTS.followedUp)));
    expect(state.phase).toBe("closed");
    expect(state.actions.map((a) => [a.id, a.status])).toEqual([["case-1-action-2", "done"]]);
    expect(state.managerNotes).toHaveLength(1);
  });

  it("records one read-back refusal", () => {
    expect(fold(recordScript(scriptCase(SCRIPT_VARIANTS.readbackRefusedOnce))).readbackRefusals).toBe(1);
  });

  it("settles compensation as the options say", () => {
    const settle = (options: ScriptOptions) => fold(recordScript(scriptCase(options))).compensation.map((c) => c.status);
    expect(settle(SCRIPT_VARIANTS.compensationAboveLimit)).toEqual(["approved"]);
    expect(settle(SCRIPT_VARIANTS.compensationByManager)).toEqual(["offered"]);
    expect(settle(SCRIPT_VARIANTS.compensationDeclinedOnce)).toEqual(["declined", "offered"]);
    expect(settle(SCRIPT_VARIANTS.minorSkipCompensation)).toEqual([]);
  });

  it("agrees the alternative to a 'no' and the manager's option", () => {
    expect(fold(recordScript(scriptCase(SCRIPT_VARIANTS.sayNo))).chosenOption).toBe("Dessert and coffee on the house");
    expect(fold(recordScript(scriptCase(SCRIPT_VARIANTS.escalationApproved))).chosenOption).toBe("Manager offers a table for next week");
  });

  it("uses the ids, reference and complaint it is given", () => {
    const events = happyPathEvents({ id: "x9", reference: "REF-9", category: "noise", severity: 4 });
    const state = fold(recordScript({ events, managerEventIndexes: [] }));
    expect(state.reference).toBe("REF-9");
    expect(state.complaint).toMatchObject({ category: "noise", severity: 4 });
    expect(state.compensation.map((c) => c.id)).toEqual(["x9-comp-1"]);
    expect(state.actions.map((a) => a.id)).toEqual(["x9-action-1"]);
  });

  it("keeps defaults for options given as undefined", () => {
    expect(scriptCase({ severity: undefined, ventAt: undefined })).toEqual(scriptCase({}));
  });

  it("records events one step apart", () => {
    const start = new Date("2025-01-01T10:00:00.000Z");
    const events = recordScript(scriptCase(), { start, stepMs: 1000 });
    expect(events.map((e) => e.at.getTime() - start.getTime())).toEqual(events.map((_e, i) => i * 1000));
  });

  it("folds every generated script option set to closed or abandoned", () => {
    fc.assert(
      fc.property(arbitraryScriptOptions(), (options) => {
        const state = fold(recordScript(scriptCase(options)));
        expect(state.phase).toBe(options.abandonAt ? "abandoned" : "closed");
      }),
      { numRuns: 300 },
    );
  });
});

describe("generated event sequences", () => {
  it("are schema-valid, with strictly increasing times and staff or manager actors", () => {
    fc.assert(
      fc.property(arbitraryEventSequence({ staffIds: ["s1", "s2"], managerIds: ["m1"] }), (events) => {
        expect(events.length).toBeGreaterThan(0);
        events.forEach((event, i) => {
          playbookEventSchema.parse({ type: event.type, data: event.data });
          if (i > 0) expect(event.at.getTime()).toBeGreaterThan(events[i - 1].at.getTime());
          expect([
            ["staff", "s1"],
            ["staff", "s2"],
            ["manager", "m1"],
          ]).toContainEqual([event.actor.role, event.actor.id]);
        });
        expect(events[0].type).toBe("case_opened");
      }),
      { numRuns: 300 },
    );
  });

  it("give prefixed ids: compensation unique in the log, actions unique in each agreement", () => {
    fc.assert(
      fc.property(arbitraryEventSequence({ idPrefix: "RUN7" }), (events) => {
        const compensation = events.flatMap((e) => (e.type === "compensation_offered" ? [e.data.id] : []));
        expect(new Set(compensation).size).toBe(compensation.length);
        for (const e of events) {
          if (e.type === "case_opened") expect(e.data.reference).toBe("RUN7");
          if (e.type === "compensation_offered") expect(e.data.id.startsWith("RUN7-")).toBe(true);
          if (e.type === "action_updated") expect(e.data.actionId.startsWith("RUN7-")).toBe(true);
          if (e.type === "actions_agreed") {
            const ids = e.data.actions.map((a) => a.id);
            expect(new Set(ids).size).toBe(ids.length);
            for (const id of ids) expect(id.startsWith("RUN7-")).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("mix accepted and refused events, and sometimes finish the case", () => {
    const samples = fc.sample(arbitraryEventSequence(), { numRuns: 500, seed: 1 });
    const results = samples.map((events) => acceptedPrefix(events));
    expect(results.some((r) => r.refused.length > 0)).toBe(true);
    expect(results.some((r) => r.refused.length === 0)).toBe(true);
    expect(results.some((r) => r.state.phase === "closed")).toBe(true);
    expect(results.some((r) => r.state.phase === "abandoned")).toBe(true);
    expect(results.some((r) => r.state.pendingManager !== undefined)).toBe(true);
    const codes = new Set(results.flatMap((r) => r.refused.map((x) => x.refusal.code)));
    expect([...codes].sort()).toEqual(["awaiting_manager", "case_ended", "not_authorised", "not_ready", "wrong_stage"]);
  });

  it("acceptedPrefix keeps exactly what fold accepts, and the projection matches", () => {
    fc.assert(
      fc.property(arbitraryEventSequence(), (events) => {
        const { accepted, refused, state } = acceptedPrefix(events);
        expect(accepted.length + refused.length).toBe(events.length);
        expect(fold(accepted)).toEqual(state);
        for (const { index, event } of refused) expect(events[index]).toBe(event);
        if (state.phase !== "new") expect(projectCase(state, LONDON_VENUE)).toEqual(projectCase(fold(accepted), LONDON_VENUE));
      }),
      { numRuns: 300 },
    );
  });

  it("withFreshIds does not change the fold", () => {
    fc.assert(
      fc.property(arbitraryEventSequence(), (events) => {
        const renamed = withFreshIds(events, "OTHER");
        const refusedCodes = (log: RecordedEvent[]) => acceptedPrefix(log).refused.map((r) => r.refusal.code);
        expect(refusedCodes(renamed)).toEqual(refusedCodes(events));
        expect(acceptedPrefix(renamed).state.phase).toBe(acceptedPrefix(events).state.phase);
      }),
      { numRuns: 100 },
    );
  });

  it("recorded adds time and actor without touching the event", () => {
    const [opened] = happyPathEvents();
    const at = new Date("2025-02-02T02:02:02.000Z");
    const event = recorded(opened, at, DEFAULT_MANAGER);
    expect(event).toEqual({ ...opened, at, actor: DEFAULT_MANAGER });
    expect(transition(initialState, event).ok).toBe(true);
  });
});
