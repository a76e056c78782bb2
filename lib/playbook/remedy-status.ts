// A remedy's status in words, the same on every screen. "Offered" only while the customer has
// not yet said yes to the read-back that promised it; after that it was given.
import { formatMoney } from "./money";
import type { CaseState, CompensationState } from "./state";

export function remedyGiven(remedy: CompensationState, state: CaseState): boolean {
  return (remedy.status === "offered" || remedy.status === "approved") && remedy.round === state.round && state.readback?.accepted === true;
}

export function remedyStatusText(remedy: CompensationState, state: CaseState, decidedBy?: string): string {
  const by = decidedBy ? ` by ${decidedBy}` : "";
  const instead = remedy.requested ? ` instead of ${formatMoney(remedy.requested.valueCents)}` : "";
  switch (remedy.status) {
    case "awaiting_approval":
      return "waiting for a manager";
    case "approved":
      return `approved${by}${instead}${remedyGiven(remedy, state) ? ", given" : ""}`;
    case "offered":
      return remedyGiven(remedy, state) ? "given" : "offered";
    case "declined":
      return `declined${by}`;
    case "withdrawn":
      return "withdrawn when the customer left";
    case "superseded":
      return "superseded: the customer said “not quite”";
  }
}
