// The stored state (docs/decisions/0023): an append continues from the decoded snapshot instead of
// folding the log, so over random logs every snapshot must decode to the state it was made from
// (less its notes, which a snapshot leaves out), every step must be decided alike from it, and
// carrying on from decoded snapshots, step by step, must give the fold (less the notes).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryEventSequence } from "@/tests/support/playbook/arbitraries";
import { fold, transition } from "./machine";
import { canonicalState, decodeState, encodeState, withoutNotes } from "./snapshot";
import { initialState, type CaseState } from "./state";

describe("the stored state's codec", () => {
  it("round-trips every state of random logs, and appending from decoded snapshots gives the fold", () => {
    fc.assert(
      fc.property(arbitraryEventSequence({ maxMutations: 12 }), (events) => {
        let direct: CaseState = initialState;
        let viaSnapshots: CaseState = initialState;
        const accepted = [];
        for (const event of events) {
          const a = transition(direct, event);
          const b = transition(decodeState(encodeState(viaSnapshots)), event);
          expect(b.ok).toBe(a.ok);
          if (!a.ok || !b.ok) continue;
          accepted.push(event);
          direct = a.state;
          viaSnapshots = b.state;
          // Decided alike: the same answer and the same state, but for the notes.
          expect(withoutNotes(b.state)).toEqual(withoutNotes(a.state));
          const decoded = decodeState(encodeState(direct));
          expect(decoded).toEqual(withoutNotes(direct));
          expect(canonicalState(decoded)).toBe(canonicalState(withoutNotes(direct)));
        }
        expect(withoutNotes(viaSnapshots)).toEqual(withoutNotes(fold(accepted)));
        expect(canonicalState(decodeState(encodeState(viaSnapshots)))).toBe(canonicalState(withoutNotes(fold(accepted))));
      }),
      { numRuns: 200 },
    );
  });

  it("keeps Dates as Dates, to the millisecond", () => {
    const at = new Date("2026-03-01T12:34:56.789Z");
    const state: CaseState = { ...initialState, openedAt: at, managerNotes: [{ text: "x", at, actorId: "u" }] };
    const decoded = decodeState(encodeState(state));
    expect(decoded.openedAt).toBeInstanceOf(Date);
    expect(decoded.openedAt?.getTime()).toBe(at.getTime());
    expect(decoded.managerNotes[0].at).toBeInstanceOf(Date);
  });

  it("leaves the notes out, so a long case's snapshot is no bigger than a short one's", () => {
    const at = new Date("2026-03-01T12:34:56.789Z");
    const notes = Array.from({ length: 200 }, (_, i) => ({ text: `Note ${i}: the customer mentioned it again`, at, actorId: "u" }));
    const short = encodeState({ ...initialState, openedAt: at, notes: notes.slice(0, 1) });
    const long = encodeState({ ...initialState, openedAt: at, notes });
    expect(long).toBe(short);
    expect(long).not.toContain("the customer mentioned");
    // A snapshot written before notes were left out still decodes, without them.
    const older = JSON.stringify({ ...JSON.parse(long), notes: [{ text: "old", at: at.getTime(), actorId: "u" }] });
    expect(decodeState(older).notes).toEqual([]);
  });

  it("tells different states apart", () => {
    const a: CaseState = { ...initialState, openedAt: new Date(1) };
    const b: CaseState = { ...initialState, openedAt: new Date(2) };
    expect(canonicalState(a)).not.toBe(canonicalState(b));
    expect(canonicalState({ ...initialState, facts: undefined })).toBe(canonicalState(initialState));
  });
});
