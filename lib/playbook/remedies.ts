// Remedies proportionate to severity: a small gesture for a small slip, a full refund and a
// manager's follow-up for a serious failure. The worse the failure, the more it takes to win
// a customer back, so the suggestion grows with severity. Amounts are in pence (cents).
import type { Severity } from "./vocabulary";

export type Remedy = { label: string; examples: string[]; maxSuggestedCents: number };
export type Proportion = "low" | "fair" | "high";

export const REMEDIES: Record<Severity, Remedy> = {
  1: {
    label: "A small gesture",
    examples: ["A drink on the house", "A dessert or coffee on us", "A side dish on the house"],
    maxSuggestedCents: 500,
  },
  2: {
    label: "The item off the bill",
    examples: ["Take the dish off the bill", "A complimentary course", "A round of drinks on us"],
    maxSuggestedCents: 1500,
  },
  3: {
    label: "A significant discount",
    examples: ["The meal on the house", "A generous discount on the bill", "A voucher for a return visit"],
    maxSuggestedCents: 6000,
  },
  4: {
    label: "A full refund and a manager's follow-up",
    examples: ["A full refund", "A manager calls the guest within a day", "A voucher to put it right next time"],
    maxSuggestedCents: 20000,
  },
};

export function suggestRemedy(severity: Severity): Remedy {
  const remedy = REMEDIES[severity];
  return { label: remedy.label, examples: [...remedy.examples], maxSuggestedCents: remedy.maxSuggestedCents };
}

/**
 * Below the band ("low"), inside it ("fair") or above it ("high"). A band starts where the
 * one below it ends: giving a major failure what a minor one would get is low. At severity 1
 * any small gesture is fair, even one that costs nothing.
 */
export function isProportionate(severity: Severity, valueCents: number): Proportion {
  const max = REMEDIES[severity].maxSuggestedCents;
  const min = severity === 1 ? 0 : REMEDIES[(severity - 1) as Severity].maxSuggestedCents;
  if (valueCents > max) return "high";
  if (valueCents < min) return "low";
  return "fair";
}
