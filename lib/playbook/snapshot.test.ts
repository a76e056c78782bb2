// The stored state (docs/decisions/0023): an append continues from the decoded snapshot instead of
// folding the log, so over random logs every snapshot must decode to the state it was made from,
// and carrying on from decoded snapshots, step by step, must give exactly the fold.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryEventSequence } from "@/tests/support/playbook/arbitraries";
import { fold, transition } from "./machine";
import { canonicalState, decodeState, encodeState } from "./snapshot";
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
          const decoded = decodeState(encodeState(direct));
          expect(decoded).toEqual(direct);
          expect(canonicalState(decoded)).toBe(canonicalState(direct));
        }
        expect(viaSnapshots).toEqual(fold(accepted));
        expect(canonicalState(decodeState(encodeState(viaSnapshots)))).toBe(canonicalState(fold(accepted)));
      }),
      { numRuns: 200 },
    );
  });

  it("keeps Dates as Dates, to the millisecond", () => {
    const at = new Date("2026-03-01T12:34:56.789Z");
    const state: CaseState = { ...initialState, openedAt: at, notes: [{ text: "x", at, actorId: "u" }] };
    const decoded = decodeState(encodeState(state));
    expect(decoded.openedAt).toBeInstanceOf(Date);
    expect(decoded.openedAt?.getTime()).toBe(at.getTime());
    expect(decoded.notes[0].at).toBeInstanceOf(Date);
  });

  it("tells different states apart", () => {
    const a: CaseState = { ...initialState, openedAt: new Date(1) };
    const b: CaseState = { ...initialState, openedAt: new Date(2) };
    expect(canonicalState(a)).not.toBe(canonicalState(b));
    expect(canonicalState({ ...initialState, facts: undefined })).toBe(canonicalState(initialState));
  });
});
