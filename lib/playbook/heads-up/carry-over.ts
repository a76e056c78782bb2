// A heads-up that turns into a complaint carries its context into the complaint case's opening
// step, so the complaint starts at Listen with nothing retyped: what was happening, where, the
// reason the customer was given, the option they chose, and who told them when.
import * as z from "zod/mini";
import type { HeadsUpState } from "./state";
import { HEADS_UP_CHOICES, HEADS_UP_KINDS } from "./vocabulary";

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const headsUpCarryOverSchema = z.object({
  headsUpCaseId: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  reference: text(20),
  kind: z.enum(HEADS_UP_KINDS),
  what: text(200),
  spot: text(80),
  reason: z.optional(text(300)),
  choice: z.optional(z.enum(HEADS_UP_CHOICES)),
  option: z.optional(text(200)),
  toldAt: z.optional(z.iso.datetime({ offset: true })),
  toldById: z.optional(text(64)),
});
export type HeadsUpCarryOver = z.infer<typeof headsUpCarryOverSchema>;

/** The context a complaint opened from this heads-up starts with; null before anything was noticed. */
export function headsUpCarryOver(caseId: string, state: HeadsUpState): HeadsUpCarryOver | null {
  if (!state.issue || !state.reference) return null;
  return {
    headsUpCaseId: caseId,
    reference: state.reference,
    kind: state.issue.kind,
    what: state.issue.what,
    spot: state.issue.spot,
    reason: state.reason?.reason,
    choice: state.decision?.choice,
    option: state.decision?.option,
    toldAt: state.toldAt?.toISOString(),
    toldById: state.toldById,
  };
}
